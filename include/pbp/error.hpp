/// @file error.hpp
/// @brief The library's exceptions. A model's content never throws: its problems are
/// diagnostics (diagnostics.hpp). Exceptions are for misuse of the API (an unknown id, a bad
/// argument), arithmetic that would overflow, and I/O.
#pragma once

#include <stdexcept>
#include <string>

namespace pbp {

/// Base of every exception the library throws.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A caller's argument is not acceptable (an id not in the model, a malformed amount, an empty
/// list of areas...). The message names the offending value.
class InvalidArgument : public Error {
public:
    using Error::Error;
};

/// Exact arithmetic would leave the range the library guarantees (money beyond 2^127 pence).
class Overflow : public Error {
public:
    using Error::Error;
};

/// A file could not be read or written.
class IoError : public Error {
public:
    using Error::Error;
};

}  // namespace pbp

// Helpers every family of tests uses: a day written as in the file, the codes of a list of
// diagnostics, a model from tests/data. One definition each, so that the test files can also be
// compiled together (CMAKE_UNITY_BUILD, as the sanitizer builds of scripts/run-tests.sh do).
#pragma once

#include "pbp/date.hpp"
#include "pbp/diagnostics.hpp"
#include "pbp/load.hpp"
#include "pbp/money.hpp"

#include <boost/json/value.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pbp::test {

/// The day `s` (YYYY-MM-DD); fails the test when `s` is not one.
inline Date day(const char* s) {
    const std::optional<Date> d = parse_date(s);
    REQUIRE_MESSAGE(d.has_value(), s);
    return *d;
}

/// The amount `s` (as written in a model, "1234.50"); fails the test when `s` is not one.
inline Money gbp(const char* s) {
    const std::optional<Money> v = Money::parse(s);
    REQUIRE_MESSAGE(v.has_value(), s);
    return *v;
}

/// The strings of the JSON array `v`.
inline std::vector<std::string> strings(const boost::json::value& v) {
    std::vector<std::string> out;
    for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
    return out;
}

/// How many times `what` occurs in `text`, overlaps included.
inline std::size_t occurrences(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

/// The codes of `ds`, in order.
inline std::vector<std::string> codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    out.reserve(ds.size());
    for (const Diagnostic& d : ds) out.push_back(d.code);
    return out;
}

/// Every diagnostic of `ds`, one a line (code, pointer, message): the message of a check that
/// expected none, so that a failure says what was found.
inline std::string listing(const Diagnostics& ds) {
    std::string out;
    for (const Diagnostic& d : ds) out += d.code + " " + d.path + ": " + d.message + "\n";
    return out;
}

/// tests/data/`folder`/`name`, loaded; fails the test when it does not load.
inline std::shared_ptr<const Model> load_test_model(std::string_view folder, std::string_view name) {
    const std::string path = std::string(PBP_TEST_DATA) + "/" + std::string(folder) + "/" + std::string(name);
    LoadResult r = load_model_file(path);
    REQUIRE_MESSAGE(r.model, path);
    return r.model;
}

}  // namespace pbp::test

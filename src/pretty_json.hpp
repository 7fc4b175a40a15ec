// Re-indenting JSON text without parsing it into a document (src/pretty_json.cpp).
#pragma once

#include <boost/json/serializer.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace pbp::detail {

/// One serializer, reset for every scalar: boost::json::serialize() would build a serializer
/// and a string per call, which made writing the 34,000-area England model take seconds. Every
/// string is still escaped by Boost.JSON.
class JsonScalars {
public:
    void write(std::string& out, boost::json::string_view key);
    void write(std::string& out, const boost::json::value& v);

private:
    void append(std::string& out);
    boost::json::serializer sr_;
    char buf_[256];
};

/// `v` laid out as pretty_json() lays out a value at depth `indent` of a document (two spaces
/// a level), appended to `out`: for writing a large document piece by piece, what surrounds
/// `v` written by the caller.
void write_pretty(std::string& out, const boost::json::value& v, int indent, JsonScalars& scalars);

/// `text` (JSON, with the comments and trailing commas pbp accepts) laid out as pretty_json()
/// lays out a document, every value as the text wrote it: numbers keep their digits, a key
/// written twice is written twice; comments are dropped. No value when `text` is not such JSON.
std::optional<std::string> reindent_json(std::string_view text);

}  // namespace pbp::detail

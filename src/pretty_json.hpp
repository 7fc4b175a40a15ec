// Re-indenting JSON text without parsing it into a document (src/pretty_json.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pbp::detail {

/// `text` (JSON, with the comments and trailing commas pbp accepts) laid out as pretty_json()
/// lays out a document, every value as the text wrote it: numbers keep their digits, a key
/// written twice is written twice; comments are dropped. No value when `text` is not such JSON.
std::optional<std::string> reindent_json(std::string_view text);

}  // namespace pbp::detail

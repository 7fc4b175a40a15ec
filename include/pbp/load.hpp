/// @file load.hpp
/// @brief Reading and writing `pbp/1` model files (SPEC 1).
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace pbp {

/// What load_model() accepts (docs/limits.md). Each bound keeps the time and memory of loading
/// a file, and of every query on it, in proportion to a model a governance officer could
/// write; going past one is a diagnostic, never a crash or unbounded work.
namespace limits {
/// E010: the largest file, in bytes (128 MiB; a million-entity model is about 111 MB).
inline constexpr std::size_t file_bytes = std::size_t{128} << 20;
/// E011: the deepest nesting of arrays and objects (a model needs 5 levels; `attrs` may add).
inline constexpr int depth = 64;
/// E012: the most entries of the six entity sections together.
inline constexpr std::size_t entities = 2'000'000;
/// E012: the most entries in each of `relations`, `flows` and `assessments`.
inline constexpr std::size_t relations = 2'000'000;
/// E013: the longest string or key, in bytes of UTF-8 (1 MiB).
inline constexpr std::size_t string_bytes = std::size_t{1} << 20;
/// E015: the most digits in an amount of money, before and after the point together (the
/// largest amount pbp holds, 2^127 - 1 pence, has 39).
inline constexpr std::size_t amount_digits = 40;
/// E016: the largest `population` of an area (ten billion).
inline constexpr std::int64_t population = 10'000'000'000;
}  // namespace limits

/// The outcome of loading: a model (absent only on E001, E002 or a limit of the file as a whole
/// being exceeded, E010-E014) and every diagnostic found while reading it.
struct LoadResult {
    std::shared_ptr<const Model> model;
    Diagnostics diagnostics;
};

/// Parses a model from UTF-8 JSON text. Comments and trailing commas are accepted, and so is a
/// byte order mark. Every structural problem (E003-E009, W009, E015-E017) is collected, not just
/// the first, and the rest of the model still loads; only invalid JSON or UTF-8 (E001), a wrong
/// `format` (E002) or a file past one of the limits above (E010-E014) leave no model, with that
/// one diagnostic. Never throws for bad content.
LoadResult load_model(std::string_view text);

/// Reads a model from a stream (standard input, a pipe) to its end and parses it. A stream
/// longer than limits::file_bytes is refused with E010 after reading one byte more than the
/// limit, never all of it. @throws IoError when the stream fails.
LoadResult load_model(std::istream& in);

/// Reads and parses a model file. A file (or device, or pipe) longer than limits::file_bytes is
/// refused with E010 after reading one byte more than the limit.
/// @throws IoError when the file cannot be read.
LoadResult load_model_file(const std::filesystem::path& path);

/// The model as loaded, as indented JSON: every entity, relation, field and unknown key is
/// kept, in the file's order, and every value as the file wrote it: numbers digit for digit
/// (a document would round those past 64 bits or a double's precision), a key written twice
/// twice. Comments and formatting are not kept. Loading the result gives an equal model.
std::string save_model(const Model& m);

/// Writes save_model() to a file. @throws IoError when it cannot be written.
void save_model_file(const Model& m, const std::filesystem::path& path);

/// Writes any JSON value indented by two spaces, followed by a newline.
std::string pretty_json(const boost::json::value& v);

}  // namespace pbp

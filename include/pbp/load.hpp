/// @file load.hpp
/// @brief Reading and writing `pbp/1` model files (SPEC 1).
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace pbp {

/// The outcome of loading: a model (absent only on E001, E002 or a limit being exceeded) and
/// every diagnostic found while reading it.
struct LoadResult {
    std::shared_ptr<const Model> model;
    Diagnostics diagnostics;
};

/// Parses a model from UTF-8 JSON text. Comments and trailing commas are accepted. Every
/// structural problem (E003-E008, W009) is collected, not just the first, and the rest of the
/// model still loads; only invalid JSON (E001) or a wrong `format` (E002) leave no model.
/// Never throws for bad content.
LoadResult load_model(std::string_view text);

/// Reads and parses a model file.
/// @throws IoError when the file cannot be read.
LoadResult load_model_file(const std::filesystem::path& path);

/// The model as loaded, as indented JSON: every entity, relation, field and unknown key is
/// kept (comments, key order and formatting are not). Loading the result gives an equal model.
std::string save_model(const Model& m);

/// Writes save_model() to a file. @throws IoError when it cannot be written.
void save_model_file(const Model& m, const std::filesystem::path& path);

/// Writes any JSON value indented by two spaces, followed by a newline.
std::string pretty_json(const boost::json::value& v);

}  // namespace pbp

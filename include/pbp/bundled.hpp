/// @file bundled.hpp
/// @brief The example models compiled into the library (examples/models/*.json), so that
/// `pbp report` and the bindings can open them by name without any configuration.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace pbp {

/// The name of the model `pbp report` shows when given none.
inline constexpr std::string_view default_model_name = "nottinghamshire";

/// The text of the bundled model `name` (the file's stem, e.g. `"nottinghamshire"`), if any.
/// The returned view refers to static storage and never dangles.
std::optional<std::string_view> bundled_model(std::string_view name) noexcept;

/// The names of all bundled models, sorted.
std::vector<std::string_view> bundled_model_names();

}  // namespace pbp

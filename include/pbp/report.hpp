/// @file report.hpp
/// @brief A readable summary of a model for governance officers (`pbp report`).
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"

#include <optional>
#include <string>

namespace pbp {

/// Plain-text summary: places, organisations, bodies, posts and who appoints them, who answers
/// to whom, who decides what where, budgets, and the problems validate() found.
/// @param problems the model's diagnostics (usually validate(m)).
std::string report(const Model& m, const Diagnostics& problems, std::optional<Date> as_of = std::nullopt);

}  // namespace pbp

// Sections of `pbp report` that belong to one query family each.
#pragma once

#include "pbp/model.hpp"

#include <optional>
#include <ostream>

namespace pbp::detail {

void report_decisions(const Model& m, std::optional<Date> as_of, std::ostream& os);  // report_decisions.cpp
void report_money(const Model& m, std::ostream& os);                                // report_money.cpp
void report_geography(const Model& m, std::optional<Date> as_of, std::ostream& os); // report_geography.cpp
void report_primary_care(const Model& m, std::optional<Date> as_of, std::ostream& os); // report_primary_care.cpp

using pbp::label;

}  // namespace pbp::detail

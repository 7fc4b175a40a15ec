// Sections of `pbp report` that belong to one query family each.
#pragma once

#include "pbp/geography.hpp"
#include "pbp/model.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace pbp::detail {

/// True when some area of the footprints is of `kind`: the text and HTML reports leave out a
/// geography section whose kind of area the model does not have.
bool any_of_kind(const Footprints& fp, const char* kind);

/// The model's name, or "(a model with no name)" for one that lacks it (E006): the title of
/// the text and HTML reports, which `pbp report --force` writes even then.
std::string report_title(const Model& m);

/// Whom `node` answers to on `as_of`, as the ids of its accountability chain after itself joined
/// by " -> ", or "" for a node whose chain stops at itself. Reads the chain alone
/// (accountability_chain(), into `scratch`), not everything the node answers to: with deep or
/// circular delegation that is most of the model for every node (docs/performance.md).
std::string answers_to(const Model& m, Index node, std::optional<Date> as_of, std::vector<Index>& scratch);

void report_decisions(const Footprints& fp, std::ostream& os);                       // report_decisions.cpp
void report_money(const Model& m, std::ostream& os);                                // report_money.cpp
void report_geography(const Footprints& fp, std::ostream& os);                       // report_geography.cpp
void report_primary_care(const Model& m, std::optional<Date> as_of, std::ostream& os); // report_primary_care.cpp

using pbp::label;

}  // namespace pbp::detail

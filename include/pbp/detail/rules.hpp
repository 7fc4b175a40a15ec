// The rule families behind validate(). Each appends the diagnostics it finds; each lives in
// its own source file beside the queries it shares logic with.
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/graph.hpp"
#include "pbp/model.hpp"

namespace pbp::detail {

void check_geography(const Model& m, Diagnostics& out);       // W010, E206, E207  (geography_rules.cpp)
void check_accountability(const Model& m, Diagnostics& out);  // E101, W102        (accountability_rules.cpp)
void check_delegation(const Model& m, Diagnostics& out);      // E103-E105, E201-E205 (delegation_rules.cpp)
void check_flows(const Model& m, Diagnostics& out);           // E301-E304, W305   (flows.cpp)
void check_bodies(const Model& m, Diagnostics& out);          // E401, W402        (bodies_rules.cpp)

/// True when the model's edges of the `kinds` chosen, whatever their dates, go round in a
/// circle somewhere (a loop on one vertex counts). A model has none as a rule, and this asks in
/// one pass over the edges; the rules that name the circles (E101, E207) find their strong
/// components only when it says yes.
bool has_cycle(const Model& m, bool (*kinds)(EdgeKind) noexcept);  // (accountability_rules.cpp)

}  // namespace pbp::detail

/// @file export.hpp
/// @brief Diagrams of a model: Graphviz DOT for people, GraphML for other tools (NetworkX,
/// Gephi, yEd).
#pragma once

#include "pbp/model.hpp"

#include <optional>
#include <string>

namespace pbp {

/// A Graphviz diagram of organisations, bodies and posts (on `as_of`, or all of them): solid
/// arrows for accountability (`accountable_to`, a body to what it belongs to, a post to where it
/// sits), dashed blue arrows for delegations labelled with their functions and limits, dotted
/// arrows for membership, hosting, chairing, commissioning and information; bodies with a place
/// (and their posts) are drawn inside a cluster per place. Render with `dot -Tsvg`.
std::string to_dot(const Model& m, std::optional<Date> as_of = std::nullopt);

/// GraphML of every entity and link (on `as_of`, or all of them). Nodes carry `pbp_id`, `name`,
/// `section` and `kind`; edges carry `kind` (a relation kind or a structural field such as
/// `of`, `in`, `within`, `serves`) and, for relations, `relation` (its JSON Pointer).
/// Written with Boost.Graph's write_graphml.
std::string to_graphml(const Model& m, std::optional<Date> as_of = std::nullopt);

}  // namespace pbp

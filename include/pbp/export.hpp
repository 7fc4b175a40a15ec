/// @file export.hpp
/// @brief Diagrams of a model: Graphviz DOT for people, GraphML for other tools (NetworkX,
/// Gephi, yEd).
#pragma once

#include "pbp/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pbp {

/// A Graphviz diagram of organisations, bodies and posts (on `as_of`, or all of them): solid
/// arrows for accountability (`accountable_to`, a body to what it belongs to, a post to where it
/// sits), dashed blue arrows for delegations labelled with their functions and limits, dotted
/// arrows for membership, hosting, chairing, commissioning and information; bodies with a place
/// (and their posts) are drawn inside a cluster per place. Render with `dot -Tsvg`.
std::string to_dot(const Model& m, std::optional<Date> as_of = std::nullopt);

/// GraphML of the model's areas, organisations, bodies and posts and every stated link between
/// them (on `as_of`, or all of them), for NetworkX, Gephi and yEd. Each node's GraphML id is the
/// model's id (XML-escaped), so tools find a node by the id used in the model; nodes carry
/// `kind`, `name` and `section`; edges carry `kind` (a relation kind or a structural field such
/// as `of`, `in`, `within`, `serves`) and, for relations, `relation` (its JSON Pointer).
/// Functions and funds are not nodes (they are what is delegated and paid, not parties to it).
std::string to_graphml(const Model& m, std::optional<Date> as_of = std::nullopt);

namespace detail {
/// `text` made safe inside XML 1.0 character data and double- or single-quoted attribute
/// values: `&`, `<`, `>`, `"`, `'`, tab, newline and carriage return as references; the other
/// C0 control characters, which XML 1.0 cannot carry at all, as U+FFFD.
std::string xml_escape(std::string_view text);
/// `text` as a quoted DOT string (backslash before `"` and `\`, newlines as `\n`): used by the
/// DOT export and by the HTML report's diagrams.
std::string dot_quote(std::string_view text);
}  // namespace detail

}  // namespace pbp

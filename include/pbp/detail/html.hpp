// Pieces of the HTML report (report_html*.cpp): escaping, and the sections, one file each.
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

namespace pbp::detail {

/// Text made safe for HTML content and attribute values alike (& < > " ').
std::string html_escape(std::string_view text);

/// `#entity-ID` (escaped for an attribute): the anchor of an entity in the page's directory.
std::string entity_anchor(std::string_view id);

/// A link to an entity's row in the directory, showing its label; the id is recorded in
/// `linked` so that the directory lists it.
std::string entity_link(const Model& m, std::string_view id, std::set<std::string>& linked);

/// The same showing the entity's name alone (its id in the link's title): for crowded tables.
std::string entity_name_link(const Model& m, std::string_view id, std::set<std::string>& linked);

/// Graphviz's SVG for a DOT graph laid out by `dot`, with the XML prolog and DOCTYPE removed.
/// @throws Error when Graphviz cannot read or lay out the graph, or the build has no Graphviz.
std::string dot_to_svg(const std::string& dot);

/// What the sections share: the model, the day, and the entities linked so far.
struct HtmlContext {
    const Model& m;
    std::optional<Date> as_of;
    std::set<std::string> linked;
};

void html_accountability(HtmlContext& c, std::ostream& os);  // report_html_accountability.cpp
void html_money(HtmlContext& c, std::ostream& os);           // report_html_money.cpp
void html_decisions(HtmlContext& c, std::ostream& os);       // report_html_decisions.cpp
void html_geography(HtmlContext& c, std::ostream& os);       // report_html_geography.cpp
/// The problems section; `problem_ids` receives, for each entity id, the anchors of the problems naming it.
void html_problems(HtmlContext& c, const Diagnostics& problems, std::map<std::string, std::vector<std::string>>& problem_ids,
                   std::ostream& os);  // report_html_problems.cpp

}  // namespace pbp::detail

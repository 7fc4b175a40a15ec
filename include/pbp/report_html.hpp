/// @file report_html.hpp
/// @brief The report as one self-contained web page (`pbp report --html`): diagrams of who
/// answers to whom and where money goes, who decides what where, places against councils, and
/// every problem, linked to the entities it names.
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"

#include <optional>
#include <string>

namespace pbp {

/// One HTML5 document, with no reference to anything outside it (inline CSS and SVG only), for
/// screens and A4 paper. Sections (each a `<section id>`): `accountability` (a diagram per place,
/// or per integrated care board for a model with no places, laid out by Graphviz), `money` (a
/// Sankey diagram per financial year, each amount the exact Money as the library prints it),
/// `decisions` (the decides matrix and what is reserved to the system), `geography` (places
/// against councils, people counted) and `problems` (`problems`, grouped by severity, each
/// entity linked to its row in the page's directory of entities). Every text from the model is
/// escaped. Diagrams are bounded in size, so the national models give a page a browser opens.
/// @param problems the model's diagnostics (usually validate(m)).
/// @throws Error when the library was built without the HTML report (-DPBP_HTML_REPORT=OFF).
/// Thread-safe: Graphviz, which is not, is used by one thread at a time.
std::string report_html(const Model& m, const Diagnostics& problems, std::optional<Date> as_of = std::nullopt);

/// True when this build of the library has the HTML report (Graphviz was linked in).
bool has_html_report() noexcept;

}  // namespace pbp

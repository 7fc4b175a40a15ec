// `pbp report --html`: the page around the sections (report_html_*.cpp), its style sheet for
// screen and A4 paper, the header with the model's provenance, and the directory of entities
// that the sections link to.
#include "pbp/report_html.hpp"

#include "pbp/detail/html.hpp"
#include "pbp/detail/report_sections.hpp"
#include "pbp/error.hpp"
#include "pbp/version.hpp"

#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace pbp {
namespace detail {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\t':
            case '\n':
            case '\r': out += ch; break;
            default:
                // HTML has no place for the other C0 controls (a NUL is a parse error).
                if (static_cast<unsigned char>(ch) < 0x20) out += "\xEF\xBF\xBD";  // U+FFFD
                else out += ch;
        }
    }
    return out;
}

std::string entity_anchor(std::string_view id) { return "entity-" + html_escape(id); }

std::string entity_link(const Model& m, std::string_view id, std::set<std::string>& linked) {
    if (!m.find(id)) return "<code>" + html_escape(id) + "</code> (not in the model)";
    linked.emplace(id);
    return "<a href=\"#" + entity_anchor(id) + "\">" + html_escape(label(m, id)) + "</a>";
}

std::string entity_name_link(const Model& m, std::string_view id, std::set<std::string>& linked) {
    const auto i = m.find(id);
    if (!i) return "<code>" + html_escape(id) + "</code> (not in the model)";
    linked.emplace(id);
    const Entity& e = m.at(*i);
    const std::string& name = e.section == Section::post && !e.details().title.empty() ? e.details().title : e.name;
    return "<a href=\"#" + entity_anchor(id) + "\" title=\"" + html_escape(id) + "\">" + html_escape(name) + "</a>";
}

namespace {

constexpr const char* style_sheet = R"css(
:root { font-family: "DejaVu Sans", "Helvetica", "Arial", sans-serif; color: #1b1b1b; }
body { margin: 1.5rem auto; max-width: 80rem; padding: 0 1rem; line-height: 1.4; }
header { border-bottom: 3px solid #34495e; margin-bottom: 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
nav ol { columns: 2; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .85rem; }
caption { text-align: left; font-style: italic; padding-bottom: .3rem; }
th, td { border: 1px solid #bbb; padding: .25rem .45rem; vertical-align: top; text-align: left; }
thead th { background: #e8ecf0; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.kept { color: #555; font-style: italic; }
.wide { overflow-x: auto; }
.tag { font-size: .75rem; border: 1px solid #888; border-radius: 3px; padding: 0 .25rem; }
.legend { font-size: .9rem; background: #f5f5f0; border-left: 4px solid #999; padding: .4rem .6rem; }
.key-solid::before, .key-dashed::before, .key-pooled::before { content: ""; display: inline-block; width: 2rem; margin-right: .3rem; vertical-align: middle; }
.key-solid::before { border-top: 2px solid #000; }
.key-dashed::before { border-top: 2px dashed #1f5fa8; }
.key-pooled::before { border-top: 3px dashed #3b7a50; }
.key-hatch::before { content: ""; display: inline-block; width: 2rem; height: .8rem; margin-right: .3rem; vertical-align: middle;
  background: repeating-linear-gradient(45deg, #f3d9a4 0 3px, #8a5a00 3px 5px); }
figure.diagram { margin: 1rem 0; border: 1px solid #ddd; padding: .5rem; }
figure.diagram h3 { margin: 0 0 .2rem; }
figcaption { font-size: .85rem; margin-bottom: .4rem; }
svg.diagram { max-width: 100%; height: auto; display: block; }
svg.sankey text { font-size: 11px; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.sankey text.amount { font-size: 10px; font-weight: bold; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.sankey text.marker { font-size: 9px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.bars { display: flex; align-items: center; gap: .4rem; white-space: nowrap; }
.bar { height: .8rem; background: #d5dde6; border: 1px solid #34495e; min-width: 2px; flex: none; }
.bar .shared { height: 100%; background: #34495e; }
ol.errors li, ol.warnings li { margin-bottom: .4rem; }
.code { font-family: monospace; }
ol.errors .code::before { content: "\2716  "; }
ol.warnings .code::before { content: "\26A0  "; }
.omitted { font-style: italic; }
:target { outline: 3px solid #e0a000; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section { break-before: page; }
  figure.diagram, table, tr, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .wide { overflow: visible; }
}
)css";

void header(const Model& m, std::optional<Date> as_of, std::ostream& os) {
    os << "<header>\n<h1>" << detail::html_escape(report_title(m)) << "</h1>\n<p class=\"provenance\">"
       << (as_of ? "As of " + to_string(*as_of) + "." : std::string("Every date: no day chosen (use --as-of).")) << " Written by pbp "
       << version() << ".";
    std::size_t counts[6] = {};
    for (Index i = 0; i < m.entities.size(); ++i)
        if (m.exists(i, as_of)) ++counts[static_cast<int>(m.entities[i].section)];
    os << " " << counts[1] << " organisations, " << counts[2] << " bodies, " << counts[3] << " posts, " << counts[4]
       << " functions, " << counts[5] << " funds, " << counts[0] << " areas; " << m.flows.size() << " flows.</p>\n";
    // Provenance: the sources the model's notes cite (the first few, in file order).
    std::set<std::string> seen;
    std::vector<std::string> notes;
    for (const Entity& e : m.entities) {
        const std::string& n = e.details().notes;
        if (n.empty() || !seen.insert(n).second) continue;
        if (notes.size() < 5) notes.push_back(n);
    }
    if (!notes.empty()) {
        os << "<details class=\"sources\"><summary>Source notes (" << seen.size() << " distinct notes in the model"
           << (seen.size() > notes.size() ? "; the first " + std::to_string(notes.size()) : std::string()) << ")</summary><ul>\n";
        for (const auto& n : notes) os << "<li>" << detail::html_escape(n) << "</li>\n";
        os << "</ul></details>\n";
    }
    os << "</header>\n<nav aria-label=\"Sections\"><ol><li><a href=\"#accountability\">Who answers to whom</a></li>"
          "<li><a href=\"#money\">Money</a></li><li><a href=\"#decisions\">Who decides what where</a></li>"
          "<li><a href=\"#geography\">Places and councils</a></li><li><a href=\"#problems\">Problems</a></li>"
          "<li><a href=\"#entities\">Entities</a></li></ol></nav>\n";
}

void directory(const detail::HtmlContext& c, const std::map<std::string, std::vector<std::string>>& problem_ids, std::ostream& os) {
    const Model& m = c.m;
    std::set<std::string> ids = c.linked;
    for (auto& [id, anchors] : problem_ids)
        if (m.find(id)) ids.insert(id);
    os << "<section id=\"entities\">\n<h2>Entities</h2>\n<p>Every entity this page names, with its place in the file and the "
          "problems naming it.</p>\n<table class=\"directory\">\n<caption>Entities named in this report ("
       << ids.size() << ")</caption>\n<thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Name</th><th scope=\"col\">Kind</th>"
          "<th scope=\"col\">In the file</th><th scope=\"col\">Problems</th></tr></thead>\n<tbody>\n";
    for (const auto& id : ids) {
        const Entity& e = m.at(*m.find(id));
        os << "<tr id=\"" << detail::entity_anchor(id) << "\"><td><code>" << detail::html_escape(id) << "</code></td><td>"
           << detail::html_escape(e.section == Section::post && !e.details().title.empty() ? e.details().title : e.name) << "</td><td>"
           << to_string(e.section) << (e.kind.empty() ? "" : ": " + detail::html_escape(e.kind)) << "</td><td><code>"
           << detail::html_escape(e.pointer) << "</code></td><td>";
        if (auto p = problem_ids.find(id); p != problem_ids.end())
            for (std::size_t k = 0; k < p->second.size(); ++k)
                os << (k ? ", " : "") << "<a href=\"#" << p->second[k] << "\">" << p->second[k] << "</a>";
        else
            os << "none";
        os << "</td></tr>\n";
    }
    os << "</tbody>\n</table>\n</section>\n";
}

}  // namespace
}  // namespace detail

bool has_html_report() noexcept {
#ifdef PBP_HTML_REPORT
    return true;
#else
    return false;
#endif
}

std::string report_html(const Model& m, const Diagnostics& problems, std::optional<Date> as_of) {
    if (!has_html_report())
        throw Error("this build of pbp has no HTML report: it was configured with -DPBP_HTML_REPORT=OFF (needs libgraphviz-dev)");
    detail::HtmlContext c{m, as_of, {}};
    // One buffer, the sections written straight into it and moved out at the end: at ten
    // times national the page is 917 MB, and each copy of it was as much again.
    std::ostringstream os;
    os << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"pbp "
       << version() << "\">\n<title>" << detail::html_escape(detail::report_title(m)) << (as_of ? " (" + to_string(*as_of) + ")" : std::string())
       << "</title>\n<style>" << detail::style_sheet << "</style>\n</head>\n<body>\n";
    detail::header(m, as_of, os);
    os << "<main>\n";
    detail::html_accountability(c, os);
    detail::html_money(c, os);
    detail::html_decisions(c, os);
    detail::html_geography(c, os);
    std::map<std::string, std::vector<std::string>> problem_ids;
    detail::html_problems(c, problems, problem_ids, os);
    detail::directory(c, problem_ids, os);
    os << "</main>\n<footer><p>Written by pbp " << version()
       << ". This page is self-contained: it loads nothing from the network.</p></footer>\n</body>\n</html>\n";
    return std::move(os).str();
}

}  // namespace pbp

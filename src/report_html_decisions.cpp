// The HTML report's "who decides what where": the decides matrix (functions by places), each
// cell the decision maker and its limit, then what is reserved to the system (designation).
#include "pbp/delegation.hpp"
#include "pbp/designation.hpp"
#include "pbp/detail/html.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

namespace pbp::detail {

void html_decisions(HtmlContext& c, std::ostream& os) {
    const Model& m = c.m;
    std::vector<Index> functions, places;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.at(i);
        if (!m.exists(i, c.as_of)) continue;
        if (e.section == Section::function) functions.push_back(i);
        if (e.section == Section::area && e.kind == "place") places.push_back(i);
    }
    auto by_id = [&](Index a, Index b) { return m.id(a) < m.id(b); };
    std::sort(functions.begin(), functions.end(), by_id);
    std::sort(places.begin(), places.end(), by_id);

    os << "<section id=\"decisions\">\n<h2>Who decides what where</h2>\n";
    if (functions.empty() || places.empty()) {
        os << "<p>" << (functions.empty() ? "The model has no functions." : "The model has no places to decide at.") << "</p>\n";
    } else {
        os << "<div class=\"wide\"><table class=\"matrix\">\n<caption>Decision maker for each function at each place, with the "
              "largest single commitment it may approve. <q>Not delegated here</q>: the holder decides itself.</caption>\n"
              "<thead><tr><th scope=\"col\">Function</th>";
        for (Index p : places) os << "<th scope=\"col\">" << html_escape(m.at(p).name) << "</th>";
        os << "</tr></thead>\n<tbody>\n";
        DecisionIndices d;  // reused; ids made only for what is printed
        for (Index f : functions) {
            const Entity& fn = m.at(f);
            os << "<tr><th scope=\"row\">" << entity_link(m, fn.id, c.linked);
            if (!fn.details().service_area.empty()) os << " <span class=\"tag\">" << html_escape(fn.details().service_area) << "</span>";
            os << "</th>";
            if (fn.holder == npos || !m.exists(fn.holder, c.as_of)) {
                os << "<td colspan=\"" << places.size() << "\">its holder does not exist" << (c.as_of ? " on this day" : "")
                   << "</td></tr>\n";
                continue;
            }
            for (Index p : places) {
                decides(m, f, p, c.as_of, d);
                const std::string& maker = m.id(d.delegation_chain.back());
                if (d.steps.empty()) {
                    os << "<td class=\"kept\">not delegated here: " << entity_name_link(m, maker, c.linked) << " decides</td>";
                    continue;
                }
                os << "<td class=\"delegated\">" << entity_name_link(m, maker, c.linked) << "<br><span class=\"limit\">"
                   << (d.limit ? "up to " + html_escape(d.limit->to_display()) : std::string("no financial limit"))
                   << "</span></td>";
            }
            os << "</tr>\n";
        }
        os << "</tbody>\n</table></div>\n";
    }

    // What each place does not decide for itself (SPEC 2.4).
    const Designations des = designation(m, c.as_of);
    // One row per function, level and decision maker, listing the places it applies to.
    std::map<std::tuple<std::string, DesignationLevel, std::string>, std::vector<const Designation*>> reserved;
    for (const Designation& d : des.rows)
        if (d.level != DesignationLevel::place) reserved[{d.function, d.level, d.decision_maker}].push_back(&d);
    os << "<h3>Reserved to the system</h3>\n";
    if (des.rows.empty()) {
        os << "<p>No function has a service area and a place to designate it at.</p>\n";
    } else if (reserved.empty()) {
        os << "<p>Every function with a service area is decided at every place.</p>\n";
    } else {
        os << "<table class=\"reserved\">\n<caption>Functions decided at system level (or not delegated at all) for some "
              "places, as <code>pbp designation</code> finds them</caption>\n<thead><tr><th scope=\"col\">Function</th>"
              "<th scope=\"col\">Service area</th><th scope=\"col\">Places</th><th scope=\"col\">Level</th>"
              "<th scope=\"col\">Decided by</th></tr></thead>\n<tbody>\n";
        for (auto& [key, rows] : reserved) {
            const std::string& fid = std::get<0>(key);
            std::string where;
            for (const Designation* d : rows) where += (where.empty() ? "" : ", ") + html_escape(m.at(*m.find(d->place)).name);
            os << "<tr><th scope=\"row\">" << entity_link(m, fid, c.linked) << "</th><td>" << html_escape(rows.front()->service_area)
               << "</td><td>" << where << "</td><td>" << (rows.front()->level == DesignationLevel::system ? "system" : "not delegated")
               << "</td><td>" << entity_link(m, rows.front()->decision_maker, c.linked) << "</td></tr>\n";
        }
        os << "</tbody>\n</table>\n";
    }
    os << "</section>\n";
}

}  // namespace pbp::detail

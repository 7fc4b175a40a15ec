#include "pbp/report.hpp"

#include "pbp/accountability.hpp"
#include "pbp/detail/report_sections.hpp"

#include <algorithm>
#include <sstream>

namespace pbp {
namespace {

void heading(std::ostream& os, const std::string& title) {
    os << "\n" << title << "\n" << std::string(title.size(), '=') << "\n";
}

std::string list(const Model& m, const std::vector<Index>& v) {
    std::string out;
    for (Index i : v) out += (out.empty() ? "" : ", ") + label(m, i);
    return out;
}
}  // namespace

std::string detail::report_title(const Model& m) { return m.name.empty() ? "(a model with no name)" : m.name; }

std::string detail::answers_to(const Model& m, Index node, std::optional<Date> as_of, std::vector<Index>& scratch) {
    accountability_chain(m, node, as_of, scratch);
    std::string out;
    for (std::size_t k = 1; k < scratch.size(); ++k) out += (k > 1 ? " -> " : "") + m.id(scratch[k]);
    return out;
}

std::string report(const Model& m, const Diagnostics& problems, std::optional<Date> as_of) {
    std::ostringstream os;
    // Underlined to its width in characters: a byte per character would overrun "é" or "–".
    const std::string title = detail::report_title(m);
    const auto width = std::count_if(title.begin(), title.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    os << title << "\n" << std::string(static_cast<std::size_t>(width), '#') << "\n";
    if (as_of) os << "As of " << to_string(*as_of) << ".\n";
    std::size_t counts[6] = {};
    for (Index i = 0; i < m.entities.size(); ++i)
        if (m.exists(i, as_of)) ++counts[static_cast<int>(m.entities[i].section)];
    std::size_t relations = 0;
    for (const Relation& r : m.relations)
        relations += r.valid.contains(as_of) && m.exists(r.from, as_of) && m.exists(r.to, as_of);
    const auto counted = [](std::size_t n, std::string_view one, std::string_view many) {
        return std::to_string(n) + " " + std::string(n == 1 ? one : many);
    };
    os << counted(counts[0], "area", "areas") << ", " << counted(counts[1], "organisation", "organisations") << ", "
       << counted(counts[2], "body", "bodies") << ", " << counted(counts[3], "post", "posts") << ", "
       << counted(counts[4], "function", "functions") << ", " << counted(counts[5], "fund", "funds") << "; "
       << counted(relations, "relation", "relations") << ", " << counted(m.flows.size(), "flow", "flows")
       << " (flows are counted for every year).\n";

    heading(os, "Places");
    // The bodies at each area and the organisations serving it, in one pass over the entities
    // (in entity order, as listed): one pass per place cost places x entities.
    std::vector<std::vector<Index>> bodies_at(m.entities.size()), serving(m.entities.size());
    for (Index j = 0; j < m.entities.size(); ++j) {
        const Entity& x = m.entities[j];
        if (!m.exists(j, as_of)) continue;
        if (x.section == Section::body && x.place < m.entities.size()) bodies_at[x.place].push_back(j);
        if (x.section == Section::organisation)
            for (Index a : x.serves)
                if (a < m.entities.size() && (serving[a].empty() || serving[a].back() != j)) serving[a].push_back(j);
    }
    bool any = false;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        if (e.section != Section::area || (e.kind != "place" && e.kind != "neighbourhood") || !m.exists(i, as_of)) continue;
        any = true;
        os << "- " << label(m, i) << (e.kind == "neighbourhood" ? " [neighbourhood]" : "");
        if (!e.within.empty()) os << ", within " << list(m, e.within);
        if (e.population) os << ", population " << *e.population;
        os << "\n";
        if (!bodies_at[i].empty()) os << "    bodies: " << list(m, bodies_at[i]) << "\n";
        if (!serving[i].empty()) os << "    organisations serving it: " << list(m, serving[i]) << "\n";
    }
    if (!any) os << "(no places)\n";

    heading(os, "Bodies and who they answer to");
    // A body whose chain stops at itself is an apex (distance 0) or can reach none (in a circle).
    const auto distances = m.apex_distances(as_of);
    std::vector<Index> chain;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        if (e.section != Section::body || !m.exists(i, as_of)) continue;
        os << "- " << label(m, i) << " [" << e.kind << "]\n    answers to: ";
        const std::string above = detail::answers_to(m, i, as_of, chain);
        os << above;
        if (above.empty())
            os << (i < distances->size() && (*distances)[i] != 0 ? "(no one: a circle)" : "(no one: an apex)");
        os << "\n";
        std::size_t voting = 0;
        for (auto& mem : e.details().members) voting += mem.voting;
        if (!e.details().members.empty()) os << "    members: " << e.details().members.size() << " (" << voting << " voting)\n";
    }

    heading(os, "Posts");
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        if (e.section != Section::post || !m.exists(i, as_of)) continue;
        os << "- " << (e.details().title.empty() ? e.id : e.details().title + " (" + e.id + ")");
        if (!e.details().person.empty()) os << ": " << e.details().person;
        os << "\n";
        if (e.in != npos) os << "    in: " << label(m, e.in) << "\n";
        if (!e.details().appointed_by.empty()) os << "    appointed by: " << list(m, e.details().appointed_by) << "\n";
        if (!e.details().approved_by.empty()) os << "    approved by: " << list(m, e.details().approved_by) << "\n";
        os << "    answers to: " << detail::answers_to(m, i, as_of, chain) << "\n";
    }

    detail::report_primary_care(m, as_of, os);
    // One day's footprints for both: the place cover and the places each holder serves.
    const Footprints fp(m, as_of);
    detail::report_geography(fp, os);
    detail::report_decisions(fp, os);
    detail::report_money(m, os);

    heading(os, "Problems");
    if (problems.empty()) os << "None found.\n";
    for (const auto& d : problems) os << "- " << d.code << " (" << to_string(d.severity) << ") " << d.message << "\n";
    return os.str();
}

}  // namespace pbp

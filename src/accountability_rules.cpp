// E101 and W102: the shape of the accountability graph itself.
#include "pbp/detail/rules.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>

namespace pbp::detail {
namespace {
bool structural_accountability(EdgeKind k) noexcept {
    return k == EdgeKind::accountable_to || k == EdgeKind::of || k == EdgeKind::in;
}
std::string in_quotes(const std::string& s) { return "'" + s + "'"; }
}  // namespace

void check_accountability(const Model& m, Diagnostics& out) {
    const std::size_t n = m.entities.size();
    if (n == 0) return;
    // E101: edges 1-3 of SPEC 2.1 (accountable_to, of, in) must not form a cycle. Checked over
    // every edge whatever its dates, so a loop that only some days would see is caught too.
    const GraphView g = view(m, std::nullopt, structural_accountability);
    std::vector<int> component(n);
    boost::strong_components(g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
    std::map<int, std::vector<Index>> members;
    for (Index v = 0; v < n; ++v) members[component[v]].push_back(v);
    for (auto& [c, vs] : members) {
        bool loop = vs.size() > 1;
        if (!loop)
            for (auto [b, e] = boost::out_edges(vs[0], g); b != e; ++b) loop = loop || boost::target(*b, g) == vs[0];
        if (!loop) continue;
        std::vector<std::string> ids;
        for (Index v : vs) ids.push_back(m.id(v));
        std::sort(ids.begin(), ids.end());
        std::string names;
        for (auto& id : ids) names += (names.empty() ? "" : ", ") + in_quotes(id);
        out.push_back(m.diagnostic("E101",
                                   "Accountability goes round in a circle through " + names +
                                       ": each answers, directly or through others, to itself, so none of them answers "
                                       "to anyone outside. Remove one of the accountable_to, \"of\" or \"in\" links.",
                                   ids, m.at(vs.front()).pointer));
    }

    // W102: a body or post must answer, in the end, to some organisation.
    const GraphView all = accountability_view(m, std::nullopt);
    for (Index v = 0; v < n; ++v) {
        const Entity& e = m.entities[v];
        if (e.section != Section::body && e.section != Section::post) continue;
        std::vector<boost::default_color_type> colour(n, boost::white_color);
        bool found = false;
        struct Visitor : boost::default_bfs_visitor {
            const Model* m;
            bool* found;
            void discover_vertex(Vertex u, const GraphView&) const {
                if (m->entities[u].section == Section::organisation) *found = true;
            }
        };
        boost::breadth_first_search(all, v,
                                    boost::visitor(Visitor{{}, &m, &found})
                                        .color_map(boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, all))));
        if (!found)
            out.push_back(m.diagnostic("W102",
                                       "The " + std::string(e.section == Section::body ? "body " : "post ") + in_quotes(e.id) +
                                           " does not answer to any organisation: give it an \"of\"/\"in\" or an "
                                           "accountable_to relation so that someone with legal personality is "
                                           "accountable for it.",
                                       {e.id}, e.pointer));
    }
}

}  // namespace pbp::detail

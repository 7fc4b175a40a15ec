// E101 and W102: the shape of the accountability graph itself.
#include "pbp/detail/rules.hpp"

#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>

namespace pbp::detail {
namespace {
bool structural_accountability(EdgeKind k) noexcept {
    return k == EdgeKind::accountable_to || k == EdgeKind::of || k == EdgeKind::in;
}
std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

// E101 for each circle of `g`, the view of the edges SPEC 2.1 numbers 1-3.
void report_circles(const Model& m, const GraphView& g, Diagnostics& out) {
    const std::size_t n = m.entities.size();
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
}
}  // namespace

bool has_cycle(const Model& m, bool (*kinds)(EdgeKind) noexcept) {
    // The edges of those kinds, taken once, as compressed rows; then Kahn's order: a vertex
    // goes once nothing left points at it, and a circle never goes. The graph is read
    // directly, not through a filtered view: with no date every edge and vertex is in, and
    // copying the view's iterators was most of the time of this pass (perf, national model).
    const Graph& g = m.graph;
    const std::size_t vertices = boost::num_vertices(g);
    std::vector<std::size_t> first(vertices + 1, 0);
    std::vector<Index> targets, in_degree(vertices, 0);
    for (Index v = 0; v < vertices; ++v) {
        for (auto [b, e] = boost::out_edges(v, g); b != e; ++b) {
            if (!kinds(g[*b].kind)) continue;
            const auto t = static_cast<Index>(boost::target(*b, g));
            targets.push_back(t);
            ++in_degree[t];
        }
        first[v + 1] = targets.size();
    }
    std::vector<Index> ready;
    for (Index v = 0; v < vertices; ++v)
        if (in_degree[v] == 0) ready.push_back(v);
    std::size_t gone = 0;
    while (!ready.empty()) {
        const Index v = ready.back();
        ready.pop_back();
        ++gone;
        for (std::size_t k = first[v]; k < first[v + 1]; ++k)
            if (--in_degree[targets[k]] == 0) ready.push_back(targets[k]);
    }
    return gone < vertices;
}

void check_accountability(const Model& m, Diagnostics& out) {
    const std::size_t n = m.entities.size();
    if (n == 0) return;
    // E101: edges 1-3 of SPEC 2.1 (accountable_to, of, in) must not form a cycle. Checked over
    // every edge whatever its dates, so a loop that only some days would see is caught too.
    if (has_cycle(m, structural_accountability)) report_circles(m, view(m, std::nullopt, structural_accountability), out);

    // W102: a body or post must answer, in the end, to some organisation. One backward
    // breadth-first pass from every organisation finds everything that reaches one.
    const GraphView all = accountability_view(m, std::nullopt);
    std::vector<char> reaches(n, 0);
    std::vector<Index> queue, answering;  // answering: the bodies and posts, taken in the same pass
    for (Index v = 0; v < n; ++v) {
        const Section s = m.entities[v].section;
        if (s == Section::organisation) {
            reaches[v] = 1;
            queue.push_back(v);
        } else if (s == Section::body || s == Section::post) {
            answering.push_back(v);
        }
    }
    for (std::size_t k = 0; k < queue.size(); ++k)
        for (auto [b, e] = boost::in_edges(queue[k], all); b != e; ++b) {
            auto u = static_cast<Index>(boost::source(*b, all));
            if (!reaches[u]) {
                reaches[u] = 1;
                queue.push_back(u);
            }
        }
    for (Index v : answering) {
        if (reaches[v]) continue;
        const Entity& e = m.entities[v];
        out.push_back(m.diagnostic("W102",
                                   "The " + std::string(e.section == Section::body ? "body " : "post ") + in_quotes(e.id) +
                                       " does not answer to any organisation: give it an \"of\"/\"in\" or an "
                                       "accountable_to relation so that someone with legal personality is "
                                       "accountable for it.",
                                   {e.id}, e.pointer));
    }
}

}  // namespace pbp::detail

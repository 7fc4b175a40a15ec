#include "pbp/accountability.hpp"

#include "pbp/error.hpp"

#include <algorithm>
#include <unordered_map>
#include <limits>

namespace pbp {

Index require_entity(const Model& m, std::string_view id, std::optional<Date> as_of) {
    auto i = m.find(id);
    if (!i) throw InvalidArgument("there is no '" + std::string(id) + "' in the model");
    if (!m.exists(*i, as_of))
        throw InvalidArgument("'" + std::string(id) + "' does not exist on " + to_string(*as_of));
    return *i;
}

namespace {
std::vector<std::string> sorted_ids(const Model& m, const std::vector<Index>& v) {
    std::vector<std::string> out;
    out.reserve(v.size());
    for (Index i : v) out.push_back(m.id(i));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

Accountability accountability(const Model& m, Index node, std::optional<Date> as_of) {
    if (node >= m.entities.size()) throw InvalidArgument("no such node");
    if (!m.exists(node, as_of)) throw InvalidArgument("'" + m.id(node) + "' does not exist on " + to_string(*as_of));
    const GraphView g = accountability_view(m, as_of);

    // Everything the node answers to: a breadth-first search over the dated view. The search
    // touches only what it reaches (a chain is a handful of nodes in a model of a million), so
    // it keeps its own small visited set instead of a colour map over every vertex.
    std::vector<Index> order{node};
    std::unordered_map<Index, int> dist{{node, 0}};  // reached -> distance to nearest terminal
    for (std::size_t k = 0; k < order.size(); ++k)
        for (auto [b, e] = boost::out_edges(order[k], g); b != e; ++b) {
            auto w = static_cast<Index>(boost::target(*b, g));
            if (dist.emplace(w, 0).second) order.push_back(w);
        }

    auto terminal = [&](Index v) {
        auto [b, e] = boost::out_edges(v, g);
        return b == e;
    };
    Accountability out;
    out.node = m.id(node);
    std::vector<Index> reachable(order.begin() + 1, order.end());
    out.reachable = sorted_ids(m, reachable);
    std::vector<Index> apexes;
    for (Index v : order)
        if (terminal(v)) apexes.push_back(v);
    out.apexes = sorted_ids(m, apexes);

    // Distance from each reached node to its nearest terminal: a backward breadth-first pass
    // from all terminals, restricted to the reached nodes. Then walk forward greedily, always
    // taking the smallest id that keeps the path shortest: that gives the byte-wise smallest
    // of the shortest chains, because all candidates have the same length.
    constexpr int kFar = std::numeric_limits<int>::max();
    std::vector<Index> queue;
    for (Index v : order) {
        dist[v] = terminal(v) ? 0 : kFar;
        if (dist[v] == 0) queue.push_back(v);
    }
    for (std::size_t k = 0; k < queue.size(); ++k) {
        const Index v = queue[k];
        for (auto [b, e] = boost::in_edges(v, g); b != e; ++b) {
            auto it = dist.find(static_cast<Index>(boost::source(*b, g)));
            if (it != dist.end() && it->second == kFar) {
                it->second = dist[v] + 1;
                queue.push_back(it->first);
            }
        }
    }
    out.chain.push_back(out.node);
    if (dist[node] == kFar) return out;
    Index at = node;
    while (dist[at] > 0) {
        Index best = npos;
        for (auto [b, e] = boost::out_edges(at, g); b != e; ++b) {
            auto w = static_cast<Index>(boost::target(*b, g));
            if (dist[w] == dist[at] - 1 && (best == npos || m.id(w) < m.id(best))) best = w;
        }
        at = best;
        out.chain.push_back(m.id(at));
    }
    return out;
}

Accountability accountability(const Model& m, std::string_view node, std::optional<Date> as_of) {
    return accountability(m, require_entity(m, node, as_of), as_of);
}

boost::json::object to_json(const Accountability& a) {
    auto list = [](const std::vector<std::string>& v) {
        boost::json::array arr;
        for (auto& s : v) arr.emplace_back(s);
        return arr;
    };
    boost::json::object o;
    o["node"] = a.node;
    o["chain"] = list(a.chain);
    o["reachable"] = list(a.reachable);
    o["apexes"] = list(a.apexes);
    return o;
}

}  // namespace pbp

#include "pbp/accountability.hpp"

#include "pbp/error.hpp"

#include <algorithm>
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

// What one query needs besides its answer, kept per thread and reused, so that a query
// allocates nothing once the thread has answered a few. Sized by the answer (the nodes reached
// and the edges between them), except `seen`, which is one slot per entity of the largest model
// the thread has queried, reset by bumping `epoch` instead of clearing.
struct Walk {
    std::vector<std::uint32_t> seen;  // == epoch: reached by this query; local number in `local`
    std::vector<Index> local;
    std::uint32_t epoch = 0;
    std::vector<Index> first_out;  // per reached node: where its out-edges start in `targets`
    std::vector<Index> targets;    // local numbers, grouped by source
    std::vector<Index> first_in, sources;  // the same edges reversed
    std::vector<int> distance;     // to the nearest terminal; kFar when none is reachable
    std::vector<Index> queue;

    void start(std::size_t entities) {
        if (seen.size() < entities) seen.resize(entities, 0), local.resize(entities);
        if (++epoch == 0) {  // wrapped: forget every earlier query
            std::fill(seen.begin(), seen.end(), 0);
            epoch = 1;
        }
        first_out.clear();
        targets.clear();
    }
};

thread_local Walk t_walk;
constexpr int kFar = std::numeric_limits<int>::max();

// The order of ids as ranks when the model has them, else the ids themselves.
struct ById {
    const Model& m;
    gsl::span<const Index> ranks;
    bool operator()(Index a, Index b) const { return ranks.empty() ? m.id(a) < m.id(b) : ranks[a] < ranks[b]; }
};

}  // namespace

void accountability(const Model& m, Index node, std::optional<Date> as_of, AccountabilityIndices& out) {
    if (node >= m.entities.size()) throw InvalidArgument("no such node");
    if (!m.exists(node, as_of)) throw InvalidArgument("'" + m.id(node) + "' does not exist on " + to_string(*as_of));
    // The accountability edges alone, as compressed rows: a node's other links (membership,
    // commissioning, hosting) are never read. A model changed in code after loading may hold
    // entities its graph does not: they have no edges.
    const AccountabilityRows& rows = m.accountability_rows();
    const std::size_t in_graph = rows.first.empty() ? 0 : rows.first.size() - 1;
    auto counts = [&](Index j) {
        return !as_of || (rows.valid[j].contains(as_of) && m.entities[rows.target[j]].valid.contains(as_of));
    };

    // Most nodes of a national model (GP practices, PCNs, electorates, Parliament) answer to no
    // one: they are their own apex, and nothing more needs to be walked or kept.
    bool answers_to_someone = false;
    if (node < in_graph)
        for (Index j = rows.first[node]; j < rows.first[node + 1] && !answers_to_someone; ++j) answers_to_someone = counts(j);
    if (!answers_to_someone) {
        out.node = node;
        out.reachable.clear();
        out.chain.assign(1, node);
        out.apexes.assign(1, node);
        return;
    }

    Walk& w = t_walk;
    w.start(m.entities.size());
    out.node = node;
    out.reachable.clear();  // the reached nodes in the order found, sorted at the end
    out.apexes.clear();
    out.chain.clear();

    // Everything the node answers to: a breadth-first search over today's accountability edges,
    // recording the edges between reached nodes as it goes. Nothing else of the model is read:
    // the second pass below walks those recorded edges backwards instead of the graph's
    // in-edges, whose number at an apex (Parliament, NHS England) grows with the whole model.
    std::vector<Index>& order = out.reachable;
    order.push_back(node);
    w.seen[node] = w.epoch;
    w.local[node] = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        w.first_out.push_back(static_cast<Index>(w.targets.size()));
        if (order[k] >= in_graph) continue;
        for (Index j = rows.first[order[k]]; j < rows.first[order[k] + 1]; ++j) {
            if (!counts(j)) continue;
            const Index t = rows.target[j];
            if (w.seen[t] != w.epoch) {
                w.seen[t] = w.epoch;
                w.local[t] = static_cast<Index>(order.size());
                order.push_back(t);
            }
            w.targets.push_back(w.local[t]);
        }
    }
    const auto n = static_cast<Index>(order.size());
    w.first_out.push_back(static_cast<Index>(w.targets.size()));
    auto out_degree = [&](Index v) { return w.first_out[v + 1] - w.first_out[v]; };

    // The recorded edges reversed, as compressed rows.
    w.first_in.assign(n + 1, 0);
    for (Index t : w.targets) ++w.first_in[t + 1];
    for (Index v = 0; v < n; ++v) w.first_in[v + 1] += w.first_in[v];
    w.sources.resize(w.targets.size());
    {
        w.queue.assign(w.first_in.begin(), w.first_in.end() - 1);  // next free slot per target
        for (Index v = 0; v < n; ++v)
            for (Index k = w.first_out[v]; k < w.first_out[v + 1]; ++k) w.sources[w.queue[w.targets[k]]++] = v;
    }

    // Distance from each reached node to its nearest terminal (a node that answers to no one on
    // the day): a backward breadth-first pass from every terminal.
    w.distance.assign(n, kFar);
    w.queue.clear();
    for (Index v = 0; v < n; ++v)
        if (out_degree(v) == 0) {
            w.distance[v] = 0;
            w.queue.push_back(v);
            out.apexes.push_back(order[v]);
        }
    for (std::size_t k = 0; k < w.queue.size(); ++k) {
        const Index v = w.queue[k];
        for (Index j = w.first_in[v]; j < w.first_in[v + 1]; ++j) {
            const Index s = w.sources[j];
            if (w.distance[s] == kFar) {
                w.distance[s] = w.distance[v] + 1;
                w.queue.push_back(s);
            }
        }
    }

    // The chain: forward from the node, each step to the smallest id that keeps the path
    // shortest. All candidates lead to equally short chains, so this gives the byte-wise
    // smallest of the shortest chains.
    const ById by_id{m, m.id_ranks()};
    out.chain.push_back(node);
    if (w.distance[0] != kFar)
        for (Index at = 0; w.distance[at] > 0;) {
            Index best = npos;
            for (Index k = w.first_out[at]; k < w.first_out[at + 1]; ++k) {
                const Index t = w.targets[k];
                if (w.distance[t] == w.distance[at] - 1 && (best == npos || by_id(order[t], order[best]))) best = t;
            }
            at = best;
            out.chain.push_back(order[at]);
        }

    order.erase(order.begin());  // the node is not among what it answers to
    std::sort(order.begin(), order.end(), by_id);
    std::sort(out.apexes.begin(), out.apexes.end(), by_id);
}

Accountability accountability(const Model& m, Index node, std::optional<Date> as_of) {
    AccountabilityIndices found;
    accountability(m, node, as_of, found);
    return to_ids(m, found);
}

Accountability accountability(const Model& m, std::string_view node, std::optional<Date> as_of) {
    return accountability(m, require_entity(m, node, as_of), as_of);
}

Accountability to_ids(const Model& m, const AccountabilityIndices& a) {
    auto ids = [&](const std::vector<Index>& v) {
        std::vector<std::string> out;
        out.reserve(v.size());
        for (Index i : v) out.push_back(m.id(i));
        return out;
    };
    return Accountability{m.id(a.node), ids(a.chain), ids(a.reachable), ids(a.apexes)};
}

std::vector<Accountability> accountability(const Model& m, gsl::span<const Index> nodes, std::optional<Date> as_of) {
    std::vector<Accountability> out;
    out.reserve(nodes.size());
    AccountabilityIndices found;
    for (Index node : nodes) {
        accountability(m, node, as_of, found);
        out.push_back(to_ids(m, found));
    }
    return out;
}

std::vector<Index> accountable_nodes(const Model& m, std::optional<Date> as_of) {
    std::vector<Index> out;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Section s = m.entities[i].section;
        if ((s == Section::organisation || s == Section::body || s == Section::post) && m.exists(i, as_of))
            out.push_back(i);
    }
    std::sort(out.begin(), out.end(), ById{m, m.id_ranks()});
    return out;
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

#include "pbp/accountability.hpp"

#include "pbp/error.hpp"
#include "epoch_marks.hpp"

#include <algorithm>

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
// allocates nothing and takes no lock once the thread has answered a few: the model's
// accountability rows, id ranks and distances to an apex (for the model and period last asked
// about: Model::apex_distances() takes a lock), and a mark per entity of the largest model the
// thread has queried, reset in constant time (EpochMarks).
struct Walk {
    std::uint64_t model = 0;  // QueryIndexes::serial() of the model the rest belongs to; 0 none
    const AccountabilityRows* rows = nullptr;
    gsl::span<const Index> ranks;
    std::size_t period = 0;
    std::shared_ptr<const std::vector<Index>> distance;
    detail::EpochMarks seen;  // reached by this query

    // Points the walk at `m`, whose serial is never 0 unless it was moved from.
    void use(const Model& m) {
        const std::uint64_t serial = m.query_indexes.serial();
        if (serial != model || serial == 0) {
            model = serial;
            rows = &m.accountability_rows();
            ranks = m.id_ranks();
            distance.reset();
        }
    }
    // The order of ids; by rank unless the model has grown since its ranks were built.
    [[nodiscard]] ById by_id(const Model& m) const {
        return ById(m, ranks.size() == m.entities.size() ? ranks : gsl::span<const Index>{});
    }
    const std::vector<Index>& distances(const Model& m, std::optional<Date> as_of) {
        const std::size_t p = rows->period(as_of);
        if (!distance || period != p) {
            distance = m.query_indexes.apex_distances(*rows, p, as_of);
            period = p;
        }
        return *distance;
    }
};

thread_local Walk t_walk;

// The chain from `node` (SPEC 2.1), appended to `chain`: forward, each step to the smallest id
// one edge nearer a terminal. Every such step stays on a shortest way, so this gives the
// byte-wise smallest of the shortest chains. A node in a cycle that leads nowhere adds nothing.
void walk_chain(const AccountabilityRows& rows, const std::vector<Index>& distance, const ById& by_id, Index node,
                std::optional<Date> as_of, std::vector<Index>& chain) {
    if (distance[node] == kNoWayUp) return;
    for (Index at = node; distance[at] > 0;) {
        Index best = npos;
        for (Index j = rows.first[at]; j < rows.first[at + 1]; ++j) {
            const Index t = rows.target[j];
            if (distance[t] + 1 == distance[at] && rows.valid[j].contains(as_of) && (best == npos || by_id(t, best)))
                best = t;
        }
        at = best;
        chain.push_back(at);
    }
}

[[noreturn]] void no_such_node(const Model& m, Index node, std::optional<Date> as_of) {
    if (node >= m.entities.size()) throw InvalidArgument("no such node");
    throw InvalidArgument("'" + m.id(node) + "' does not exist on " + to_string(*as_of));
}

// Checked on every query, so kept apart from building the message.
inline void require_node(const Model& m, Index node, std::optional<Date> as_of) {
    if (node >= m.entities.size() || !m.exists(node, as_of)) [[unlikely]]
        no_such_node(m, node, as_of);
}

// Sorts the handful of nodes an answer holds by id: an insertion sort, which for so few costs
// less than std::sort's set-up (which sorts short ranges the same way).
void sort_by_id(std::vector<Index>& v, const ById& by_id) {
    if (v.size() > 16) {
        std::sort(v.begin(), v.end(), by_id);
        return;
    }
    for (std::size_t i = 1; i < v.size(); ++i) {
        const Index x = v[i];
        std::size_t k = i;
        for (; k > 0 && by_id(x, v[k - 1]); --k) v[k] = v[k - 1];
        v[k] = x;
    }
}

// True when `node` has accountability edges at all (whatever their dates). A model changed in
// code after loading may hold entities its graph does not: they have none.
bool has_edges(const AccountabilityRows& rows, Index node) {
    return node + 1 < rows.first.size() && rows.first[node] != rows.first[node + 1];
}

}  // namespace

void accountability_chain(const Model& m, Index node, std::optional<Date> as_of, std::vector<Index>& chain) {
    require_node(m, node, as_of);
    Walk& w = t_walk;
    w.use(m);
    chain.assign(1, node);
    if (has_edges(*w.rows, node)) walk_chain(*w.rows, w.distances(m, as_of), w.by_id(m), node, as_of, chain);
}

void accountability(const Model& m, Index node, std::optional<Date> as_of, AccountabilityIndices& out) {
    require_node(m, node, as_of);
    // The accountability edges alone, as compressed rows: a node's other links (membership,
    // commissioning, hosting) are never read.
    Walk& w = t_walk;
    w.use(m);
    const AccountabilityRows& rows = *w.rows;
    out.node = node;
    out.reachable.clear();
    out.apexes.clear();
    out.chain.clear();
    out.chain.push_back(node);

    // Most nodes of a national model (GP practices, PCNs, electorates, Parliament) answer to no
    // one: they are their own apex, and nothing more needs to be walked or looked up.
    if (!has_edges(rows, node)) {
        out.apexes.push_back(node);
        return;
    }
    const std::vector<Index>& distance = w.distances(m, as_of);
    if (distance[node] == 0) {  // its edges do not count on the day
        out.apexes.push_back(node);
        return;
    }

    // Everything the node answers to: a breadth-first search over the day's accountability
    // edges, the node's own first. A reached node is an apex when it is a terminal (distance 0).
    w.seen.start(m.entities.size());
    std::vector<Index>& reached = out.reachable;  // in the order found; sorted at the end
    w.seen.mark(node);
    auto visit = [&](Index v) {
        for (Index j = rows.first[v]; j < rows.first[v + 1]; ++j) {
            const Index t = rows.target[j];
            if (w.seen.marked(t) || !rows.valid[j].contains(as_of)) continue;
            w.seen.mark(t);
            reached.push_back(t);
            if (distance[t] == 0) out.apexes.push_back(t);
        }
    };
    visit(node);
    for (std::size_t k = 0; k < reached.size(); ++k) visit(reached[k]);

    const ById by_id = w.by_id(m);
    walk_chain(rows, distance, by_id, node, as_of, out.chain);
    sort_by_id(reached, by_id);
    sort_by_id(out.apexes, by_id);
}

Accountability accountability(const Model& m, Index node, std::optional<Date> as_of) {
    AccountabilityIndices found;
    accountability(m, node, as_of, found);
    return to_ids(m, found);
}

Accountability accountability(const Model& m, std::string_view node, std::optional<Date> as_of) {
    return accountability(m, require_entity(m, node, as_of), as_of);
}

std::vector<std::string> to_ids(const Model& m, gsl::span<const Index> entities) {
    std::vector<std::string> out;
    out.reserve(entities.size());
    for (Index i : entities) out.push_back(m.id(i));
    return out;
}

Accountability to_ids(const Model& m, const AccountabilityIndices& a) {
    return Accountability{m.id(a.node), to_ids(m, a.chain), to_ids(m, a.reachable), to_ids(m, a.apexes)};
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
    std::sort(out.begin(), out.end(), ById(m));
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

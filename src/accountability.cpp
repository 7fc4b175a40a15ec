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
// accountability rows, id ranks and ways up (for the model and period last asked about:
// QueryIndexes::apex_ways() takes a lock), and a mark per entity of the largest model the
// thread has queried, reset in constant time (EpochMarks).
struct Walk {
    std::uint64_t model = 0;  // QueryIndexes::serial() of the model the rest belongs to; 0 none
    const AccountabilityRows* rows = nullptr;
    gsl::span<const Index> ranks;
    std::size_t period = 0;
    std::shared_ptr<const detail::ApexWays> ways;
    detail::EpochMarks seen;  // reached by this query
    std::vector<Index> queue;  // the nodes reached, in the order found: never more than the vertices

    // Points the walk at `m`, whose serial is never 0 unless it was moved from.
    void use(const Model& m) {
        const std::uint64_t serial = m.query_indexes.serial();
        if (serial != model || serial == 0) {
            model = serial;
            rows = &m.accountability_rows();
            ranks = m.id_ranks();
            ways.reset();
        }
    }
    const detail::ApexWays& ways_on(const Model& m, std::optional<Date> as_of) {
        const std::size_t p = rows->period(as_of);
        if (!ways || period != p) {
            ways = m.query_indexes.apex_ways(*rows, p, as_of, m.entities, ranks);
            period = p;
        }
        return *ways;
    }
};

thread_local Walk t_walk;

// `chain` becomes the chain from `node` (SPEC 2.1), the node first: the first steps up worked
// out for the period. A node in a cycle that leads nowhere has itself alone. Its length is the
// node's distance, so it is sized once (one call of resize(): not inlined), not grown.
void walk_chain(const detail::ApexWays& ways, Index node, std::vector<Index>& chain) {
    const detail::ApexWays::Way* way = ways.way.data();
    const bool up = way[node].up != npos;
    chain.resize(1 + (up ? way[node].distance : 0));
    chain.front() = node;
    std::size_t k = 1;
    for (Index at = way[node].up; at != npos; at = way[at].up) chain[k++] = at;
}

bool answers_to_anyone(Section s) { return s == Section::organisation || s == Section::body || s == Section::post; }

[[noreturn]] void no_such_node(const Model& m, Index node, std::optional<Date> as_of) {
    if (node >= m.entities.size()) throw InvalidArgument("no such node");
    const Entity& e = m.entities[node];
    // An area, function or fund has no accountability edge of its own (SPEC 2.1): its answer
    // would be itself as its own apex, which reads as an answer and is none.
    if (!answers_to_anyone(e.section))
        throw InvalidArgument("'" + e.id + "' is not an organisation, body or post (it is in " +
                              std::string(to_string(e.section)) + "): only those answer to anyone");
    throw InvalidArgument("'" + m.id(node) + "' does not exist on " + to_string(*as_of));
}

// Checked on every query, so kept apart from building the message.
inline void require_node(const Model& m, Index node, std::optional<Date> as_of) {
    if (node >= m.entities.size() || !answers_to_anyone(m.entities[node].section) || !m.exists(node, as_of)) [[unlikely]]
        no_such_node(m, node, as_of);
}

// Sorts the handful of nodes an answer holds by id: an insertion sort, which for so few costs
// less than std::sort's set-up (which sorts short ranges the same way).
template <class Less>
void sort_by_id(Index* begin, Index* end, const Less& by_id) {
    if (end - begin > 16) {
        std::sort(begin, end, by_id);
        return;
    }
    for (Index* i = begin; i != end; ++i) {
        const Index x = *i;
        Index* k = i;
        for (; k != begin && by_id(x, k[-1]); --k) *k = k[-1];
        *k = x;
    }
}

// `v` becomes {x}. Most answers reuse a vector that already holds one node, so this is a store,
// not a call: half the cost of a query that has nothing to walk was clear() and push_back().
void set_one(std::vector<Index>& v, Index x) {
    if (v.size() != 1) [[unlikely]] v.resize(1);  // resize() is a call even when it has nothing to do
    v.front() = x;
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
    if (has_edges(*w.rows, node)) walk_chain(w.ways_on(m, as_of), node, chain);
    else chain.assign(1, node);
}

namespace {
// The part of accountability() for a node with edges that count on the day, kept out of line
// so that the common query (a node that answers to no one) does not pay its set-up.
[[gnu::noinline]] void walk_up(const Model& m, Walk& w, const detail::ApexWays& ways, Index node,
                               AccountabilityIndices& out) {
    const detail::ApexWays::Way* way = ways.way.data();
    const Index* const target = ways.target.data();

    // Everything the node answers to: a breadth-first search over the period's accountability
    // edges (those that count on the day: no dates to check), the node's own first, into the
    // thread's queue (room for every vertex, so no capacity is checked per node). A reached
    // node is an apex when it is a terminal (distance 0).
    const std::size_t vertices = ways.vertices();
    w.seen.start(std::max(m.entities.size(), vertices));
    if (w.queue.size() < vertices) w.queue.resize(vertices);
    Index* const reached = w.queue.data();
    std::size_t count = 0;
    const detail::EpochMarks::Now seen = w.seen.now();
    seen.mark(node);
    auto visit = [&](Index v) {
        for (Index j = way[v].first; j < way[v + 1].first; ++j) {
            const Index t = target[j];
            if (seen.marked(t)) continue;
            seen.mark(t);
            reached[count++] = t;
        }
    };
    visit(node);
    for (std::size_t k = 0; k < count; ++k) visit(reached[k]);

    walk_chain(ways, node, out.chain);
    sort_by_id(reached, reached + count, [way](Index a, Index b) { return way[a].rank < way[b].rank; });
    out.reachable.assign(reached, reached + count);
    out.apexes.clear();  // kept room: push_back() is inlined, resize() is a call
    for (Index v : out.reachable)  // in id order already
        if (way[v].distance == 0) out.apexes.push_back(v);
}
}  // namespace

void accountability(const Model& m, Index node, std::optional<Date> as_of, AccountabilityIndices& out) {
    require_node(m, node, as_of);
    // The accountability edges alone, as compressed rows: a node's other links (membership,
    // commissioning, hosting) are never read.
    Walk& w = t_walk;
    w.use(m);
    out.node = node;

    // Most nodes of a national model (GP practices, PCNs, electorates, Parliament) answer to no
    // one: they are their own apex, and nothing more needs to be walked or looked up; nor does a
    // node whose edges do not count on the day (distance 0).
    if (has_edges(*w.rows, node)) {
        const detail::ApexWays& ways = w.ways_on(m, as_of);
        if (ways.way[node].distance != 0) return walk_up(m, w, ways, node, out);
    }
    out.reachable.clear();
    set_one(out.chain, node);
    set_one(out.apexes, node);
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

void require_accountable(const Model& m, Index node, std::optional<Date> as_of) { require_node(m, node, as_of); }

std::vector<Index> accountable_nodes(const Model& m, std::optional<Date> as_of) {
    std::vector<Index> out;
    for (Index i = 0; i < m.entities.size(); ++i)
        if (answers_to_anyone(m.entities[i].section) && m.exists(i, as_of)) out.push_back(i);
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

// Funding flows: balances and trace (SPEC 2.3, 2.6.6, 2.6.7).
#include "pbp/flows.hpp"

#include "pbp/accountability.hpp"
#include "pbp/allocate.hpp"
#include "pbp/error.hpp"

#include <boost/graph/strong_components.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <unordered_map>

namespace pbp {
namespace mp = boost::multiprecision;

namespace {
bool id_less(const Model& m, Index a, Index b) { return m.id(a) < m.id(b); }  // byte-wise: char_traits<char>
}  // namespace

// graph(), made on its first call.
struct FlowGraph::WholeGraph {
    std::once_flag made;
    Graph graph;
};

FlowGraph::FlowGraph(const Model& m, FinancialYear year)
    : model_(&m), year_(year), whole_(std::make_shared<WholeGraph>()) {
    const std::size_t n = m.entities.size();
    slot_.assign(n, npos);
    // One pass over the flows (a Flow is 144 bytes; a million of them are read once): each
    // node is given a place when first named, its sums kept there, and each flow's two ends.
    // Pages reserved and never written are never mapped.
    std::vector<std::pair<Index, Index>> ends;
    flows_.reserve(m.flows.size());
    ends.reserve(m.flows.size());
    const auto place = [&](Index v) {
        if (slot_[v] == npos) {
            slot_[v] = static_cast<Index>(nodes_.size());
            nodes_.push_back(v);
            inflow_.emplace_back();
            outflow_.emplace_back();
        }
        return slot_[v];
    };
    for (std::size_t k = 0; k < m.flows.size(); ++k) {
        const Flow& f = m.flows[k];
        if (f.year != year || f.from >= n || f.to >= n) continue;
        const Index from = place(f.from), to = place(f.to);
        outflow_[from] += f.amount;
        inflow_[to] += f.amount;
        flows_.push_back(k);
        ends.emplace_back(from, to);
    }
    // Then the nodes in byte-wise order of their ids, and everything kept by place with them.
    const std::size_t k = nodes_.size();
    std::vector<Index> first_named(k), moved_to(k);
    std::iota(first_named.begin(), first_named.end(), Index{0});
    std::sort(first_named.begin(), first_named.end(),
              [&](Index a, Index b) { return id_less(m, nodes_[a], nodes_[b]); });
    std::vector<Index> nodes(k);
    std::vector<Money> in(k), out(k);
    for (Index s = 0; s < k; ++s) {
        const Index was = first_named[s];
        moved_to[was] = s;
        nodes[s] = nodes_[was];
        in[s] = std::move(inflow_[was]);
        out[s] = std::move(outflow_[was]);
        slot_[nodes[s]] = s;
    }
    nodes_ = std::move(nodes);
    inflow_ = std::move(in);
    outflow_ = std::move(out);
    for (auto& [from, to] : ends) from = moved_to[from], to = moved_to[to];

    // The flows into each node as compressed rows (with each one's payer).
    into_start_.assign(k + 1, 0);
    std::vector<std::size_t> paying(k, 0);  // flows out of each node
    for (const auto& [from, to] : ends) {
        ++into_start_[to + 1];
        ++paying[from];
    }
    std::partial_sum(into_start_.begin(), into_start_.end(), into_start_.begin());
    into_.resize(flows_.size());
    std::vector<Index> payer(flows_.size());  // beside into_
    std::vector<std::size_t> next(into_start_.begin(), into_start_.end() - 1);
    for (std::size_t f = 0; f < ends.size(); ++f) {
        const std::size_t at = next[ends[f].second]++;
        into_[at] = flows_[f];
        payer[at] = ends[f].first;
    }

    // Topological order, from the last payee back (Kahn's algorithm over the flows into each
    // node): a node is placed once every node it pays has been. A circle is never placed.
    rank_.assign(k, 0);
    std::vector<Index> ready;
    for (Index s = 0; s < k; ++s)
        if (paying[s] == 0) ready.push_back(s);
    std::size_t placed = 0;
    while (!ready.empty()) {
        const Index v = ready.back();
        ready.pop_back();
        rank_[v] = static_cast<std::uint32_t>(k - 1 - placed++);
        for (std::size_t r = into_start_[v]; r < into_start_[v + 1]; ++r)
            if (--paying[payer[r]] == 0) ready.push_back(payer[r]);
    }
    if (placed == k) return;

    // A circle (E301): the strongly connected components of the year's flows among its own
    // nodes (vertex s is nodes_[s]) name every one.
    Graph among(k);
    for (std::size_t f = 0; f < ends.size(); ++f) boost::add_edge(ends[f].first, ends[f].second, FlowEdge{flows_[f]}, among);
    std::vector<int> component(k);
    boost::strong_components(among, boost::make_iterator_property_map(component.begin(),
                                                                      boost::get(boost::vertex_index, among)));
    std::map<int, std::vector<Index>> members;
    for (Index s = 0; s < k; ++s) members[component[s]].push_back(nodes_[s]);  // id-sorted, as nodes_
    for (auto& [c, vs] : members) {
        const Index first = slot_[vs[0]];
        bool loop = vs.size() > 1;
        for (auto [b, e] = boost::out_edges(first, among); !loop && b != e; ++b) loop = boost::target(*b, among) == first;
        if (loop) cycles_.push_back(vs);
    }
    std::sort(cycles_.begin(), cycles_.end(), [&](const auto& a, const auto& b) {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                            [&](Index x, Index y) { return id_less(m, x, y); });
    });
}

const FlowGraph::Graph& FlowGraph::graph() const {
    static const Graph none;  // of a FlowGraph moved from, which has no flows either
    if (!whole_) return none;
    std::call_once(whole_->made, [this] {
        Graph g(slot_.size());
        for (std::size_t f : flows_) boost::add_edge(model_->flows[f].from, model_->flows[f].to, FlowEdge{f}, g);
        whole_->graph = std::move(g);
    });
    return whole_->graph;
}

gsl::span<const std::size_t> FlowGraph::flows_into(Index node) const {
    const Index s = slot_.at(node);
    if (s == npos) return {};
    return gsl::span<const std::size_t>(into_.data() + into_start_[s], into_start_[s + 1] - into_start_[s]);
}

const Money& FlowGraph::inflow(Index node) const {
    static const Money none;
    const Index s = slot_.at(node);
    return s == npos ? none : inflow_[s];
}

const Money& FlowGraph::outflow(Index node) const {
    static const Money none;
    const Index s = slot_.at(node);
    return s == npos ? none : outflow_[s];
}

std::string FlowGraph::cycle_message() const {
    if (cycles_.empty()) return {};
    const auto& c = cycles_.front();
    std::string names;
    for (Index v : c) names += (names.empty() ? "'" : ", '") + model_->id(v) + "'";
    std::string s = "the flows of " + to_string(year_) + " go round in a circle";
    s += c.size() == 1 ? " (" + names + " pays itself)" : " through " + names;
    s += ", so where money came from has no answer (E301); remove or correct one of those flows";
    if (cycles_.size() > 1) s += " (and " + std::to_string(cycles_.size() - 1) + " other circle(s) that year)";
    return s;
}

Balances balances(const FlowGraph& g) {
    Balances b;
    b.year = g.year();
    b.nodes.reserve(g.nodes().size());
    for (Index v : g.nodes())
        b.nodes.push_back({g.model().id(v), g.inflow(v), g.outflow(v), g.inflow(v) - g.outflow(v)});
    return b;
}

Balances balances(const Model& m, FinancialYear year) { return balances(FlowGraph(m, year)); }

Trace trace(const FlowGraph& g, Index node) {
    const Model& m = g.model();
    if (node >= m.entities.size()) throw InvalidArgument("trace: no entity at index " + std::to_string(node));
    if (!g.acyclic()) throw InvalidArgument("cannot trace '" + m.id(node) + "': " + g.cycle_message());
    Trace t;
    t.node = m.id(node);
    t.year = g.year();
    t.total = g.inflow(node);
    // SPEC 2.6.6: no inflow (a source included) -> total 0.00 and no sources.
    if (t.total.is_zero()) return t;

    // The node's ancestors: everything with a path of flows (of any amount) into it.
    std::unordered_map<Index, std::size_t> place;  // ancestor -> position in `ancestors`
    std::vector<Index> ancestors, stack{node};
    while (!stack.empty()) {
        Index v = stack.back();
        stack.pop_back();
        for (std::size_t k : g.flows_into(v)) {
            const Index u = m.flows[k].from;
            if (place.emplace(u, ancestors.size()).second) {
                ancestors.push_back(u);
                stack.push_back(u);
            }
        }
    }
    // Topological order: every ancestor after the nodes that pay it.
    std::sort(ancestors.begin(), ancestors.end(),
              [&](Index a, Index b) { return g.rank_[g.slot_[a]] < g.rank_[g.slot_[b]]; });
    for (std::size_t k = 0; k < ancestors.size(); ++k) place[ancestors[k]] = k;

    // SPEC 2.3 defines f_v(S), the fraction of v's inflow that comes from source S, forwards:
    // f_v(S) = sum over flows u->v of amount x f_u(S) / inflow(v), and S's exact amount is
    // sum over flows u->N of amount x f_u(S). The same sum worked backwards from N needs one
    // number per ancestor instead of one per ancestor and source: `reaches[k]`, the money
    // (in pence, exact) that ancestor k passes on, through any path, into N's inflow. Each
    // pound u receives carries reaches(u) / inflow(u) of itself on to N, so a flow w->u adds
    // amount x that to reaches(w); for a source it is its exact amount. (Carried forwards, per
    // source, a chain of 2,000 trusts each with a source of its own took most of a minute and
    // 8.5 GB: docs/performance.md.)
    std::vector<Ratio> reaches(ancestors.size());
    const auto pass_back = [&](Index v, const Ratio& per_penny) {
        for (std::size_t k : g.flows_into(v)) {
            const Flow& fl = m.flows[k];
            if (fl.amount.is_zero()) continue;
            reaches[place.at(fl.from)] += Ratio(boost::multiprecision::cpp_int(fl.amount.pence())) * per_penny;
        }
    };
    pass_back(node, Ratio(1));
    std::vector<Index> sources;
    for (std::size_t k = ancestors.size(); k-- > 0;) {  // every ancestor after all it pays
        const Index u = ancestors[k];
        if (g.flows_into(u).empty()) {
            sources.push_back(u);
            continue;
        }
        // A node whose inflows sum to zero passes nothing on (SPEC 2.6.6).
        if (g.inflow(u).is_zero() || reaches[k] == 0) continue;
        pass_back(u, reaches[k] / Ratio(boost::multiprecision::cpp_int(g.inflow(u).pence())));
    }

    // Each source's exact amount goes to allocate() in ascending byte-wise id order: that
    // order decides who gets a leftover penny (SPEC 2.6.6).
    std::sort(sources.begin(), sources.end(), [&](Index a, Index b) { return id_less(m, a, b); });
    std::vector<Ratio> weights;
    weights.reserve(sources.size());
    bool any = false;
    for (Index s : sources) {
        weights.push_back(reaches[place.at(s)]);
        any = any || weights.back() != 0;
    }
    // In a valid model the exact amounts sum to the inflow. Only a model with E302 errors
    // (queried with --force) can leave them all zero: then no source is credited.
    std::vector<Money> shares = any ? allocate(t.total, weights) : std::vector<Money>(sources.size());
    for (std::size_t k = 0; k < sources.size(); ++k) t.sources.push_back({m.id(sources[k]), shares[k]});
    std::stable_sort(t.sources.begin(), t.sources.end(), [](const SourceAmount& a, const SourceAmount& b) {
        if (a.amount != b.amount) return a.amount > b.amount;
        return a.source < b.source;
    });
    return t;
}

Trace trace(const Model& m, Index node, FinancialYear year) {
    if (node >= m.entities.size()) throw InvalidArgument("trace: no entity at index " + std::to_string(node));
    return trace(FlowGraph(m, year), node);
}

Trace trace(const Model& m, std::string_view node, FinancialYear year) {
    return trace(m, require_entity(m, node, std::nullopt), year);
}

std::vector<FinancialYear> flow_years(const Model& m) {
    std::set<FinancialYear> years;
    for (const Flow& f : m.flows) years.insert(f.year);
    return {years.begin(), years.end()};
}

boost::json::object to_json(const Balances& b) {
    boost::json::array nodes;
    for (const auto& n : b.nodes) {
        boost::json::object o;
        o["id"] = n.id;
        o["inflow"] = n.inflow.to_string();
        o["outflow"] = n.outflow.to_string();
        o["net"] = n.net.to_string();
        nodes.push_back(std::move(o));
    }
    boost::json::object o;
    o["year"] = to_string(b.year);
    o["nodes"] = std::move(nodes);
    return o;
}

boost::json::object to_json(const Trace& t) {
    boost::json::array sources;
    for (const auto& s : t.sources) {
        boost::json::object o;
        o["source"] = s.source;
        o["amount"] = s.amount.to_string();
        sources.push_back(std::move(o));
    }
    boost::json::object o;
    o["node"] = t.node;
    o["year"] = to_string(t.year);
    o["total"] = t.total.to_string();
    o["sources"] = std::move(sources);
    return o;
}

}  // namespace pbp

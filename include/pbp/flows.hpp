/// @file flows.hpp
/// @brief Funding flows (SPEC 2.3): what each organisation, body or fund receives and pays out
/// in a financial year, where a node's money came from, and the rules money must keep
/// (E301-E304, W305). Everything is exact: sums are pbp::Money, fractions pbp::Ratio, and the
/// only rounding is the final split of a total into pence with pbp::allocate().
#pragma once

#include "pbp/date.hpp"
#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"
#include "pbp/money.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/json/object.hpp>
#include <gsl/span>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pbp {

/// What one node received and paid out in a year (SPEC 2.3 balances).
struct NodeBalance {
    std::string id;
    Money inflow;   ///< sum of the year's flows into the node
    Money outflow;  ///< sum of the year's flows out of the node
    Money net;      ///< inflow - outflow
};

/// Every node named by a flow of a year, with its balance, sorted byte-wise by id (SPEC 2.6.7).
struct Balances {
    FinancialYear year;
    std::vector<NodeBalance> nodes;
};

/// One source of a node's money and how much of it came from there (SPEC 2.3 trace).
struct SourceAmount {
    std::string source;
    Money amount;
};

/// Where a node's money in a year came from (SPEC 2.3, 2.6.6).
struct Trace {
    std::string node;
    FinancialYear year;
    Money total;  ///< the node's inflow in the year
    /// Every source with a path of flows into the node (amounts may be 0.00); the amounts sum
    /// to `total` exactly. Sorted by amount descending, then id.
    std::vector<SourceAmount> sources;
};

/// The flows of one financial year as a directed graph over the model's entities: one edge per
/// flow (parallel edges allowed). Built once, it answers any number of balances and traces for
/// that year cheaply (a trace only visits the node's ancestors). Flows are selected by `year`
/// alone, whatever their dates (SPEC 2.6.1).
///
/// Its size follows the year's flows, not the model: only the nodes the flows name have sums
/// and places in the order (a national model's year names a few hundred of its 44,000
/// entities). Holds a pointer to the model, which must outlive it. Immutable after
/// construction (graph() is built on its first call, once, thread-safe), so it may be queried
/// from many threads at once.
class FlowGraph {
public:
    /// The flow behind an edge: an index into Model::flows.
    struct FlowEdge {
        std::size_t flow = 0;
    };
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                                        FlowEdge, boost::no_property, boost::vecS>;

    /// Collects the flows of `year` from `m` and orders their nodes topologically (Kahn's
    /// algorithm; Boost.Graph's strong_components names the circles when there are some). A
    /// cycle is not an error here: it is recorded in cycles().
    /// @throws Overflow if a node's sums leave the range of Money (not possible for a loaded model).
    FlowGraph(const Model& m, FinancialYear year);

    [[nodiscard]] const Model& model() const noexcept { return *model_; }
    [[nodiscard]] FinancialYear year() const noexcept { return year_; }
    /// The year's flows as a Boost.Graph with a vertex for every entity of the model (vertex i
    /// = entity i; each edge's FlowEdge names its flow, edges in file order). Built on the
    /// first call, once, thread-safe: its size is the model's, which the queries here do not
    /// need (they read flows_into()).
    [[nodiscard]] const Graph& graph() const;
    /// Indices into Model::flows of the year's flows, in file order.
    [[nodiscard]] const std::vector<std::size_t>& flows() const noexcept { return flows_; }
    /// Indices into Model::flows of the year's flows into `node`, in file order (empty when
    /// none). @throws std::out_of_range when `node` is not an index of the model's entities.
    [[nodiscard]] gsl::span<const std::size_t> flows_into(Index node) const;

    /// Sum of the year's flows into `node`. @throws std::out_of_range as flows_into().
    [[nodiscard]] const Money& inflow(Index node) const;
    /// Sum of the year's flows out of `node`. @throws std::out_of_range as flows_into().
    [[nodiscard]] const Money& outflow(Index node) const;
    /// True when some flow of the year names `node` as `from` or `to`.
    /// @throws std::out_of_range as flows_into().
    [[nodiscard]] bool named(Index node) const { return slot_.at(node) != npos; }
    /// True when `node` is named by a flow of the year and no flow of the year goes into it
    /// (NHS England's allocation, a council's own money: SPEC 2.3).
    [[nodiscard]] bool is_source(Index node) const { return named(node) && flows_into(node).empty(); }
    /// Every node named by a flow of the year, sorted byte-wise by id.
    [[nodiscard]] const std::vector<Index>& nodes() const noexcept { return nodes_; }

    /// True when the year's flows form a directed acyclic graph (SPEC 2.3; E301 otherwise).
    [[nodiscard]] bool acyclic() const noexcept { return cycles_.empty(); }
    /// Each set of nodes that money goes round in a circle between (a strongly connected
    /// component with more than one node, or a node paying itself), ids sorted byte-wise;
    /// the sets are sorted too. Empty when acyclic().
    [[nodiscard]] const std::vector<std::vector<Index>>& cycles() const noexcept { return cycles_; }
    /// A sentence naming the year and the first cycle; empty when acyclic().
    [[nodiscard]] std::string cycle_message() const;

private:
    struct WholeGraph;  // graph(), once made

    const Model* model_;
    FinancialYear year_;
    std::vector<std::size_t> flows_;
    // Each entity's place among nodes_ (npos when the year's flows do not name it): the
    // per-node arrays below are by that place, so that they are as long as nodes_, not the model.
    std::vector<Index> slot_;
    std::vector<Index> nodes_;
    std::vector<Money> inflow_, outflow_;
    std::vector<std::uint32_t> rank_;  ///< position in topological order (sources first)
    // flows_into() as compressed rows: node slot k's flows are into_[into_start_[k] .. into_start_[k + 1]).
    std::vector<std::size_t> into_start_, into_;
    std::vector<std::vector<Index>> cycles_;
    std::shared_ptr<WholeGraph> whole_;  // shared, so that a copy of this graph shares it too

    friend Trace trace(const FlowGraph& g, Index node);
};

/// Balances of every node named by a flow of `year` (funds, zero flows and sources included),
/// sorted byte-wise by id (SPEC 2.3, 2.6.7). A year with no flows gives no nodes. A cycle does
/// not stop the sums: they are well defined (validate() reports it as E301).
/// @throws Overflow only for a model built in code whose sums exceed Money's range.
/// Thread-safe: reads the model only.
Balances balances(const Model& m, FinancialYear year);

/// Same, from a prepared graph of the year.
Balances balances(const FlowGraph& g);

/// Where the money `node` received in `year` came from (SPEC 2.3, 2.6.6). Each non-source
/// node's outflows are funded pro rata by its inflows; the exact rational share of the node's
/// inflow that each of its ancestors passes on is worked back from the node through them, one
/// number per ancestor, in reverse topological order; each source's exact amount is turned into
/// pence with allocate() (sources in ascending byte-wise id order) so the amounts sum to the
/// node's inflow exactly. A node with no inflow in the year (a source included) traces to
/// 0.00 with no sources; a node whose inflows sum to zero passes nothing on.
/// @throws InvalidArgument when `node` is not in the model, or when the year's flows go round
///         in a circle (E301: there is then no answer), naming the nodes of the circle.
/// Thread-safe: reads the model only.
Trace trace(const Model& m, std::string_view node, FinancialYear year);

/// Same, by entity index. @throws InvalidArgument as above (and for an index out of range).
Trace trace(const Model& m, Index node, FinancialYear year);

/// Same, from a prepared graph of the year: use this to trace many nodes of one year.
/// @throws InvalidArgument as above.
Trace trace(const FlowGraph& g, Index node);

/// The financial years that have at least one flow, ascending.
std::vector<FinancialYear> flow_years(const Model& m);

/// The flow rules broken in `year` (SPEC 3: E301 cycle, E302 overspending, E303 ring-fenced
/// money spent on another purpose, E304 pass-through money kept, W305 a pooled fund not fed by
/// both the NHS and local government), ordered by code, then node id. validate() reports the
/// same diagnostics for every year. Thread-safe: reads the model only.
Diagnostics flow_problems(const Model& m, FinancialYear year);

/// Same, on a prepared graph of the year.
Diagnostics flow_problems(const FlowGraph& g);

/// `{"year", "nodes": [{"id", "inflow", "outflow", "net"}]}` as SPEC 4.1 prints it.
boost::json::object to_json(const Balances& b);

/// `{"node", "year", "total", "sources": [{"source", "amount"}]}` as SPEC 4.1 prints it.
boost::json::object to_json(const Trace& t);

}  // namespace pbp

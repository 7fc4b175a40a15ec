/// @file graph.hpp
/// @brief The model's links as one Boost.Graph: vertex i is entity i; every edge is typed by
/// what it records (a relation kind, or a structural field such as `of` or `within`) and dated.
/// Queries work on filtered views of it (by date and kind).
#pragma once

#include "pbp/date.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <cstdint>
#include <limits>
#include <optional>

namespace pbp {

/// Index of an entity in Model::entities (and of its vertex in Model::graph).
using Index = std::uint32_t;
/// "No entity".
inline constexpr Index npos = std::numeric_limits<Index>::max();

/// What an edge records.
enum class EdgeKind : std::uint8_t {
    // relations, from -> to as written
    accountable_to, reports_to, member_of, commissions, delegates, hosts, chairs, informs,
    // structural fields, entity -> referenced entity
    of,          ///< body -> each organisation or body it belongs to
    in,          ///< post -> the organisation or body it sits in
    within,      ///< area -> parent area
    serves,      ///< organisation -> area
    place,       ///< body -> its place
    member,      ///< body -> member listed in `members`
    employer,    ///< post -> employing organisation
    holds,       ///< function -> holder organisation; fund -> holder
    host,        ///< pooled fund -> host organisation
    appointed_by,  ///< post -> who appoints it
    approved_by,   ///< post -> who approves the appointment
    // derived
    answers_to_delegator,  ///< delegate -> delegator, one per `delegates` relation (SPEC 2.1 edge 4)
};

/// The kind's name: a relation kind as in the file, or the structural field (`of`, `within`, ...).
const char* to_string(EdgeKind k) noexcept;

struct VertexProperties {
    Index entity = npos;
};

struct EdgeProperties {
    EdgeKind kind = EdgeKind::reports_to;
    Validity valid;            ///< the relation's own dates (structural edges are always valid)
    Index relation = npos;     ///< index into Model::relations, when the edge comes from one
};

/// Compressed sparse rows: the graph is built once, never changes, and is walked both ways, so
/// it is stored as flat arrays (each vertex's out-edges in the order they were added; in-edges
/// by source). A million-entity model's two million edges take about 80 MB, not 290 MB as in
/// an adjacency_list.
using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexProperties, EdgeProperties,
                                                 boost::no_property, Index, Index>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

struct Model;

/// True for the four kinds of accountability edge of SPEC 2.1: `accountable_to`, `of`, `in`
/// and `answers_to_delegator`.
constexpr bool is_accountability(EdgeKind k) noexcept {
    return k == EdgeKind::accountable_to || k == EdgeKind::of || k == EdgeKind::in ||
           k == EdgeKind::answers_to_delegator;
}

/// Edge filter: edges of the chosen kinds that exist on the day, between entities that exist
/// on the day (SPEC 2.6.1: a link to an entity that does not exist is ignored).
struct EdgeView {
    const Model* model = nullptr;
    std::optional<Date> as_of;
    bool (*kinds)(EdgeKind) noexcept = nullptr;
    bool operator()(const Edge& e) const;
};

/// Vertex filter: entities that exist on the day.
struct VertexView {
    const Model* model = nullptr;
    std::optional<Date> as_of;
    bool operator()(const Vertex& v) const;
};

/// A date- and kind-filtered view of the model's graph.
using GraphView = boost::filtered_graph<Graph, EdgeView, VertexView>;

/// The accountability graph of SPEC 2.1 on a day (or on every day).
GraphView accountability_view(const Model& m, std::optional<Date> as_of);

/// Any kinds of edge on a day: `kinds` says which.
GraphView view(const Model& m, std::optional<Date> as_of, bool (*kinds)(EdgeKind) noexcept);

}  // namespace pbp

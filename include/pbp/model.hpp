/// @file model.hpp
/// @brief The typed model (SPEC 1): entities, relations, flows and assessments as plain values,
/// with O(1) lookup by id and one typed Boost.Graph of every link. A Model is built once by
/// load_model() and never changes afterwards, so any number of threads may query it at once.
#pragma once

#include "pbp/date.hpp"
#include "pbp/diagnostics.hpp"
#include "pbp/graph.hpp"
#include "pbp/money.hpp"

#include <boost/json/value.hpp>
#include <gsl/span>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pbp {

/// Which section of the file an entity comes from.
enum class Section : std::uint8_t { area, organisation, body, post, function, fund };

/// The section's name as in the file (`"areas"`, `"organisations"`, ...).
std::string_view to_string(Section s) noexcept;

/// One entry in a body's `members` (or a `member_of` relation to a body).
struct Member {
    Index member = npos;
    bool voting = true;
    std::string role = "member";  ///< chair, vice_chair, member or attendee
};

/// A body's quorum: how many voting members, and who must be there.
struct Quorum {
    std::int64_t count = 0;
    std::vector<Index> must_include;
};

/// The fields few entities have: a body's members and quorum, a post's title, holder and
/// appointers, a function's basis and service area, an area's need index, notes. Kept apart
/// from Entity so that the hundreds of thousands of areas of a national model do not each carry
/// room for them (a loaded million-entity model holds about 800 bytes per entity:
/// docs/performance.md).
struct EntityDetails {
    std::string notes;
    // areas
    Ratio need_index = 1;
    // bodies
    std::vector<Member> members;
    std::optional<Quorum> quorum;
    // posts
    std::string title;
    std::string person;  ///< the post's `holder`: a person's name
    std::vector<Index> appointed_by, approved_by;
    // functions
    std::string basis, service_area;

    /// True when every field has its default: such an entity needs no EntityDetails of its own.
    [[nodiscard]] bool empty() const noexcept;
};

/// An area, organisation, body, post, function or fund. Fields that do not apply to the
/// entity's section are left empty. References to other entities are indices into
/// Model::entities; a reference the loader could not resolve is left out (and reported).
struct Entity {
    std::string id;
    std::string name;  ///< defaults to the id
    std::string kind;  ///< as written; empty for posts and functions
    Section section = Section::area;
    Validity valid;
    std::map<std::string, std::string> codes;
    std::string pointer;  ///< JSON Pointer of the entity in the file, e.g. `/bodies/3`

    // areas
    std::vector<Index> within;
    std::optional<std::int64_t> population;  ///< as stated
    // organisations
    std::vector<Index> serves;
    // bodies
    std::vector<Index> of;
    Index place = npos;
    // posts
    Index in = npos;
    Index employer = npos;
    // functions (holder also used by funds)
    Index holder = npos;
    bool statutory = true;
    // funds
    std::optional<FinancialYear> year;
    Index host = npos;

    /// Shared, never changed after loading; null when every detail has its default.
    std::shared_ptr<const EntityDetails> more;
    /// The entity's less common fields (all defaults when it has none).
    [[nodiscard]] const EntityDetails& details() const noexcept;
};

enum class RelationKind : std::uint8_t {
    accountable_to, reports_to, member_of, commissions, delegates, hosts, chairs, informs
};
std::string_view to_string(RelationKind k) noexcept;
std::optional<RelationKind> parse_relation_kind(std::string_view s) noexcept;

/// The legal route a delegation takes (SPEC 1.2, DOMAIN.md).
enum class Mechanism : std::uint8_t { scheme_of_delegation, s65z5, s75, lead_provider, executive_authority };
std::string_view to_string(Mechanism m) noexcept;
std::optional<Mechanism> parse_mechanism(std::string_view s) noexcept;

/// A typed, dated edge between two entities.
struct Relation {
    RelationKind kind = RelationKind::reports_to;
    Index from = npos, to = npos;
    std::string id;  ///< optional
    Validity valid;
    std::string pointer;  ///< e.g. `/relations/14`
    // delegates
    std::vector<Index> functions;
    Mechanism mechanism = Mechanism::scheme_of_delegation;
    std::optional<Money> limit;  ///< largest single commitment; none = no limit of its own
    std::string instrument;
    bool may_subdelegate = false;
    // member_of
    bool voting = true;
    std::string role;
};

enum class Restriction : std::uint8_t { none, ring_fenced, pass_through, mandated };
std::string_view to_string(Restriction r) noexcept;
std::optional<Restriction> parse_restriction(std::string_view s) noexcept;

/// Money moving from one organisation, body or fund to another in a financial year.
struct Flow {
    Index from = npos, to = npos;
    Money amount;
    FinancialYear year;
    std::string purpose = "general";
    Restriction restriction = Restriction::none;
    Validity valid;
    std::string pointer;  ///< e.g. `/flows/3`
};

/// A dated maturity self-assessment on one theme of the BOB matrix (002 Appendix One).
struct Assessment {
    Index subject = npos;
    Date date;
    std::string theme, stage, evidence;
    std::string pointer;
};

/// Line and column (1-based) of a value in the source text.
struct SourcePosition {
    int line = 1, column = 1;
};

/// The accountability edges of SPEC 2.1 alone (`accountable_to`, `of`, `in`, delegate to
/// delegator), as compressed rows: vertex v's edges are `first[v]` to `first[v + 1]` of
/// `target` and `valid`. Built from Model::graph on first use (Model::accountability_rows()):
/// accountability() walks these instead of every edge of the graph, so a node's membership,
/// commissioning and hosting links cost it nothing.
struct AccountabilityRows {
    std::vector<Index> first;
    std::vector<Index> target;
    /// The days edge j counts: its own dates and its target's together (SPEC 2.6.1: a link to
    /// an entity that does not exist on the day is ignored).
    std::vector<Validity> valid;
    /// Every day on which the edges that count change (an edge's `from`, or its `to`, the first
    /// day it no longer counts), sorted, without repeats: all days between two of these see the
    /// same edges, so answers that depend only on the edges can be kept per period.
    std::vector<Date> changes;

    /// The period of `as_of`: the number of `changes` on or before it, or `changes.size() + 1`
    /// with no day (when every edge counts).
    [[nodiscard]] std::size_t period(std::optional<Date> as_of) const {
        if (!as_of) return changes.size() + 1;
        return static_cast<std::size_t>(std::upper_bound(changes.begin(), changes.end(), *as_of) - changes.begin());
    }
};

/// No way up: the distance of a node from which no terminal can be reached (a cycle).
inline constexpr Index kNoWayUp = static_cast<Index>(-1);

namespace detail {
/// What a period of AccountabilityRows says about every vertex, worked out once by
/// QueryIndexes::apex_ways(), with the period's own edges: accountability() reads a vertex's
/// row, distance and rank for each node it reaches, so they sit together in 16 bytes (one
/// cache line per node, not one per array), and walks only edges that count, with no dates
/// to check.
struct ApexWays {
    struct Way {
        /// The vertex's edges that count in the period: `target[first]` up to the next
        /// vertex's `first`.
        Index first = 0;
        Index distance = kNoWayUp;  ///< as Model::apex_distances() gives it
        /// The first step of the chain (SPEC 2.1: the smallest id one edge nearer a
        /// terminal); npos at a terminal or with no way up. A chain follows `up` to npos.
        Index up = npos;
        Index rank = 0;  ///< the place of the vertex's id in byte order among the vertices
    };
    /// One per vertex, and one more whose `first` closes the last vertex's row.
    std::vector<Way> way;
    std::vector<Index> target;
    /// The number of vertices (one less than `way`).
    [[nodiscard]] std::size_t vertices() const noexcept { return way.empty() ? 0 : way.size() - 1; }
};

/// The `delegates` relations of each function (Model::delegations_of()), in file order, as
/// compressed rows of what decides() reads on every query: function f's are `first[f]` to
/// `first[f + 1]` of `edge`. A Relation is 256 bytes, and its ends, dates, permission and limit
/// lie on three of its cache lines; one Edge holds them in 32 bytes.
struct DelegationEdges {
    struct Edge {
        Index relation = npos;
        Index from = npos, to = npos;
        /// The days it counts: its own dates and both ends' together (SPEC 2.6.1).
        Validity valid;
        bool may_subdelegate = false;
        bool has_limit = false;  ///< the relation's `limit` is set
    };
    std::vector<Index> first;
    std::vector<Edge> edge;
};

/// Storage for Model::id_ranks(), Model::accountability_rows(), Model::delegation_edges() and
/// Model::apex_distances(): each built on first use, whichever thread asks first. A copy of a model starts without them
/// (the copy may be changed before it is queried).
class QueryIndexes {
public:
    QueryIndexes() : state_(std::make_unique<State>()) {}
    QueryIndexes(const QueryIndexes&) : QueryIndexes() {}
    QueryIndexes(QueryIndexes&&) noexcept = default;
    QueryIndexes& operator=(const QueryIndexes&) {
        state_ = std::make_unique<State>();
        return *this;
    }
    QueryIndexes& operator=(QueryIndexes&&) noexcept = default;
    ~QueryIndexes() = default;

    /// The ranks of the entities' ids, computed by the first call (none when moved from).
    const std::vector<Index>& ranks(const std::vector<Entity>& entities) const;
    /// The accountability edges of `g`, computed by the first call (none when moved from).
    const AccountabilityRows& accountability_rows(const Graph& g, const std::vector<Entity>& entities) const;
    /// The delegations of every function, computed by the first call (none when moved from).
    const DelegationEdges& delegation_edges(const std::vector<Entity>& entities, const std::vector<Relation>& relations,
                                            const std::unordered_map<Index, std::vector<Index>>& by_function) const;
    /// Distances to the nearest terminal over `rows` in `period` (`as_of` is a day of it),
    /// each vertex's first step towards one and its rank, ids ordered by `ranks` (or compared
    /// as strings of `entities` when `ranks` does not cover them); computed on the first call
    /// for that period, the last few periods asked kept.
    std::shared_ptr<const ApexWays> apex_ways(const AccountabilityRows& rows, std::size_t period,
                                              std::optional<Date> as_of, const std::vector<Entity>& entities,
                                              gsl::span<const Index> ranks) const;
    /// A number no other QueryIndexes of this process has: a copy, or a model loaded where a
    /// freed one was, never shares what was computed for another.
    [[nodiscard]] std::uint64_t serial() const noexcept { return state_ ? state_->serial : 0; }

private:
    struct State {
        State();
        std::uint64_t serial;
        std::once_flag ranks_built, rows_built, delegations_built;
        DelegationEdges delegations;
        std::vector<Index> ranks;
        AccountabilityRows rows;
        std::mutex ways_mutex;
        std::vector<std::pair<std::size_t, std::shared_ptr<const ApexWays>>> ways;  // latest last
    };
    std::unique_ptr<State> state_;
};
}  // namespace detail

/// An immutable, loaded model. Obtain one from load_model(); all queries take `const Model&`.
struct Model {
    std::string name;
    std::string currency = "GBP";
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    std::vector<Flow> flows;
    std::vector<Assessment> assessments;

    /// Problems found while reading the file (E003-E009, W009, E015-E017).
    Diagnostics load_diagnostics;
    /// The source text as loaded (empty when built in code): kept so that saving loses nothing
    /// and diagnostics found later, by validate(), can still be given a line and column.
    std::string source;
    /// The JSON document as loaded (comments dropped; of equal keys, the last), parsed
    /// again from `source` at each call: kept whole, a Boost.JSON document takes about 4.5
    /// times the size of its text, which a million-entity model cannot afford. A null value
    /// for a model built in code. Parse once and keep the result when you need it repeatedly.
    [[nodiscard]] boost::json::value document() const;
    /// Every link between entities as one typed graph (vertex i is entities[i]).
    Graph graph;

    /// The entity with this id, if any. O(1).
    [[nodiscard]] std::optional<Index> find(std::string_view id) const;
    /// The entity at `i`. @pre i < entities.size()
    [[nodiscard]] const Entity& at(Index i) const;
    /// True when entity `i` exists on day `as_of` (always, with no day).
    [[nodiscard]] bool exists(Index i, std::optional<Date> as_of) const { return !as_of || entities[i].valid.contains(as_of); }
    /// The id of entity `i`.
    [[nodiscard]] const std::string& id(Index i) const { return at(i).id; }
    /// Position of a JSON Pointer's value in the source text (or of its nearest ancestor that
    /// is there), if the source is known; none for text that is not a JSON Pointer (a
    /// non-empty one starts with '/'). Scans the text: for many, use locate().
    [[nodiscard]] std::optional<SourcePosition> position(std::string_view pointer) const;
    /// Fills in line and column of every diagnostic that has none, in one pass over the source.
    void locate(Diagnostics& ds) const;
    /// A diagnostic for this model at JSON Pointer `path` (located later by locate()).
    [[nodiscard]] Diagnostic diagnostic(std::string code, std::string message,
                                        std::vector<std::string> ids, std::string path) const;

    /// The `delegates` relations that name function `f` (indices into `relations`, in file
    /// order), whatever their dates: decides() reads these, not every relation of the model.
    [[nodiscard]] const std::vector<Index>& delegations_of(Index f) const;
    /// See delegations_of(); filled by load_model().
    std::unordered_map<Index, std::vector<Index>> delegations_by_function;

    /// Each entity's position in the byte-wise order of all ids: `id_ranks()[i] < id_ranks()[j]`
    /// exactly when `id(i) < id(j)`. Queries that sort or break ties by id (accountability's
    /// chains, decides' candidates) compare two integers instead of two strings. Built on the
    /// first call, once, thread-safe. Empty when `entities` has grown or shrunk since that call
    /// (a model changed in code after a query): callers then compare the ids themselves.
    [[nodiscard]] gsl::span<const Index> id_ranks() const;
    /// The accountability edges of `graph` as compressed rows (see AccountabilityRows). Built
    /// on the first call, once, thread-safe; from the graph as it was then.
    [[nodiscard]] const AccountabilityRows& accountability_rows() const;
    /// delegations_of() for every function as compressed rows of what decides() reads (see
    /// detail::DelegationEdges). Built on the first call, once, thread-safe; from the
    /// relations as they were then.
    [[nodiscard]] const detail::DelegationEdges& delegation_edges() const;
    /// For every vertex of `graph`, the number of accountability edges on its shortest way to a
    /// terminal (SPEC 2.1) on day `as_of`: 0 for a node that answers to no one, kNoWayUp when
    /// no terminal can be reached. A node's distance is the same whichever node the walk
    /// started from, so accountability() reads it here instead of walking back from the apexes
    /// of each answer. Worked out once per period of AccountabilityRows::changes on first use,
    /// thread-safe, and kept (the last few periods asked) beside each vertex's first step up;
    /// this call copies them out.
    [[nodiscard]] std::shared_ptr<const std::vector<Index>> apex_distances(std::optional<Date> as_of) const;
    /// See id_ranks(), accountability_rows(), delegation_edges() and apex_distances().
    detail::QueryIndexes query_indexes;

    /// Hashes ids as strings and views alike, so that find() looks up a view without a copy.
    struct IdHash {
        using is_transparent = void;
        // Deliberately not noexcept: libstdc++ then keeps each id's hash in its node, and a
        // lookup compares hashes before ids and never hashes the ids it passes again (with a
        // noexcept hash it rehashed the next id on the chain at every step). Loading inserts
        // every id and looks up every reference: load_model() of the generated national and
        // 10x models takes 5-9% less time so (docs/performance.md).
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Index, IdHash, std::equal_to<>> index_by_id;  ///< see find()
};

/// Orders entity indices by their ids, byte-wise: by Model::id_ranks() when the model has them
/// (two integers compared), else by the ids themselves.
struct ById {
    explicit ById(const Model& model) : ById(model, model.id_ranks()) {}
    /// With `ranks` from model.id_ranks(), or none to compare the ids.
    ById(const Model& model, gsl::span<const Index> ranks) : m(&model), ranks(ranks) {}
    bool operator()(Index a, Index b) const { return ranks.empty() ? m->id(a) < m->id(b) : ranks[a] < ranks[b]; }

    const Model* m;
    gsl::span<const Index> ranks;
};

/// How people see an entity: "Name (id)", or just the id when it has no name of its own.
std::string label(const Model& m, Index i);
/// The same by id. @pre the id is in the model.
std::string label(const Model& m, std::string_view id);

/// True for `nhs_england`, `icb`, `nhs_trust` and `foundation_trust` (SPEC 1.2).
bool is_nhs_body(const Entity& e) noexcept;
/// True for county, district and unitary councils and combined authorities.
bool is_local_authority(const Entity& e) noexcept;

}  // namespace pbp

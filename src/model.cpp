#include "pbp/model.hpp"

#include "source_map.hpp"

#include <gsl/assert>

#include <algorithm>
#include <array>
#include <atomic>
#include <utility>

namespace pbp {
namespace {
template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) noexcept {
    for (auto& [k, n] : table)
        if (k == v) return n;
    return "";
}
template <class E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) noexcept {
    for (auto& [k, n] : table)
        if (n == s) return k;
    return std::nullopt;
}

constexpr std::array<std::pair<RelationKind, std::string_view>, 8> kRelationKinds{{
    {RelationKind::accountable_to, "accountable_to"},
    {RelationKind::reports_to, "reports_to"},
    {RelationKind::member_of, "member_of"},
    {RelationKind::commissions, "commissions"},
    {RelationKind::delegates, "delegates"},
    {RelationKind::hosts, "hosts"},
    {RelationKind::chairs, "chairs"},
    {RelationKind::informs, "informs"},
}};
constexpr std::array<std::pair<Mechanism, std::string_view>, 5> kMechanisms{{
    {Mechanism::scheme_of_delegation, "scheme_of_delegation"},
    {Mechanism::s65z5, "s65z5"},
    {Mechanism::s75, "s75"},
    {Mechanism::lead_provider, "lead_provider"},
    {Mechanism::executive_authority, "executive_authority"},
}};
constexpr std::array<std::pair<Restriction, std::string_view>, 4> kRestrictions{{
    {Restriction::none, "none"},
    {Restriction::ring_fenced, "ring_fenced"},
    {Restriction::pass_through, "pass_through"},
    {Restriction::mandated, "mandated"},
}};
constexpr std::array<std::pair<Section, std::string_view>, 6> kSectionNames{{
    {Section::area, "areas"},
    {Section::organisation, "organisations"},
    {Section::body, "bodies"},
    {Section::post, "posts"},
    {Section::function, "functions"},
    {Section::fund, "funds"},
}};
}  // namespace

std::string_view to_string(Section s) noexcept { return name_of(kSectionNames, s); }
std::string_view to_string(RelationKind k) noexcept { return name_of(kRelationKinds, k); }
std::optional<RelationKind> parse_relation_kind(std::string_view s) noexcept { return value_of(kRelationKinds, s); }
std::string_view to_string(Mechanism m) noexcept { return name_of(kMechanisms, m); }
std::optional<Mechanism> parse_mechanism(std::string_view s) noexcept { return value_of(kMechanisms, s); }
std::string_view to_string(Restriction r) noexcept { return name_of(kRestrictions, r); }
std::optional<Restriction> parse_restriction(std::string_view s) noexcept { return value_of(kRestrictions, s); }

std::optional<Index> Model::find(std::string_view id) const {
    auto it = index_by_id.find(id);
    if (it == index_by_id.end()) return std::nullopt;
    return it->second;
}

bool EntityDetails::empty() const noexcept {
    return notes.empty() && need_index == 1 && members.empty() && !quorum && title.empty() && person.empty() &&
           appointed_by.empty() && approved_by.empty() && basis.empty() && service_area.empty();
}

const EntityDetails& Entity::details() const noexcept {
    static const EntityDetails none;
    return more ? *more : none;
}

const Entity& Model::at(Index i) const { return entities.at(i); }

const std::vector<Index>& Model::delegations_of(Index f) const {
    static const std::vector<Index> none;
    auto it = delegations_by_function.find(f);
    return it == delegations_by_function.end() ? none : it->second;
}

namespace {
// The place of each of the first `n` entities' ids in byte order among them.
std::vector<Index> ranks_of_ids(const std::vector<Entity>& entities, std::size_t n) {
    std::vector<Index> by_id(n), ranks(n);
    for (Index i = 0; i < n; ++i) by_id[i] = i;
    std::sort(by_id.begin(), by_id.end(), [&](Index a, Index b) { return entities[a].id < entities[b].id; });
    for (Index r = 0; r < n; ++r) ranks[by_id[r]] = r;
    return ranks;
}
// `v` becomes the days both `v` and `w` count.
void narrow(Validity& v, const Validity& w) {
    if (w.from && (!v.from || *v.from < *w.from)) v.from = w.from;
    if (w.to && (!v.to || *w.to < *v.to)) v.to = w.to;
}
}  // namespace

const detail::DelegationEdges& detail::QueryIndexes::delegation_edges(
    const std::vector<Entity>& entities, const std::vector<Relation>& relations,
    const std::unordered_map<Index, std::vector<Index>>& by_function) const {
    static const DelegationEdges none;
    if (!state_) return none;  // moved from
    std::call_once(state_->delegations_built, [&] {
        DelegationEdges& d = state_->delegations;
        const auto n = static_cast<Index>(entities.size());
        d.first.reserve(n + 1);
        for (Index f = 0; f < n; ++f) {
            d.first.push_back(static_cast<Index>(d.edge.size()));
            const auto it = by_function.find(f);
            if (it == by_function.end()) continue;
            for (Index r : it->second) {
                const Relation& rel = relations[r];
                DelegationEdges::Edge e{r, rel.from, rel.to, rel.valid, rel.may_subdelegate, rel.limit.has_value()};
                if (rel.from < n) narrow(e.valid, entities[rel.from].valid);
                if (rel.to < n) narrow(e.valid, entities[rel.to].valid);
                d.edge.push_back(e);
            }
        }
        d.first.push_back(static_cast<Index>(d.edge.size()));
    });
    return state_->delegations;
}

const std::vector<Index>& detail::QueryIndexes::ranks(const std::vector<Entity>& entities) const {
    static const std::vector<Index> none;
    if (!state_) return none;  // moved from
    std::call_once(state_->ranks_built, [&] { state_->ranks = ranks_of_ids(entities, entities.size()); });
    return state_->ranks;
}

detail::QueryIndexes::State::State() {
    static std::atomic<std::uint64_t> next{1};
    serial = next.fetch_add(1, std::memory_order_relaxed);
}

const AccountabilityRows& detail::QueryIndexes::accountability_rows(const Graph& g,
                                                                     const std::vector<Entity>& entities) const {
    static const AccountabilityRows none;
    if (!state_) return none;  // moved from
    std::call_once(state_->rows_built, [&] {
        AccountabilityRows& rows = state_->rows;
        const auto n = static_cast<Index>(boost::num_vertices(g));
        rows.first.reserve(n + 1);
        for (Index v = 0; v < n; ++v) {
            rows.first.push_back(static_cast<Index>(rows.target.size()));
            for (auto [b, e] = boost::out_edges(v, g); b != e; ++b)
                if (is_accountability(g[*b].kind)) {
                    const auto t = static_cast<Index>(boost::target(*b, g));
                    Validity both = g[*b].valid;
                    if (t < entities.size()) narrow(both, entities[t].valid);
                    rows.target.push_back(t);
                    rows.valid.push_back(both);
                    if (both.from) rows.changes.push_back(*both.from);
                    if (both.to) rows.changes.push_back(*both.to);
                }
        }
        rows.first.push_back(static_cast<Index>(rows.target.size()));
        std::sort(rows.changes.begin(), rows.changes.end());
        rows.changes.erase(std::unique(rows.changes.begin(), rows.changes.end()), rows.changes.end());
    });
    return state_->rows;
}

std::shared_ptr<const detail::ApexWays> detail::QueryIndexes::apex_ways(const AccountabilityRows& rows,
                                                                        std::size_t period, std::optional<Date> as_of,
                                                                        const std::vector<Entity>& entities,
                                                                        gsl::span<const Index> ranks) const {
    if (!state_) return std::make_shared<const ApexWays>();  // moved from
    // A handful of periods: a service asks about today, a report about a few days; a loop over
    // every day of a long-dated model must not keep one array per day.
    constexpr std::size_t kKept = 8;
    std::lock_guard lock(state_->ways_mutex);
    auto& kept = state_->ways;
    for (auto it = kept.begin(); it != kept.end(); ++it)
        if (it->first == period) {
            std::rotate(it, it + 1, kept.end());  // now the latest
            return kept.back().second;
        }

    // A backward breadth-first search from every terminal over the edges that count in the
    // period, each edge reversed once.
    const Index n = rows.first.empty() ? 0 : static_cast<Index>(rows.first.size() - 1);
    auto counts = [&](Index j) { return rows.valid[j].contains(as_of); };
    std::vector<Index> first_in(n + 1, 0), sources, next(n);
    for (Index j = 0; j < rows.target.size(); ++j)
        if (counts(j)) ++first_in[rows.target[j] + 1];
    for (Index v = 0; v < n; ++v) first_in[v + 1] += first_in[v];
    sources.resize(first_in[n]);
    std::copy(first_in.begin(), first_in.end() - 1, next.begin());
    auto ways = std::make_shared<ApexWays>();
    std::vector<Index> distance(n, kNoWayUp);
    std::vector<Index> queue;
    for (Index v = 0; v < n; ++v) {
        bool up = false;
        for (Index j = rows.first[v]; j < rows.first[v + 1]; ++j)
            if (counts(j)) {
                sources[next[rows.target[j]]++] = v;
                up = true;
            }
        if (!up) {
            distance[v] = 0;
            queue.push_back(v);
        }
    }
    for (std::size_t k = 0; k < queue.size(); ++k) {
        const Index v = queue[k];
        for (Index j = first_in[v]; j < first_in[v + 1]; ++j)
            if (distance[sources[j]] == kNoWayUp) {
                distance[sources[j]] = distance[v] + 1;
                queue.push_back(sources[j]);
            }
    }

    // Ranks of the vertices' ids: the model's, or, when it has grown since they were built,
    // worked out here (the graph's vertices are the entities it was built from).
    std::vector<Index> own_ranks;
    if (ranks.size() < n) {
        Expects(n <= entities.size());
        own_ranks = ranks_of_ids(entities, n);
        ranks = own_ranks;
    }

    // Each vertex's first step up: the smallest id one edge nearer. Every such step stays on a
    // shortest way, so following them gives the byte-wise smallest of the shortest chains.
    ways->way.resize(n + 1);
    ways->target.reserve(rows.target.size());
    for (Index v = 0; v < n; ++v) {
        ApexWays::Way& way = ways->way[v];
        way.first = static_cast<Index>(ways->target.size());
        for (Index j = rows.first[v]; j < rows.first[v + 1]; ++j)
            if (counts(j)) ways->target.push_back(rows.target[j]);
        way.distance = distance[v];
        way.rank = ranks[v];
        if (distance[v] == 0 || distance[v] == kNoWayUp) continue;
        for (Index j = rows.first[v]; j < rows.first[v + 1]; ++j) {
            const Index t = rows.target[j];
            if (distance[t] + 1 == distance[v] && counts(j) && (way.up == npos || ranks[t] < ranks[way.up])) way.up = t;
        }
    }
    ways->way[n].first = static_cast<Index>(ways->target.size());
    if (kept.size() == kKept) kept.erase(kept.begin());
    kept.emplace_back(period, std::move(ways));
    return kept.back().second;
}

gsl::span<const Index> Model::id_ranks() const {
    const std::vector<Index>& ranks = query_indexes.ranks(entities);
    if (ranks.size() != entities.size()) return {};
    return ranks;
}

const detail::DelegationEdges& Model::delegation_edges() const {
    return query_indexes.delegation_edges(entities, relations, delegations_by_function);
}

const AccountabilityRows& Model::accountability_rows() const {
    return query_indexes.accountability_rows(graph, entities);
}

std::shared_ptr<const std::vector<Index>> Model::apex_distances(std::optional<Date> as_of) const {
    const AccountabilityRows& rows = accountability_rows();
    auto ways = query_indexes.apex_ways(rows, rows.period(as_of), as_of, entities, id_ranks());
    auto distance = std::make_shared<std::vector<Index>>(ways->vertices());
    std::transform(ways->way.begin(), ways->way.begin() + static_cast<std::ptrdiff_t>(ways->vertices()),
                   distance->begin(), [](const auto& w) { return w.distance; });
    return distance;
}


std::optional<SourcePosition> Model::position(std::string_view pointer) const {
    Diagnostics one(1);
    one[0].path = std::string(pointer);
    locate(one);
    if (!one[0].line) return std::nullopt;
    return SourcePosition{*one[0].line, *one[0].column};
}

void Model::locate(Diagnostics& ds) const { detail::locate(ds, source); }

Diagnostic Model::diagnostic(std::string code, std::string message, std::vector<std::string> ids,
                             std::string path) const {
    Diagnostic d;
    d.severity = severity_of(code);
    d.code = std::move(code);
    d.message = std::move(message);
    d.ids = std::move(ids);
    d.path = std::move(path);
    return d;
}

std::string label(const Model& m, Index i) {
    const Entity& e = m.at(i);
    return e.name == e.id ? e.id : e.name + " (" + e.id + ")";
}

std::string label(const Model& m, std::string_view id) { return label(m, m.find(id).value()); }

bool is_nhs_body(const Entity& e) noexcept {
    return e.section == Section::organisation &&
           (e.kind == "nhs_england" || e.kind == "icb" || e.kind == "nhs_trust" || e.kind == "foundation_trust");
}

bool is_local_authority(const Entity& e) noexcept {
    return e.section == Section::organisation &&
           (e.kind == "county_council" || e.kind == "district_council" || e.kind == "unitary_authority" ||
            e.kind == "combined_authority");
}

}  // namespace pbp

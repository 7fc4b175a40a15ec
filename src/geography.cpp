#include "pbp/geography.hpp"
#include "digits.hpp"
#include "leaf_membership.hpp"

#include "pbp/error.hpp"

#include <boost/json.hpp>
#include <gsl/assert>

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

namespace pbp {
namespace json = boost::json;
namespace mp = boost::multiprecision;

namespace {
bool within_edge(EdgeKind k) noexcept { return k == EdgeKind::within; }

Ratio ratio(const Population& p) { return Ratio(mp::cpp_int(p)); }

bool by_id(const Model& m, Index a, Index b) { return m.id(a) < m.id(b); }

std::vector<std::string> ids_of(const Model& m, gsl::span<const Index> v) {
    std::vector<std::string> out;
    out.reserve(v.size());
    for (Index i : v) out.push_back(m.id(i));
    std::sort(out.begin(), out.end());
    return out;
}

std::string on_day(std::optional<Date> as_of) { return as_of ? " on " + to_string(*as_of) : ""; }

// Index an existing area by id, for query arguments.
Index require_area(const Footprints& fp, std::string_view id) {
    const Model& m = fp.model();
    auto i = m.find(id);
    if (!i) throw InvalidArgument("there is no area '" + std::string(id) + "' in the model");
    if (m.at(*i).section != Section::area)
        throw InvalidArgument("'" + std::string(id) + "' is not an area (it is in " + std::string(to_string(m.at(*i).section)) + ")");
    if (!fp.is_area(*i)) throw InvalidArgument("the area '" + std::string(id) + "' does not exist" + on_day(fp.as_of()));
    return *i;
}

}  // namespace

const std::vector<std::string>& area_kinds() {
    static const std::vector<std::string> kinds{"country", "region",   "ics",  "place", "neighbourhood",
                                                "local_authority", "district", "ward", "lsoa",  "unit"};
    return kinds;
}

bool is_area_kind(std::string_view kind) noexcept {
    for (const auto& k : area_kinds())
        if (k == kind) return true;
    return false;
}

// ---- Footprints -------------------------------------------------------------------------------

Footprints::Footprints(const Model& m, std::optional<Date> as_of) : model_(&m), as_of_(as_of) {
    const std::size_t n = m.entities.size();
    is_area_.assign(n, 0);
    for (Index i = 0; i < n; ++i) keep_if_area(i);
    walk_up_from_leaves();
}

Footprints::Footprints(const Model& m, std::optional<Date> as_of, gsl::span<const Index> areas)
    : model_(&m), as_of_(as_of) {
    Expects(std::is_sorted(areas.begin(), areas.end()) &&
            std::adjacent_find(areas.begin(), areas.end()) == areas.end() &&
            (areas.empty() || areas.back() < m.entities.size()));
    is_area_.assign(m.entities.size(), 0);
    for (Index i : areas) keep_if_area(i);
    walk_up_from_leaves();
}

void Footprints::keep_if_area(Index i) {
    if (model_->entities[i].section != Section::area || !model_->exists(i, as_of_)) return;
    areas_.push_back(i);
    is_area_[i] = 1;
}

void Footprints::walk_up_from_leaves() {
    const Model& m = *model_;
    const std::size_t n = m.entities.size();
    is_leaf_.assign(n, 0);
    population_.assign(n, Population(0));
    // Only `within` links whose two ends exist on the day (SPEC 2.6.1). The links are tested
    // one by one on the graph itself: a filtered view's iterators carry the filter, and copying
    // them was most of this constructor's time (perf, national model).
    const Graph& g = m.graph;
    const EdgeView keep{&m, as_of_, within_edge};
    for (Index i : areas_) {
        auto [b, e] = boost::in_edges(i, g);
        is_leaf_[i] = std::none_of(b, e, keep);
    }
    // Each leaf walks up its own ancestors once; `seen` stamps the leaf that last visited a
    // vertex, so shared ancestors and cycles are handled without clearing. Each visit is noted,
    // then written into compressed rows, one array for every area (a vector per area was a
    // million allocations for a national model). Leaves are taken in ascending index order,
    // so every row comes out sorted.
    std::vector<std::pair<Index, Index>> visits;  // (area, one of its leaves)
    std::vector<Index> seen(n, npos), stack;
    for (Index leaf : areas_) {
        if (!is_leaf_[leaf]) continue;
        const Population people = m.entities[leaf].population.value_or(0);
        seen[leaf] = leaf;
        stack.push_back(leaf);
        while (!stack.empty()) {
            const Index v = stack.back();
            stack.pop_back();
            visits.emplace_back(v, leaf);
            population_[v] += people;
            for (auto [b, e] = boost::out_edges(v, g); b != e; ++b) {
                if (!keep(*b)) continue;
                const auto t = static_cast<Index>(boost::target(*b, g));
                if (seen[t] == leaf) continue;
                seen[t] = leaf;
                stack.push_back(t);
            }
        }
    }
    first_leaf_.assign(n + 1, 0);
    for (const auto& [v, leaf] : visits) ++first_leaf_[v + 1];
    std::partial_sum(first_leaf_.begin(), first_leaf_.end(), first_leaf_.begin());
    leaf_list_.resize(visits.size());
    std::vector<std::size_t> next(first_leaf_.begin(), first_leaf_.end() - 1);
    for (const auto& [v, leaf] : visits) leaf_list_[next[v]++] = leaf;
}

bool Footprints::is_area(Index i) const noexcept { return i < is_area_.size() && is_area_[i]; }
bool Footprints::is_leaf(Index i) const noexcept { return i < is_leaf_.size() && is_leaf_[i]; }

gsl::span<const Index> Footprints::leaves(Index i) const noexcept {
    if (!is_area(i)) return {};
    return gsl::span<const Index>(leaf_list_.data() + first_leaf_[i], first_leaf_[i + 1] - first_leaf_[i]);
}

bool Footprints::lies_within(Index a, Index w) const noexcept {
    const auto mine = leaves(a), bound = leaves(w);
    // Most areas asked about lie elsewhere: their first leaf, looked up, says so without a walk
    // along both lists.
    if (mine.empty()) return true;
    if (!std::binary_search(bound.begin(), bound.end(), mine.front())) return false;
    return std::includes(bound.begin(), bound.end(), mine.begin(), mine.end());
}

std::vector<Index> Footprints::served_leaves(Index i) const {
    std::vector<Index> out;
    if (i >= model_->entities.size() || model_->at(i).section != Section::organisation) return out;
    for (Index a : model_->at(i).serves) {
        const auto l = leaves(a);
        out.insert(out.end(), l.begin(), l.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Population Footprints::population(Index i) const noexcept { return is_area(i) ? population_[i] : Population(0); }

Population Footprints::population_of(gsl::span<const Index> leaves) const {
    Population sum = 0;
    for (Index l : leaves) sum += model_->entities[l].population.value_or(0);
    return sum;
}

// ---- selections -------------------------------------------------------------------------------

AreaSelection AreaSelection::of_kind(std::string kind, std::optional<std::string> within) {
    AreaSelection s;
    s.kind = std::move(kind);
    s.within = std::move(within);
    return s;
}

AreaSelection AreaSelection::of_ids(std::vector<std::string> ids) {
    AreaSelection s;
    s.ids = std::move(ids);
    return s;
}

AreaSelection AreaSelection::parse(std::string_view text, std::optional<std::string> within) {
    if (text.empty()) throw InvalidArgument("no areas given: name an area kind or list area ids separated by commas");
    if (is_area_kind(text)) return of_kind(std::string(text), std::move(within));
    std::vector<std::string> ids;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        std::string_view id = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (id.empty()) throw InvalidArgument("the list of areas '" + std::string(text) + "' has an empty id");
        ids.emplace_back(id);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    AreaSelection s = of_ids(std::move(ids));
    s.within = std::move(within);  // not applied to ids, but checked: a mistyped one is no silent no-op
    return s;
}

std::vector<Index> select_areas(const Footprints& fp, const AreaSelection& sel) {
    const Model& m = fp.model();
    std::vector<Index> out;
    if (!sel.ids.empty()) {
        // SPEC 2.6.8: ids are used as given; `within` must still name an area of the day.
        if (sel.within) require_area(fp, *sel.within);
        for (const auto& id : sel.ids) out.push_back(require_area(fp, id));
    } else {
        if (sel.kind.empty()) throw InvalidArgument("no areas given: name an area kind or list area ids");
        if (!is_area_kind(sel.kind)) throw InvalidArgument("'" + sel.kind + "' is not an area kind");
        const Index w = sel.within ? require_area(fp, *sel.within) : npos;
        for (Index i : fp.areas())
            if (m.at(i).kind == sel.kind && (w == npos || fp.lies_within(i, w))) out.push_back(i);
        if (out.empty())
            throw InvalidArgument("there are no areas of kind '" + sel.kind + "'" +
                                  (sel.within ? " within '" + *sel.within + "'" : std::string()) + on_day(fp.as_of()));
    }
    std::sort(out.begin(), out.end(), [&](Index a, Index b) { return by_id(m, a, b); });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// ---- coterminosity ----------------------------------------------------------------------------

std::string_view to_string(AreaRelation r) noexcept {
    switch (r) {
        case AreaRelation::coterminous: return "coterminous";
        case AreaRelation::within: return "within";
        case AreaRelation::contains: return "contains";
        case AreaRelation::overlaps: return "overlaps";
        case AreaRelation::disjoint: return "disjoint";
    }
    return "";
}

Coterminosity coterminosity(const Footprints& fp, const AreaSelection& a, const AreaSelection& b) {
    const Model& m = fp.model();
    const std::vector<Index> A = select_areas(fp, a), B = select_areas(fp, b);
    const detail::LeafMembership in_b(fp, B);

    Coterminosity out;
    Population best_sum = 0, total = 0;
    // Per-B accumulators, reset through `touched` so that each row costs only its own leaves.
    std::vector<Population> overlap(B.size(), Population(0));
    std::vector<std::size_t> shared(B.size(), 0);
    std::vector<std::uint32_t> touched;
    for (Index area : A) {
        for (Index leaf : fp.leaves(area)) {
            const Population people = m.entities[leaf].population.value_or(0);
            for (std::uint32_t j : in_b[leaf]) {
                if (shared[j]++ == 0) touched.push_back(j);
                overlap[j] += people;
            }
        }
        // Largest overlap; B is sorted by id, so the first of equals is the smallest id.
        std::optional<std::uint32_t> best;
        for (std::uint32_t j : touched)
            if (overlap[j] > 0 && (!best || overlap[j] > overlap[*best] || (overlap[j] == overlap[*best] && j < *best)))
                best = j;

        CoterminosityRow row;
        row.area = m.id(area);
        row.population = fp.population(area);
        if (!best) {
            // SPEC 2.6.8: no positive overlap -> B's smallest id, disjoint.
            row.best = m.id(B.front());
            row.best_population = fp.population(B.front());
            row.relation = AreaRelation::disjoint;
        } else {
            const std::uint32_t j = *best;
            const std::size_t mine = fp.leaves(area).size(), theirs = fp.leaves(B[j]).size();
            row.best = m.id(B[j]);
            row.best_population = fp.population(B[j]);
            row.overlap = overlap[j];
            row.relation = shared[j] == mine && shared[j] == theirs ? AreaRelation::coterminous
                           : shared[j] == mine                      ? AreaRelation::within
                           : shared[j] == theirs                    ? AreaRelation::contains
                                                                    : AreaRelation::overlaps;
        }
        row.coverage = row.population == 0 ? Ratio(0) : ratio(row.overlap) / ratio(row.population);
        best_sum += row.overlap;
        total += row.population;
        out.areas.push_back(std::move(row));
        for (std::uint32_t j : touched) {
            overlap[j] = 0;
            shared[j] = 0;
        }
        touched.clear();
    }
    out.score = total == 0 ? Ratio(0) : ratio(best_sum) / ratio(total);
    return out;
}

Coterminosity coterminosity(const Model& m, const AreaSelection& a, const AreaSelection& b, std::optional<Date> as_of) {
    return coterminosity(Footprints(m, as_of), a, b);
}

json::value population_json(const Population& p) {
    if (p <= std::numeric_limits<std::int64_t>::max() && p >= std::numeric_limits<std::int64_t>::min())
        return json::value(static_cast<std::int64_t>(p));
    return json::value(p.str());
}

json::object to_json(const Coterminosity& c) {
    json::array rows;
    for (const auto& r : c.areas) {
        json::object o;
        o["area"] = r.area;
        o["best"] = r.best;
        o["coverage"] = format_decimal(r.coverage, 4, Rounding::half_even);
        o["relation"] = std::string(to_string(r.relation));
        rows.push_back(std::move(o));
    }
    json::object o;
    o["score"] = format_decimal(c.score, 4, Rounding::half_even);
    o["areas"] = std::move(rows);
    return o;
}

// ---- partitions -------------------------------------------------------------------------------

Partition partitions(const Footprints& fp, const AreaSelection& parts, std::string_view whole) {
    const Model& m = fp.model();
    const Index w = require_area(fp, whole);
    const std::vector<Index> P = select_areas(fp, parts);
    const detail::LeafMembership in_p(fp, P);
    const auto whole_leaves = fp.leaves(w);

    Partition out;
    out.whole = m.id(w);
    for (Index p : P) out.parts.push_back(m.id(p));
    std::vector<Index> gap;
    for (Index leaf : whole_leaves)
        if (in_p[leaf].empty()) gap.push_back(leaf);
    out.gap = ids_of(m, gap);
    out.gap_population = fp.population_of(gap);

    // Leaves in two or more parts, grouped by exactly which parts share them.
    std::map<std::vector<std::uint32_t>, std::vector<Index>> shared;
    for (Index leaf = 0; leaf < in_p.size(); ++leaf)
        if (const auto parts = in_p[leaf]; parts.size() > 1)
            shared[std::vector<std::uint32_t>(parts.begin(), parts.end())].push_back(leaf);
    for (auto& [who, leaves] : shared) {
        PartitionOverlap o;
        for (std::uint32_t j : who) o.areas.push_back(m.id(P[j]));  // P is in id order, so sorted
        o.leaves = ids_of(m, leaves);
        o.population = fp.population_of(leaves);
        out.overlaps.push_back(std::move(o));
    }
    std::sort(out.overlaps.begin(), out.overlaps.end(),
              [](const PartitionOverlap& a, const PartitionOverlap& b) { return a.areas < b.areas; });

    for (Index p : P) {
        std::vector<Index> spill;
        for (Index leaf : fp.leaves(p))
            if (!std::binary_search(whole_leaves.begin(), whole_leaves.end(), leaf)) spill.push_back(leaf);
        if (spill.empty()) continue;
        out.outside.push_back({m.id(p), ids_of(m, spill), fp.population_of(spill)});
    }
    out.partitions = out.gap.empty() && out.overlaps.empty() && out.outside.empty();
    return out;
}

Partition partitions(const Model& m, const AreaSelection& parts, std::string_view whole, std::optional<Date> as_of) {
    return partitions(Footprints(m, as_of), parts, whole);
}

json::object to_json(const Partition& p) {
    json::object o;
    o["whole"] = p.whole;
    o["parts"] = json::value_from(p.parts);
    o["partitions"] = p.partitions;
    o["gap"] = json::object{{"leaves", json::value_from(p.gap)}, {"population", population_json(p.gap_population)}};
    json::array overlaps;
    for (const auto& x : p.overlaps)
        overlaps.push_back(json::object{{"areas", json::value_from(x.areas)},
                                        {"leaves", json::value_from(x.leaves)},
                                        {"population", population_json(x.population)}});
    o["overlaps"] = std::move(overlaps);
    json::array outside;
    for (const auto& x : p.outside)
        outside.push_back(json::object{
            {"area", x.area}, {"leaves", json::value_from(x.leaves)}, {"population", population_json(x.population)}});
    o["outside"] = std::move(outside);
    return o;
}

// ---- respecting boundaries --------------------------------------------------------------------

BoundaryRespect respects_boundaries(const Footprints& fp, const AreaSelection& units, const AreaSelection& areas) {
    const Model& m = fp.model();
    const std::vector<Index> U = select_areas(fp, units), Ar = select_areas(fp, areas);
    const detail::LeafMembership in_a(fp, Ar);
    BoundaryRespect out;
    out.respects = true;
    for (Index u : U) {
        UnitFit fit;
        fit.unit = m.id(u);
        std::map<std::uint32_t, std::pair<std::size_t, Population>> pieces;  // by position in Ar (id order)
        for (Index leaf : fp.leaves(u)) {
            const Population people = m.entities[leaf].population.value_or(0);
            if (in_a[leaf].empty()) fit.outside += people;
            for (std::uint32_t j : in_a[leaf]) {
                auto& [count, pop] = pieces[j];
                ++count;
                pop += people;
            }
        }
        const std::size_t n = fp.leaves(u).size();
        for (auto& [j, piece] : pieces) {
            if (!fit.within && n > 0 && piece.first == n) fit.within = m.id(Ar[j]);
            fit.pieces.emplace_back(m.id(Ar[j]), piece.second);
        }
        if (!fit.within) out.respects = false;
        out.units.push_back(std::move(fit));
    }
    return out;
}

BoundaryRespect respects_boundaries(const Model& m, const AreaSelection& units, const AreaSelection& areas,
                                    std::optional<Date> as_of) {
    return respects_boundaries(Footprints(m, as_of), units, areas);
}

json::object to_json(const BoundaryRespect& r) {
    json::array units;
    for (const auto& u : r.units) {
        json::array pieces;
        for (const auto& [area, pop] : u.pieces) pieces.push_back(json::object{{"area", area}, {"population", population_json(pop)}});
        json::object o;
        o["unit"] = u.unit;
        o["within"] = u.within ? json::value(*u.within) : json::value(nullptr);
        o["pieces"] = std::move(pieces);
        o["outside"] = population_json(u.outside);
        units.push_back(std::move(o));
    }
    return json::object{{"respects", r.respects}, {"units", std::move(units)}};
}

std::string format_people(const Population& p) { return detail::group_digits(p.str()); }

std::string format_percent(const Ratio& r) { return format_decimal(r * 100, 2) + "%"; }

}  // namespace pbp

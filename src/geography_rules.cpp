// W010, E206 and E207: geography rules (SPEC 1.2, 3). All read the areas with no as-of date
// (validation sees the whole file, SPEC 2.6.1); W010 and E206 then look again, day by day, at
// what that reading finds, since areas that replace one another never exist together.
#include "pbp/detail/rules.hpp"
#include "digits.hpp"
#include "leaf_membership.hpp"

#include "pbp/geography.hpp"

#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

namespace pbp::detail {
namespace {
std::string quoted(const Model& m, Index i) {
    const Entity& e = m.at(i);
    return e.name == e.id ? "\"" + e.id + "\"" : e.name + " (\"" + e.id + "\")";
}

std::string count(const Population& p) {
    return group_digits(p.str());  // as a governance officer reads a population
}

// The stretches of days between the days on which areas begin or end: within one, the
// footprints do not change. With no day every area counts at once (SPEC 2.6.1), which adds
// areas that replace one another (a leaf split in two, an ICS boundary moved) together; a rule
// that finds something that way looks again, day by day (day_by_day()).
class Stretches {
public:
    explicit Stretches(const Footprints& every) {
        const Model& m = every.model();
        for (Index i : every.areas())
            for (const auto& d : {m.at(i).valid.from, m.at(i).valid.to})
                if (d) bounds_.push_back(*d);
        std::sort(bounds_.begin(), bounds_.end());
        bounds_.erase(std::unique(bounds_.begin(), bounds_.end()), bounds_.end());
    }
    /// No area has a date: every day is the day with no date.
    bool none() const { return bounds_.empty(); }
    std::size_t size() const { return bounds_.empty() ? 0 : bounds_.size() + 1; }
    /// The first day of stretch k (for the first, the day before the first bound).
    Date first_day(std::size_t k) const { return k == 0 ? Date{bounds_[0].days - 1} : bounds_[k - 1]; }
    /// The stretch that starts on `d`, a day on which an area begins or ends.
    std::size_t starting(Date d) const {
        return static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), d) - bounds_.begin()) + 1;
    }
    /// "before 2021-04-01", "from 2021-04-01 until 2022-04-01", "from 2022-04-01".
    std::string words(std::size_t k) const {
        if (k == 0) return "before " + to_string(bounds_[0]);
        return "from " + to_string(bounds_[k - 1]) + (k < bounds_.size() ? " until " + to_string(bounds_[k]) : "");
    }

private:
    std::vector<Date> bounds_;
};

// `area` and every area within it, and with `up` every area those lie within, over every
// `within` link whatever its dates (a day only takes links away): which of these exist on a
// day is all that decides an area's leaves and population on it (and, with `up`, which ICSs
// hold those leaves). `stamp` marks what is listed; `mark` is this call's own value.
std::vector<Index> reach(const Model& m, Index area, bool up, std::vector<std::size_t>& stamp, std::size_t mark) {
    const Graph& g = m.graph;
    const auto follow = [&](std::vector<Index>& out, Index v) {
        if (stamp[v] != mark) stamp[v] = mark, out.push_back(v);
    };
    std::vector<Index> out;
    follow(out, area);
    for (std::size_t k = 0; k < out.size(); ++k)
        for (auto [b, e] = boost::in_edges(out[k], g); b != e; ++b)
            if (g[*b].kind == EdgeKind::within) follow(out, static_cast<Index>(boost::source(*b, g)));
    if (up)
        for (std::size_t k = 0; k < out.size(); ++k)
            for (auto [b, e] = boost::out_edges(out[k], g); b != e; ++b)
                if (g[*b].kind == EdgeKind::within) follow(out, static_cast<Index>(boost::target(*b, g)));
    return out;
}

// Looks at each of `areas` day by day, for the first stretch of days on which `look(day, k,
// area)` finds something (a diagnostic), and gives what it found for each area, in the order of
// `areas`. An area is looked at on a stretch only when it exists then and, unless it is the
// first stretch, when an area of its reach() begins or ends the day the stretch starts (on the
// others it would find what it found the stretch before: nothing), and only until it finds
// something. Each stretch looked at gets footprints of the reaches due on it alone, made only
// then and dropped after: a model with many dated areas once kept footprints of the whole
// model for every stretch, several mebibytes each (docs/performance.md).
template <class Look>
std::vector<std::optional<Diagnostic>> day_by_day(const Model& m, const Stretches& stretches,
                                                  const std::vector<Index>& areas, bool up, Look look) {
    const std::size_t n = m.entities.size();
    std::vector<std::optional<Diagnostic>> found(areas.size());
    std::vector<std::vector<Index>> reaches(areas.size());
    std::vector<std::pair<std::size_t, std::size_t>> due;  // (stretch, position in `areas`)
    std::vector<std::size_t> stamp(n, std::numeric_limits<std::size_t>::max());
    for (std::size_t c = 0; c < areas.size(); ++c) {
        reaches[c] = reach(m, areas[c], up, stamp, c);
        due.emplace_back(0, c);
        for (Index a : reaches[c])
            for (const auto& d : {m.at(a).valid.from, m.at(a).valid.to})
                if (d) due.emplace_back(stretches.starting(*d), c);
    }
    std::sort(due.begin(), due.end());
    due.erase(std::unique(due.begin(), due.end()), due.end());

    std::vector<Index> part;          // the areas of the reaches due on one stretch
    std::vector<std::size_t> now;     // the areas looked at on it
    std::fill(stamp.begin(), stamp.end(), std::numeric_limits<std::size_t>::max());
    for (auto at = due.begin(); at != due.end();) {
        const std::size_t k = at->first;
        const Date day = stretches.first_day(k);
        part.clear();
        now.clear();
        for (; at != due.end() && at->first == k; ++at) {
            const std::size_t c = at->second;
            if (found[c] || !m.exists(areas[c], day)) continue;
            now.push_back(c);
            for (Index a : reaches[c])
                if (stamp[a] != k) stamp[a] = k, part.push_back(a);
        }
        if (now.empty()) continue;
        if (part.size() > n / 16) {  // in order by a pass over the marks: a sort of most of the model costs more
            part.clear();
            for (Index i = 0; i < n; ++i)
                if (stamp[i] == k) part.push_back(i);
        } else {
            std::sort(part.begin(), part.end());
        }
        const Footprints fp(m, day, part);
        for (std::size_t c : now) found[c] = look(fp, k, areas[c]);
    }
    return found;
}

// W010: a stated population on an area with children must equal the sum over its leaves, on
// every day the area exists (the first stretch of days where it does not is reported).
void report_population(const Model& m, const Footprints& fp, Index i, const std::string& when, Diagnostics& out) {
    const Entity& e = m.at(i);
    std::size_t missing = 0;
    for (Index l : fp.leaves(i)) missing += !m.at(l).population;
    std::string msg = "The area " + quoted(m, i) + " states a population of " + count(Population(*e.population)) +
                      ", but its " + std::to_string(fp.leaves(i).size()) + " leaf area" +
                      (fp.leaves(i).size() == 1 ? "" : "s") + (when.empty() ? "" : " " + when) + " add up to " +
                      count(fp.population(i)) + ".";
    if (missing > 0) msg += " " + std::to_string(missing) + " of those leaves state no population and count as 0.";
    msg += " Queries use the sum of the leaves.";
    out.push_back(m.diagnostic("W010", msg, {e.id}, e.pointer + "/population"));
}

void check_populations(const Model& m, const Footprints& fp, const Stretches& stretches, Diagnostics& out) {
    std::vector<Index> differ;  // with every area counted at once
    for (Index i : fp.areas()) {
        const Entity& e = m.at(i);
        if (fp.is_leaf(i) || !e.population || fp.population(i) == Population(*e.population)) continue;
        if (stretches.none()) report_population(m, fp, i, "", out);
        else differ.push_back(i);
    }
    if (differ.empty()) return;
    auto found = day_by_day(m, stretches, differ, false,
                            [&](const Footprints& day, std::size_t k, Index i) -> std::optional<Diagnostic> {
                                if (day.is_leaf(i) || day.population(i) == Population(*m.at(i).population))
                                    return std::nullopt;
                                Diagnostics one;
                                report_population(m, day, i, stretches.words(k), one);
                                return std::move(one.front());
                            });
    for (auto& d : found)
        if (d) out.push_back(std::move(*d));
}

// The areas of kind "ics" on the footprints' day, by id, with the ICSs holding each leaf.
std::vector<Index> sorted_by_id(const Model& m, std::vector<Index> ids) {
    std::sort(ids.begin(), ids.end(), [&](Index a, Index b) { return m.id(a) < m.id(b); });
    return ids;
}

struct Systems {
    Systems(const Model& m, const Footprints& fp, std::vector<Index> ics)
        : fp(fp), ids(sorted_by_id(m, std::move(ics))), of(fp, ids) {}
    // The people of place `p` in each ICS (positions in `ids`) its leaves lie in.
    std::map<std::uint32_t, Population> people_of(Index p) const {
        std::map<std::uint32_t, Population> out;
        for (Index l : fp.leaves(p))
            for (std::uint32_t j : of[l]) out[j] += fp.population(l);  // a leaf's: its own, or 0
        return out;
    }
    const Footprints& fp;
    std::vector<Index> ids;
    LeafMembership of;
};

void report_spanning(const Model& m, Index p, const Systems& systems, const std::map<std::uint32_t, Population>& people,
                     const std::string& when, Diagnostics& out) {
    std::vector<std::string> ids{m.id(p)};
    std::string names;
    std::size_t k = 0;
    for (auto& [j, n] : people) {
        ids.push_back(m.id(systems.ids[j]));
        names += (k == 0 ? "" : k + 1 == people.size() ? " and " : ", ") + quoted(m, systems.ids[j]) + " (" + count(n) +
                 " people)";
        ++k;
    }
    out.push_back(m.diagnostic("E206",
                               "The place " + quoted(m, p) + " lies in " + std::to_string(people.size()) +
                                   " integrated care systems" + (when.empty() ? "" : " " + when) + ": " + names +
                                   ". A place must sit inside one ICS; its partnership cannot span ICS boundaries.",
                               std::move(ids), m.at(p).pointer));
}

// E206: a place may not span ICS boundaries (004; DOMAIN.md "The tiers"), on any one day.
void check_places_in_one_ics(const Model& m, const Footprints& fp, const Stretches& stretches, Diagnostics& out) {
    // One pass over the areas for both kinds: each look at an entity is a cache miss or more.
    std::vector<Index> ics, places;
    for (Index i : fp.areas()) {
        const std::string& kind = m.at(i).kind;
        if (kind == "ics") ics.push_back(i);
        else if (kind == "place") places.push_back(i);
    }
    if (ics.empty()) return;
    const Systems every(m, fp, ics);
    // With no day every area counts at once (SPEC 2.6.1), which can only add ICSs to a place:
    // a place in one ICS here is in one on every day, and only the others are looked at again.
    std::vector<std::pair<Index, std::map<std::uint32_t, Population>>> spanning;
    for (Index p : places)
        if (auto people = every.people_of(p); people.size() > 1) spanning.emplace_back(p, std::move(people));
    if (spanning.empty()) return;

    if (stretches.none()) {  // no dates: every day is the same
        for (auto& [p, people] : spanning) report_spanning(m, p, every, people, "", out);
        return;
    }
    // Reported for the first stretch of days on which the place lies in two ICSs at once. The
    // ICSs of a stretch's footprints are those of the places' reaches: they alone hold leaves
    // of the places.
    std::vector<Index> differ;
    for (auto& [p, ignored] : spanning) differ.push_back(p);
    std::optional<Systems> systems;  // of the stretch last looked at
    std::size_t systems_on = 0;
    auto found = day_by_day(m, stretches, differ, true,
                            [&](const Footprints& day, std::size_t k, Index p) -> std::optional<Diagnostic> {
                                if (!systems || systems_on != k) {
                                    std::vector<Index> those;
                                    for (Index i : ics)
                                        if (day.is_area(i)) those.push_back(i);
                                    systems.emplace(m, day, std::move(those));
                                    systems_on = k;
                                }
                                auto people = systems->people_of(p);
                                if (people.size() <= 1) return std::nullopt;
                                Diagnostics one;
                                report_spanning(m, p, *systems, people, stretches.words(k), one);
                                return std::move(one.front());
                            });
    for (auto& d : found)
        if (d) out.push_back(std::move(*d));
}

// E207: `within` links that lead from an area back to itself. Footprints stay finite (each
// leaf visits an area once), but an area on the circle is its own ancestor, and areas in a
// circle with no leaf below them cover no one. Checked over every link whatever its dates, as
// E101 is.
void check_within_cycles(const Model& m, Diagnostics& out) {
    const std::size_t n = m.entities.size();
    const auto within = [](EdgeKind k) noexcept { return k == EdgeKind::within; };
    if (!has_cycle(m, within)) return;
    const GraphView g = view(m, std::nullopt, within);
    std::vector<int> component(n);
    boost::strong_components(g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
    std::map<int, std::vector<Index>> members;
    for (Index v = 0; v < n; ++v)
        if (m.entities[v].section == Section::area) members[component[v]].push_back(v);
    for (auto& [c, vs] : members) {
        bool loop = vs.size() > 1;
        if (!loop)
            for (auto [b, e] = boost::out_edges(vs[0], g); b != e; ++b) loop = loop || boost::target(*b, g) == vs[0];
        if (!loop) continue;
        std::sort(vs.begin(), vs.end(), [&](Index a, Index b) { return m.id(a) < m.id(b); });
        std::vector<std::string> ids;
        std::string names;
        for (Index v : vs) {
            ids.push_back(m.id(v));
            names += (names.empty() ? "" : ", ") + quoted(m, v);
        }
        out.push_back(m.diagnostic("E207",
                                   vs.size() == 1 ? "The area " + names + " is within itself."
                                                  : "The areas " + names + " are within each other in a circle: each "
                                                    "lies, through the others, within itself.",
                                   ids, m.at(vs.front()).pointer + "/within"));
        out.back().message += " Remove the \"within\" link that points back down the hierarchy (an area lies within "
                              "larger ones: an LSOA within a district, a district within a place).";
    }
}
}  // namespace

void check_geography(const Model& m, Diagnostics& out) {
    if (m.entities.empty()) return;
    const Footprints fp(m, std::nullopt);
    const Stretches stretches(fp);  // the days a rule that finds something looks at again
    check_populations(m, fp, stretches, out);
    check_places_in_one_ics(m, fp, stretches, out);
    check_within_cycles(m, out);
}

}  // namespace pbp::detail

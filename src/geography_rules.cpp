// W010, E206 and E207: geography rules (SPEC 1.2, 3). All read the areas with no as-of date
// (validation sees the whole file, SPEC 2.6.1); W010 and E206 then look again, day by day, at
// what that reading finds, since areas that replace one another never exist together.
#include "pbp/detail/rules.hpp"
#include "digits.hpp"
#include "leaf_membership.hpp"

#include "pbp/geography.hpp"

#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>
#include <memory>

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
// that finds something that way looks again on each stretch, with footprints made only then.
class Stretches {
public:
    Stretches(const Model& m, const Footprints& every) : m_(m) {
        for (Index i : every.areas())
            for (const auto& d : {m.at(i).valid.from, m.at(i).valid.to})
                if (d) bounds_.push_back(*d);
        std::sort(bounds_.begin(), bounds_.end());
        bounds_.erase(std::unique(bounds_.begin(), bounds_.end()), bounds_.end());
        on_.resize(bounds_.empty() ? 0 : bounds_.size() + 1);
    }
    /// No area has a date: every day is the day with no date.
    bool none() const { return bounds_.empty(); }
    std::size_t size() const { return on_.size(); }
    /// The first day of stretch k (for the first, the day before the first bound).
    Date first_day(std::size_t k) const { return k == 0 ? Date{bounds_[0].days - 1} : bounds_[k - 1]; }
    /// "before 2021-04-01", "from 2021-04-01 until 2022-04-01", "from 2022-04-01".
    std::string words(std::size_t k) const {
        if (k == 0) return "before " + to_string(bounds_[0]);
        return "from " + to_string(bounds_[k - 1]) + (k < bounds_.size() ? " until " + to_string(bounds_[k]) : "");
    }
    const Footprints& footprints(std::size_t k) {
        if (!on_[k]) on_[k] = std::make_unique<Footprints>(m_, first_day(k));
        return *on_[k];
    }

private:
    const Model& m_;
    std::vector<Date> bounds_;
    std::vector<std::unique_ptr<Footprints>> on_;
};

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

void check_populations(const Model& m, const Footprints& fp, Stretches& stretches, Diagnostics& out) {
    for (Index i : fp.areas()) {
        const Entity& e = m.at(i);
        if (fp.is_leaf(i) || !e.population || fp.population(i) == Population(*e.population)) continue;
        if (stretches.none()) {
            report_population(m, fp, i, "", out);
            continue;
        }
        for (std::size_t k = 0; k < stretches.size(); ++k) {
            if (!m.exists(i, stretches.first_day(k))) continue;
            const Footprints& day = stretches.footprints(k);
            if (day.is_leaf(i) || day.population(i) == Population(*e.population)) continue;
            report_population(m, day, i, stretches.words(k), out);
            break;
        }
    }
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
void check_places_in_one_ics(const Model& m, const Footprints& fp, Stretches& stretches, Diagnostics& out) {
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
    // Reported for the first stretch of days on which the place lies in two ICSs at once.
    std::vector<std::unique_ptr<Systems>> systems(stretches.size());
    for (auto& [p, ignored] : spanning)
        for (std::size_t k = 0; k < stretches.size(); ++k) {
            const Date day = stretches.first_day(k);
            if (!m.exists(p, day)) continue;
            if (!systems[k]) {
                std::vector<Index> those;
                for (Index i : ics)
                    if (m.exists(i, day)) those.push_back(i);
                systems[k] = std::make_unique<Systems>(m, stretches.footprints(k), std::move(those));
            }
            if (auto people = systems[k]->people_of(p); people.size() > 1) {
                report_spanning(m, p, *systems[k], people, stretches.words(k), out);
                break;
            }
        }
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
    Stretches stretches(m, fp);  // footprints of other days, made only if a rule needs them
    check_populations(m, fp, stretches, out);
    check_places_in_one_ics(m, fp, stretches, out);
    check_within_cycles(m, out);
}

}  // namespace pbp::detail

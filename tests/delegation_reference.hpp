// decides() as it was before it was made to allocate less (issue 17), kept as the reference
// that tests/delegation_reference_test.cpp compares the library's decides() with. A copy on
// purpose: a second implementation of SPEC 2.2, not to be "fixed" along with the library's.
#pragma once

#include "pbp/accountability.hpp"
#include "pbp/delegation.hpp"
#include "pbp/error.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace pbp::test::reference {

// Every area that contains `place` on the day: reachable from it by one or more `within`
// links through areas that exist on the day (SPEC 2.6.3). `place` itself is included only
// when a cycle of `within` links leads back to it.
inline std::unordered_set<Index> containing_areas(const Model& m, Index place, std::optional<Date> as_of) {
    const GraphView g = view(m, as_of, [](EdgeKind k) noexcept { return k == EdgeKind::within; });
    std::unordered_set<Index> out;
    std::vector<Index> stack{place};
    while (!stack.empty()) {
        Index a = stack.back();
        stack.pop_back();
        for (auto [b, e] = boost::out_edges(a, g); b != e; ++b) {
            auto parent = static_cast<Index>(boost::target(*b, g));
            if (out.insert(parent).second) stack.push_back(parent);
        }
    }
    return out;
}

// The places of a node on the day (SPEC 2.6.3): a body's own `place`; a post's is the place of
// the body named by its `in`; an organisation's are its `serves`. Links to entities that do not
// exist on the day are ignored (SPEC 2.6.1).
inline std::vector<Index> places_of(const Model& m, Index node, std::optional<Date> as_of) {
    const Entity& e = m.at(node);
    std::vector<Index> out;
    auto add = [&](Index a) {
        if (a != npos && m.exists(a, as_of)) out.push_back(a);
    };
    switch (e.section) {
        case Section::body: add(e.place); break;
        case Section::post:
            if (e.in != npos && m.exists(e.in, as_of) && m.at(e.in).section == Section::body) add(m.at(e.in).place);
            break;
        case Section::organisation:
            for (Index a : e.serves) add(a);
            break;
        default: break;
    }
    return out;
}

inline std::optional<PlaceFit> fit_of(const Model& m, Index node, Index place, const std::unordered_set<Index>& containing,
                               std::optional<Date> as_of) {
    const std::vector<Index> places = places_of(m, node, as_of);
    if (places.empty()) return PlaceFit::no_place;
    if (std::find(places.begin(), places.end(), place) != places.end()) return PlaceFit::exact;
    for (Index a : places)
        if (containing.count(a)) return PlaceFit::contains;
    return std::nullopt;  // it has a place, and not this one: out of scope
}

// True when `node` belongs to `holder`: a body whose `of` chain, or a post whose `in` chain,
// reaches it through entities that exist on the day (SPEC 2.2 originators, 2.6.1).
inline bool belongs_to(const Model& m, Index node, Index holder, std::optional<Date> as_of) {
    std::unordered_set<Index> seen{node};
    std::vector<Index> stack{node};
    while (!stack.empty()) {
        const Entity& e = m.at(stack.back());
        stack.pop_back();
        std::vector<Index> up;
        if (e.section == Section::body) up = e.of;
        else if (e.section == Section::post && e.in != npos) up.push_back(e.in);
        for (Index u : up) {
            if (!m.exists(u, as_of)) continue;
            if (u == holder) return true;
            if (m.at(u).section != Section::organisation && seen.insert(u).second) stack.push_back(u);
        }
    }
    return false;
}

// A delegation of `function` that counts on the day: the relation and both its ends exist.
inline bool delegates_on_day(const Model& m, const Relation& r, Index function, std::optional<Date> as_of) {
    return r.kind == RelationKind::delegates && r.valid.contains(as_of) && m.exists(r.from, as_of) &&
           m.exists(r.to, as_of) &&
           std::find(r.functions.begin(), r.functions.end(), function) != r.functions.end();
}

inline void require_kinds(const Model& m, Index function, Index place, std::optional<Date> as_of) {
    if (function >= m.entities.size() || place >= m.entities.size()) throw InvalidArgument("no such function or place");
    const Entity& f = m.at(function);
    if (f.section != Section::function) throw InvalidArgument("'" + f.id + "' is not a function");
    if (!m.exists(function, as_of)) throw InvalidArgument("the function '" + f.id + "' does not exist on " + to_string(*as_of));
    const Entity& p = m.at(place);
    if (p.section != Section::area) throw InvalidArgument("'" + p.id + "' is not an area, so it cannot be a place");
    if (!m.exists(place, as_of)) throw InvalidArgument("the place '" + p.id + "' does not exist on " + to_string(*as_of));
    if (f.holder == npos) throw InvalidArgument("the function '" + f.id + "' has no holder");
    if (!m.exists(f.holder, as_of))
        throw InvalidArgument("'" + m.id(f.holder) + "', the holder of the function '" + f.id + "', does not exist on " +
                              to_string(*as_of));
}

// Who decides `function` for `place` on the day (SPEC 2.2), the way the library did before issue 17.
inline Decision decides(const Model& m, Index function, Index place, std::optional<Date> as_of) {
    require_kinds(m, function, place, as_of);
    const Index holder = m.at(function).holder;
    const std::unordered_set<Index> containing = containing_areas(m, place, as_of);

    // The delegations of F that exist on the day, in file order (file order breaks the last tie).
    std::vector<Index> live;
    std::unordered_set<Index> received;  // nodes that received F on the day
    for (Index r : m.delegations_of(function))
        if (delegates_on_day(m, m.relations[r], function, as_of)) {
            live.push_back(r);
            received.insert(m.relations[r].to);
        }
    auto originator = [&](Index node) {
        if (node == holder) return true;
        const Section s = m.at(node).section;
        return (s == Section::body || s == Section::post) && !received.count(node) && belongs_to(m, node, holder, as_of);
    };

    // Picks the best delegation among `live` whose delegator passes `from_ok`, by
    // (place fit, delegate id, delegator id, file order), skipping delegates already on the chain.
    auto best_step = [&](auto from_ok, const std::vector<Index>& chain) -> std::optional<DelegationStep> {
        std::optional<std::tuple<PlaceFit, const std::string*, const std::string*, Index>> best;
        for (Index r : live) {
            const Relation& rel = m.relations[r];
            if (!from_ok(rel.from)) continue;
            if (rel.to == rel.from || std::find(chain.begin(), chain.end(), rel.to) != chain.end()) continue;
            auto fit = fit_of(m, rel.to, place, containing, as_of);
            if (!fit) continue;
            std::tuple<PlaceFit, const std::string*, const std::string*, Index> key{*fit, &m.id(rel.to), &m.id(rel.from), r};
            auto less = [](const auto& a, const auto& b) {
                if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
                if (*std::get<1>(a) != *std::get<1>(b)) return *std::get<1>(a) < *std::get<1>(b);
                if (*std::get<2>(a) != *std::get<2>(b)) return *std::get<2>(a) < *std::get<2>(b);
                return std::get<3>(a) < std::get<3>(b);
            };
            if (!best || less(key, *best)) best = key;
        }
        if (!best) return std::nullopt;
        const Relation& rel = m.relations[std::get<3>(*best)];
        return DelegationStep{m.id(rel.from), m.id(rel.to), std::get<3>(*best), rel.pointer, rel.mechanism, rel.limit,
                              std::get<0>(*best)};
    };

    Decision d;
    d.function = m.id(function);
    d.place = m.id(place);
    d.holder = m.id(holder);

    std::vector<Index> chain;
    std::unordered_map<Index, bool> originators;
    auto first = best_step(
        [&](Index from) {
            auto it = originators.find(from);
            if (it == originators.end()) it = originators.emplace(from, originator(from)).first;
            return it->second;
        },
        chain);
    if (!first) {
        chain.push_back(holder);
    } else {
        chain.push_back(m.relations[first->relation].from);
        chain.push_back(m.relations[first->relation].to);
        d.steps.push_back(*first);
        // Later steps only from the previous delegate, and only with its permission.
        while (m.relations[d.steps.back().relation].may_subdelegate) {
            const Index current = chain.back();
            auto next = best_step([&](Index from) { return from == current; }, chain);
            if (!next) break;
            chain.push_back(m.relations[next->relation].to);
            d.steps.push_back(*next);
        }
    }

    for (Index i : chain) d.delegation_chain.push_back(m.id(i));
    d.decision_maker = d.delegation_chain.back();
    for (const DelegationStep& s : d.steps)
        if (s.limit && (!d.limit || *s.limit < *d.limit)) d.limit = s.limit;

    d.accountability_chain.assign(d.delegation_chain.rbegin(), d.delegation_chain.rend());
    const Accountability up = accountability(m, chain.front(), as_of);
    d.accountability_chain.insert(d.accountability_chain.end(), up.chain.begin() + 1, up.chain.end());
    return d;
}

}  // namespace pbp::test::reference

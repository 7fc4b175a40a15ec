// decides() and authority(): SPEC 2.2 with the tie-breaks of SPEC 2.6.3-2.6.4.
#include "pbp/delegation.hpp"

#include "pbp/accountability.hpp"
#include "pbp/error.hpp"

#include <algorithm>

namespace pbp {

std::string_view to_string(PlaceFit f) noexcept {
    switch (f) {
        case PlaceFit::exact: return "exact";
        case PlaceFit::contains: return "contains";
        case PlaceFit::no_place: return "no_place";
    }
    return "";
}

namespace {

// The order of ids as ranks when the model has them, else the ids themselves.
struct ById {
    const Model& m;
    gsl::span<const Index> ranks;
    bool operator()(Index a, Index b) const { return ranks.empty() ? m.id(a) < m.id(b) : ranks[a] < ranks[b]; }
};

// Every area that contains `place` on the day: reachable from it by one or more `within` links
// through areas that exist on the day (SPEC 2.6.3). `place` itself is included only when a cycle
// of `within` links leads back to it. A handful of areas (LSOA, place, system, region,
// country), so a vector searched end to end, not a hash set.
std::vector<Index> containing_areas(const Model& m, Index place, std::optional<Date> as_of) {
    std::vector<Index> out;
    if (place >= boost::num_vertices(m.graph)) return out;
    std::vector<Index> stack{place};
    while (!stack.empty()) {
        const Index a = stack.back();
        stack.pop_back();
        for (auto [b, e] = boost::out_edges(a, m.graph); b != e; ++b) {
            const EdgeProperties& p = m.graph[*b];
            const auto parent = static_cast<Index>(boost::target(*b, m.graph));
            if (p.kind != EdgeKind::within || !p.valid.contains(as_of) || !m.exists(parent, as_of)) continue;
            if (std::find(out.begin(), out.end(), parent) == out.end()) {
                out.push_back(parent);
                stack.push_back(parent);
            }
        }
    }
    return out;
}

// How `node`'s places fit `place` (SPEC 2.6.3): a body's own `place`; a post's, the place of
// the body named by its `in`; an organisation's, its `serves`. Links to entities that do not
// exist on the day are ignored (SPEC 2.6.1). None when it has places and none is or contains
// `place`: it is out of scope there.
std::optional<PlaceFit> fit_of(const Model& m, Index node, Index place, const std::vector<Index>& containing,
                               std::optional<Date> as_of) {
    const Entity& e = m.at(node);
    bool has_place = false, contains = false;
    auto exact = [&](Index a) {
        if (a == npos || !m.exists(a, as_of)) return false;
        has_place = true;
        if (a == place) return true;
        if (std::find(containing.begin(), containing.end(), a) != containing.end()) contains = true;
        return false;
    };
    switch (e.section) {
        case Section::body:
            if (exact(e.place)) return PlaceFit::exact;
            break;
        case Section::post:
            if (e.in != npos && m.exists(e.in, as_of) && m.at(e.in).section == Section::body && exact(m.at(e.in).place))
                return PlaceFit::exact;
            break;
        case Section::organisation:
            for (Index a : e.serves)
                if (exact(a)) return PlaceFit::exact;
            break;
        default: break;
    }
    if (!has_place) return PlaceFit::no_place;
    if (contains) return PlaceFit::contains;
    return std::nullopt;
}

// True when `node` belongs to `holder`: a body whose `of` chain, or a post whose `in` chain,
// reaches it through entities that exist on the day (SPEC 2.2 originators, 2.6.1). The chains
// are short: the nodes seen are kept in `seen`, reused by the caller.
bool belongs_to(const Model& m, Index node, Index holder, std::optional<Date> as_of, std::vector<Index>& seen) {
    seen.assign(1, node);
    for (std::size_t k = 0; k < seen.size(); ++k) {
        const Entity& e = m.at(seen[k]);
        auto up = [&](Index u) {
            if (!m.exists(u, as_of)) return false;
            if (u == holder) return true;
            if (m.at(u).section != Section::organisation && std::find(seen.begin(), seen.end(), u) == seen.end())
                seen.push_back(u);
            return false;
        };
        if (e.section == Section::body) {
            for (Index u : e.of)
                if (up(u)) return true;
        } else if (e.section == Section::post && e.in != npos) {
            if (up(e.in)) return true;
        }
    }
    return false;
}

// A delegation of `function` that counts on the day: the relation and both its ends exist.
bool delegates_on_day(const Model& m, const Relation& r, Index function, std::optional<Date> as_of) {
    return r.kind == RelationKind::delegates && r.valid.contains(as_of) && m.exists(r.from, as_of) &&
           m.exists(r.to, as_of) &&
           std::find(r.functions.begin(), r.functions.end(), function) != r.functions.end();
}

void require_kinds(const Model& m, Index function, Index place, std::optional<Date> as_of) {
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

// Money as its machine string (SPEC 1.3), or JSON null for "none" (SPEC 2.6.5).
boost::json::value money_json(const std::optional<Money>& v) {
    if (!v) return nullptr;
    return boost::json::value(v->to_string());
}

boost::json::array list(const std::vector<std::string>& v) {
    boost::json::array a;
    for (auto& s : v) a.emplace_back(s);
    return a;
}

}  // namespace

std::optional<PlaceFit> place_fit(const Model& m, Index node, Index place, std::optional<Date> as_of) {
    return fit_of(m, node, place, containing_areas(m, place, as_of), as_of);
}

Decision decides(const Model& m, Index function, Index place, std::optional<Date> as_of) {
    require_kinds(m, function, place, as_of);
    const Index holder = m.at(function).holder;
    const std::vector<Index> containing = containing_areas(m, place, as_of);
    const ById by_id{m, m.id_ranks()};

    // The delegations of F that exist on the day, in file order (file order breaks the last
    // tie), and the nodes that received F through one of them (sorted, for binary search).
    std::vector<Index> live, received;
    for (Index r : m.delegations_of(function))
        if (delegates_on_day(m, m.relations[r], function, as_of)) {
            live.push_back(r);
            received.push_back(m.relations[r].to);
        }
    std::sort(received.begin(), received.end());

    // Whether each delegator may start the chain: the holder, or a body or post of it that did
    // not itself receive F. Worked out once per delegator.
    std::vector<std::pair<Index, bool>> originators;
    std::vector<Index> seen;
    for (Index r : live) originators.emplace_back(m.relations[r].from, false);
    std::sort(originators.begin(), originators.end());
    originators.erase(std::unique(originators.begin(), originators.end()), originators.end());
    for (auto& [node, ok] : originators) {
        const Section s = m.at(node).section;
        ok = node == holder || ((s == Section::body || s == Section::post) &&
                                !std::binary_search(received.begin(), received.end(), node) &&
                                belongs_to(m, node, holder, as_of, seen));
    }
    auto originator = [&](Index node) {
        auto it = std::lower_bound(originators.begin(), originators.end(), std::pair<Index, bool>{node, false});
        return it != originators.end() && it->first == node && it->second;
    };

    // Picks the best delegation among `live` whose delegator passes `from_ok`, by
    // (place fit, delegate id, delegator id, file order), skipping delegates already on the chain.
    struct Candidate {
        PlaceFit fit;
        Index relation;
    };
    auto better = [&](const Candidate& a, const Candidate& b) {
        if (a.fit != b.fit) return a.fit < b.fit;
        const Relation &ra = m.relations[a.relation], &rb = m.relations[b.relation];
        if (ra.to != rb.to) return by_id(ra.to, rb.to);
        if (ra.from != rb.from) return by_id(ra.from, rb.from);
        return a.relation < b.relation;
    };
    std::vector<Index> chain;
    auto best_step = [&](auto from_ok) -> std::optional<DelegationStep> {
        std::optional<Candidate> best;
        for (Index r : live) {
            const Relation& rel = m.relations[r];
            if (!from_ok(rel.from)) continue;
            if (rel.to == rel.from || std::find(chain.begin(), chain.end(), rel.to) != chain.end()) continue;
            const auto fit = fit_of(m, rel.to, place, containing, as_of);
            if (!fit) continue;
            const Candidate c{*fit, r};
            if (!best || better(c, *best)) best = c;
        }
        if (!best) return std::nullopt;
        const Relation& rel = m.relations[best->relation];
        return DelegationStep{m.id(rel.from), m.id(rel.to), best->relation, rel.pointer, rel.mechanism, rel.limit, best->fit};
    };

    Decision d;
    d.function = m.id(function);
    d.place = m.id(place);
    d.holder = m.id(holder);

    auto first = best_step(originator);
    if (!first) {
        chain.push_back(holder);
    } else {
        chain.push_back(m.relations[first->relation].from);
        chain.push_back(m.relations[first->relation].to);
        d.steps.push_back(*first);
        // Later steps only from the previous delegate, and only with its permission.
        while (m.relations[d.steps.back().relation].may_subdelegate) {
            const Index current = chain.back();
            auto next = best_step([&](Index from) { return from == current; });
            if (!next) break;
            chain.push_back(m.relations[next->relation].to);
            d.steps.push_back(*next);
        }
    }

    d.delegation_chain.reserve(chain.size());
    for (Index i : chain) d.delegation_chain.push_back(m.id(i));
    d.decision_maker = d.delegation_chain.back();
    for (const DelegationStep& s : d.steps)
        if (s.limit && (!d.limit || *s.limit < *d.limit)) d.limit = s.limit;

    AccountabilityIndices up;
    accountability(m, chain.front(), as_of, up);
    d.accountability_chain.reserve(d.delegation_chain.size() + up.chain.size() - 1);
    d.accountability_chain.assign(d.delegation_chain.rbegin(), d.delegation_chain.rend());
    for (std::size_t k = 1; k < up.chain.size(); ++k) d.accountability_chain.push_back(m.id(up.chain[k]));
    return d;
}

namespace {
Index require_function_and_place(const Model& m, std::string_view id, std::optional<Date> as_of, Section section) {
    const Index i = require_entity(m, id, as_of);
    if (m.at(i).section != section)
        throw InvalidArgument("'" + std::string(id) + "' is " +
                              (section == Section::function ? "not a function" : "not an area, so it cannot be a place"));
    return i;
}
}  // namespace

Decision decides(const Model& m, std::string_view function, std::string_view place, std::optional<Date> as_of) {
    const Index f = require_function_and_place(m, function, as_of, Section::function);
    const Index p = require_function_and_place(m, place, as_of, Section::area);
    return decides(m, f, p, as_of);
}

boost::json::object to_json(const Decision& d) {
    boost::json::object o;
    o["function"] = d.function;
    o["place"] = d.place;
    o["holder"] = d.holder;
    o["decision_maker"] = d.decision_maker;
    o["delegation_chain"] = list(d.delegation_chain);
    o["accountability_chain"] = list(d.accountability_chain);
    o["limit"] = money_json(d.limit);
    return o;
}

std::vector<Decision> decides(const Model& m, Index function, gsl::span<const Index> places, std::optional<Date> as_of) {
    std::vector<Decision> out;
    out.reserve(places.size());
    for (Index p : places) out.push_back(decides(m, function, p, as_of));
    return out;
}

std::vector<Index> places_on(const Model& m, std::optional<Date> as_of) {
    std::vector<Index> out;
    for (Index i = 0; i < m.entities.size(); ++i)
        if (m.entities[i].section == Section::area && m.entities[i].kind == "place" && m.exists(i, as_of)) out.push_back(i);
    std::sort(out.begin(), out.end(), [&](Index a, Index b) { return m.id(a) < m.id(b); });
    return out;
}

Authority authority(const Model& m, Index function, Index place, const Money& amount, std::optional<Date> as_of) {
    const Decision d = decides(m, function, place, as_of);
    // effective[k]: the smallest limit on the steps leading down to delegation_chain[k];
    // the first node's is unlimited (SPEC 2.6.4).
    std::vector<std::optional<Money>> effective(d.delegation_chain.size());
    for (std::size_t k = 1; k < effective.size(); ++k) {
        effective[k] = effective[k - 1];
        const auto& lim = d.steps[k - 1].limit;
        if (lim && (!effective[k] || *lim < *effective[k])) effective[k] = lim;
    }
    Authority a;
    a.function = d.function;
    a.place = d.place;
    a.amount = amount;
    for (std::size_t k = d.delegation_chain.size(); k-- > 0;) {
        a.chain.push_back(d.delegation_chain[k]);
        if (!effective[k] || *effective[k] >= amount) {
            a.approver = d.delegation_chain[k];
            a.effective_limit = effective[k];
            break;
        }
    }
    return a;
}

Authority authority(const Model& m, std::string_view function, std::string_view place, const Money& amount,
                    std::optional<Date> as_of) {
    const Index f = require_function_and_place(m, function, as_of, Section::function);
    const Index p = require_function_and_place(m, place, as_of, Section::area);
    return authority(m, f, p, amount, as_of);
}

boost::json::object to_json(const Authority& a) {
    boost::json::object o;
    o["function"] = a.function;
    o["place"] = a.place;
    o["amount"] = a.amount.to_string();
    o["approver"] = a.approver;
    o["effective_limit"] = money_json(a.effective_limit);
    o["chain"] = list(a.chain);
    return o;
}

}  // namespace pbp

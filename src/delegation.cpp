// decides() and authority(): SPEC 2.2 with the tie-breaks of SPEC 2.6.3-2.6.4.
#include "pbp/delegation.hpp"

#include "pbp/accountability.hpp"
#include "pbp/error.hpp"
#include "epoch_marks.hpp"

#include <boost/json/value_from.hpp>

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

// Every area that contains `place` on the day: reachable from it by one or more `within` links
// through areas that exist on the day (SPEC 2.6.3). `place` itself is included only when a cycle
// of `within` links leads back to it. A handful of areas (LSOA, place, system, region,
// country), so a vector searched end to end, not a hash set.
void containing_areas(const Model& m, Index place, std::optional<Date> as_of, std::vector<Index>& out,
                      std::vector<Index>& stack) {
    out.clear();
    if (place >= boost::num_vertices(m.graph)) return;
    stack.assign(1, place);
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

}  // namespace

std::optional<PlaceFit> place_fit(const Model& m, Index node, Index place, std::optional<Date> as_of) {
    std::vector<Index> containing, stack;
    containing_areas(m, place, as_of, containing, stack);
    return fit_of(m, node, place, containing, as_of);
}

namespace {
// What one decides() needs besides its answer, kept per thread and reused: a query allocates
// nothing once the thread has answered a few.
struct Scratch {
    std::vector<Index> containing, stack, live, received, seen, up;
    // Marked when whether the entity may start the chain has been worked out (the answer in
    // `originator`).
    detail::EpochMarks judged;
    std::vector<std::uint8_t> originator;

    void start(std::size_t entities) {
        judged.start(entities);
        if (originator.size() < entities) originator.resize(entities, 0);
    }
};
thread_local Scratch t_scratch;
}  // namespace

void decides(const Model& m, Index function, Index place, std::optional<Date> as_of, DecisionIndices& out) {
    require_kinds(m, function, place, as_of);
    const Index holder = m.at(function).holder;
    Scratch& w = t_scratch;
    w.start(m.entities.size());
    containing_areas(m, place, as_of, w.containing, w.stack);
    const ById by_id(m);

    // The delegations of F that count on the day (the relation and both its ends exist), in
    // file order (file order breaks the last tie): read from Model::delegation_edges(), which
    // holds what this query reads of each in 32 bytes, not from the relations.
    using Edge = detail::DelegationEdges::Edge;
    const detail::DelegationEdges& edges = m.delegation_edges();
    const Edge* const edge = edges.edge.data();
    w.live.clear();
    if (function + 1 < edges.first.size())
        for (Index k = edges.first[function]; k < edges.first[function + 1]; ++k)
            if (edge[k].valid.contains(as_of)) w.live.push_back(k);

    // Whether a delegator may start the chain: the holder, or a body or post of it that did not
    // itself receive F. Worked out once per delegator, when first asked. Most delegations are
    // the holder's own, so the nodes that received F are listed (sorted) only when a body or
    // post asks.
    bool received_listed = false;
    auto received = [&](Index node) {
        if (!received_listed) {
            w.received.clear();
            for (Index k : w.live) w.received.push_back(edge[k].to);
            std::sort(w.received.begin(), w.received.end());
            received_listed = true;
        }
        return std::binary_search(w.received.begin(), w.received.end(), node);
    };
    auto originator = [&](Index node) {
        if (node == holder) return true;
        if (w.judged.mark(node)) {
            const Section s = m.at(node).section;
            w.originator[node] = (s == Section::body || s == Section::post) && !received(node) &&
                                 belongs_to(m, node, holder, as_of, w.seen);
        }
        return w.originator[node] != 0;
    };

    // Picks the best delegation among `live` whose delegator passes `from_ok`, by
    // (place fit, delegate id, delegator id, file order), skipping delegates already on the chain.
    struct Candidate {
        const Edge* edge;
        PlaceFit fit;
    };
    auto better = [&](const Candidate& a, const Candidate& b) {
        if (a.fit != b.fit) return a.fit < b.fit;
        if (a.edge->to != b.edge->to) return by_id(a.edge->to, b.edge->to);
        if (a.edge->from != b.edge->from) return by_id(a.edge->from, b.edge->from);
        return a.edge->relation < b.edge->relation;
    };
    std::vector<Index>& chain = out.delegation_chain;
    chain.clear();
    out.steps.clear();
    auto best_step = [&](auto from_ok) {
        std::optional<Candidate> best;
        for (Index k : w.live) {
            const Edge& e = edge[k];
            if (!from_ok(e.from)) continue;
            if (e.to == e.from || std::find(chain.begin(), chain.end(), e.to) != chain.end()) continue;
            const auto fit = fit_of(m, e.to, place, w.containing, as_of);
            if (!fit) continue;
            const Candidate c{&e, *fit};
            if (!best || better(c, *best)) best = c;
        }
        return best;
    };

    out.function = function;
    out.place = place;
    out.holder = holder;
    out.limit.reset();
    auto follow = [&](const Candidate& step) {
        const Edge& e = *step.edge;
        chain.push_back(e.to);
        out.steps.push_back(DecisionIndices::Step{e.relation, step.fit});
        if (e.has_limit) {  // only then is the relation itself read
            const std::optional<Money>& limit = m.relations[e.relation].limit;
            if (!out.limit || *limit < *out.limit) out.limit = limit;
        }
        return e.may_subdelegate;
    };
    if (auto first = best_step(originator)) {
        chain.push_back(first->edge->from);
        // Later steps only from the previous delegate, and only with its permission.
        for (bool onwards = follow(*first); onwards;) {
            const Index current = chain.back();
            auto next = best_step([&](Index from) { return from == current; });
            if (!next) break;
            onwards = follow(*next);
        }
    } else {
        chain.push_back(holder);
    }

    accountability_chain(m, chain.front(), as_of, w.up);
    out.accountability_chain.assign(chain.rbegin(), chain.rend());
    out.accountability_chain.insert(out.accountability_chain.end(), w.up.begin() + 1, w.up.end());
}

Decision to_ids(const Model& m, const DecisionIndices& d) {
    Decision out;
    out.function = m.id(d.function);
    out.place = m.id(d.place);
    out.holder = m.id(d.holder);
    out.delegation_chain = to_ids(m, d.delegation_chain);
    out.decision_maker = out.delegation_chain.back();
    out.accountability_chain = to_ids(m, d.accountability_chain);
    out.limit = d.limit;
    out.steps.reserve(d.steps.size());
    for (const auto& [r, fit] : d.steps) {
        const Relation& rel = m.relations[r];
        out.steps.push_back(DelegationStep{m.id(rel.from), m.id(rel.to), r, rel.pointer, rel.mechanism, rel.limit, fit});
    }
    return out;
}

Decision decides(const Model& m, Index function, Index place, std::optional<Date> as_of) {
    DecisionIndices found;
    decides(m, function, place, as_of, found);
    return to_ids(m, found);
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
    o["delegation_chain"] = boost::json::value_from(d.delegation_chain);
    o["accountability_chain"] = boost::json::value_from(d.accountability_chain);
    o["limit"] = money_json(d.limit);
    return o;
}

std::vector<Decision> decides(const Model& m, Index function, gsl::span<const Index> places, std::optional<Date> as_of) {
    std::vector<Decision> out;
    out.reserve(places.size());
    DecisionIndices found;
    for (Index p : places) {
        decides(m, function, p, as_of, found);
        out.push_back(to_ids(m, found));
    }
    return out;
}

std::vector<Index> places_on(const Model& m, std::optional<Date> as_of) {
    std::vector<Index> out;
    for (Index i = 0; i < m.entities.size(); ++i)
        if (m.entities[i].section == Section::area && m.entities[i].kind == "place" && m.exists(i, as_of)) out.push_back(i);
    std::sort(out.begin(), out.end(), ById(m));
    return out;
}

void authority(const Model& m, Index function, Index place, const Money& amount, std::optional<Date> as_of,
               AuthorityIndices& out) {
    decides(m, function, place, as_of, out.decision);
    const DecisionIndices& d = out.decision;
    // effective[k]: the smallest limit on the steps leading down to delegation_chain[k];
    // the first node's is unlimited (SPEC 2.6.4).
    auto& effective = out.effective;
    effective.assign(d.delegation_chain.size(), std::nullopt);
    for (std::size_t k = 1; k < effective.size(); ++k) {
        effective[k] = effective[k - 1];
        const auto& lim = m.relations[d.steps[k - 1].relation].limit;
        if (lim && (!effective[k] || *lim < *effective[k])) effective[k] = lim;
    }
    out.amount = amount;
    out.chain.clear();
    for (std::size_t k = d.delegation_chain.size(); k-- > 0;) {
        out.chain.push_back(d.delegation_chain[k]);
        if (!effective[k] || *effective[k] >= amount) {
            out.approver = d.delegation_chain[k];
            out.effective_limit = effective[k];
            break;
        }
    }
}

Authority to_ids(const Model& m, const AuthorityIndices& a) {
    Authority out;
    out.function = m.id(a.decision.function);
    out.place = m.id(a.decision.place);
    out.amount = a.amount;
    out.approver = m.id(a.approver);
    out.effective_limit = a.effective_limit;
    out.chain = to_ids(m, a.chain);
    return out;
}

Authority authority(const Model& m, Index function, Index place, const Money& amount, std::optional<Date> as_of) {
    AuthorityIndices found;
    authority(m, function, place, amount, as_of, found);
    return to_ids(m, found);
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
    o["chain"] = boost::json::value_from(a.chain);
    return o;
}

}  // namespace pbp

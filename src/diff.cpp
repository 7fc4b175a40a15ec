// diff(): SPEC 2.5.
#include "pbp/diff.hpp"

#include <boost/json/value_from.hpp>


#include <algorithm>

namespace pbp {
namespace {

bool relation_exists(const Model& m, const Relation& r, Date d) {
    return r.valid.contains(d) && m.exists(r.from, d) && m.exists(r.to, d);
}

RelationChange change_of(const Model& m, Index i) {
    const Relation& r = m.relations[i];
    return {i, r.pointer, r.id, r.kind, m.id(r.from), m.id(r.to)};
}

// decides() on day d into `out`; false, with `out` untouched, when the function, the place or
// the holder does not exist on d (the pair is then not asked on that day).
bool try_decides(const Model& m, Index f, Index p, Date d, DecisionIndices& out) {
    if (!m.exists(f, d) || !m.exists(p, d)) return false;
    const Index h = m.at(f).holder;
    if (h == npos || !m.exists(h, d)) return false;
    decides(m, f, p, d, out);
    return true;
}

boost::json::value decision_json(const std::optional<Decision>& d) {
    if (!d) return nullptr;
    boost::json::object o;
    o["decision_maker"] = d->decision_maker;
    o["delegation_chain"] = boost::json::value_from(d->delegation_chain);
    o["accountability_chain"] = boost::json::value_from(d->accountability_chain);
    o["limit"] = d->limit ? boost::json::value(d->limit->to_string()) : boost::json::value(nullptr);
    return o;
}

boost::json::array relations_json(const std::vector<RelationChange>& v) {
    boost::json::array a;
    for (const RelationChange& c : v) {
        boost::json::object o;
        o["pointer"] = c.pointer;
        o["id"] = c.id.empty() ? boost::json::value(nullptr) : boost::json::value(c.id);
        o["kind"] = std::string(to_string(c.kind));
        o["from"] = c.from;
        o["to"] = c.to;
        a.push_back(std::move(o));
    }
    return a;
}

}  // namespace

Diff diff(const Model& m, Date from, Date to) {
    Diff out{from, to, {}, {}, {}, {}, {}};
    std::vector<Index> functions, places;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const bool before = m.exists(i, from), after = m.exists(i, to);
        if (before != after) (after ? out.entities_appeared : out.entities_disappeared).push_back(m.id(i));
        if (!before && !after) continue;
        const Entity& e = m.entities[i];
        if (e.section == Section::function) functions.push_back(i);
        if (e.section == Section::area && e.kind == "place") places.push_back(i);
    }
    std::sort(out.entities_appeared.begin(), out.entities_appeared.end());
    std::sort(out.entities_disappeared.begin(), out.entities_disappeared.end());

    for (Index r = 0; r < m.relations.size(); ++r) {
        const bool before = relation_exists(m, m.relations[r], from), after = relation_exists(m, m.relations[r], to);
        if (before != after) (after ? out.relations_appeared : out.relations_disappeared).push_back(change_of(m, r));
    }

    // Every link of a day's view is an entity or relation that exists on it (SPEC 2.6.1), so
    // when none appears or disappears both days see the same model and no decision can differ:
    // the functions times places below (7.6 million pairs, twice, at ten times national) are
    // then not asked at all.
    if (out.entities_appeared.empty() && out.entities_disappeared.empty() && out.relations_appeared.empty() &&
        out.relations_disappeared.empty())
        return out;

    auto by_id = [&](Index a, Index b) { return m.id(a) < m.id(b); };
    std::sort(functions.begin(), functions.end(), by_id);
    std::sort(places.begin(), places.end(), by_id);
    // Compared as indices (one id per index), made into ids only for the pairs that changed.
    DecisionIndices before, after;
    for (Index f : functions)
        for (Index p : places) {
            const bool asked_before = try_decides(m, f, p, from, before), asked_after = try_decides(m, f, p, to, after);
            if (!asked_before && !asked_after) continue;
            const bool same = asked_before && asked_after &&
                              before.delegation_chain.back() == after.delegation_chain.back() &&
                              before.accountability_chain == after.accountability_chain;
            if (same) continue;
            std::optional<Decision> was, is;
            if (asked_before) was = to_ids(m, before);
            if (asked_after) is = to_ids(m, after);
            out.decisions.push_back({m.id(f), m.id(p), std::move(was), std::move(is)});
        }
    return out;
}

boost::json::object to_json(const Diff& d) {
    boost::json::object o;
    o["from"] = to_string(d.from);
    o["to"] = to_string(d.to);
    boost::json::object entities;
    entities["appeared"] = boost::json::value_from(d.entities_appeared);
    entities["disappeared"] = boost::json::value_from(d.entities_disappeared);
    o["entities"] = std::move(entities);
    boost::json::object relations;
    relations["appeared"] = relations_json(d.relations_appeared);
    relations["disappeared"] = relations_json(d.relations_disappeared);
    o["relations"] = std::move(relations);
    boost::json::array decisions;
    for (const DecisionChange& c : d.decisions) {
        boost::json::object x;
        x["function"] = c.function;
        x["place"] = c.place;
        x["before"] = decision_json(c.before);
        x["after"] = decision_json(c.after);
        decisions.push_back(std::move(x));
    }
    o["decisions"] = std::move(decisions);
    return o;
}

}  // namespace pbp

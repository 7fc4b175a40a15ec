// Loading a model both ways, the quick reading (src/load_clean.hpp) first and the full one
// only, and checking that the two give the same: for load_clean_test.cpp, and for the tests of
// the loader's diagnostics, each of whose hand-made models is so checked as well.
#pragma once

#include "load_clean.hpp"

#include "pbp/load.hpp"

#include <boost/graph/graph_traits.hpp>

#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace pbp::test {

inline std::string dump_validity(const Validity& v) {
    return (v.from ? to_string(*v.from) : "-") + ".." + (v.to ? to_string(*v.to) : "-");
}
template <class T>
std::string dump_list(const std::vector<T>& v) {
    std::string out = "[";
    for (const auto& x : v) out += std::to_string(x) + ",";
    return out + "]";
}

// Everything a load gives, written out field by field: two loads are the same exactly when
// their dumps are.
inline std::string dump(const LoadResult& r) {
    std::ostringstream o;
    for (const Diagnostic& d : r.diagnostics) {
        o << "diagnostic " << d.code << " " << static_cast<int>(d.severity) << " " << d.message << " " << d.path << " "
          << d.line.value_or(-1) << ":" << d.column.value_or(-1) << " ids";
        for (const auto& id : d.ids) o << " " << id;
        o << "\n";
    }
    if (!r.model) return o.str() + "no model\n";
    const Model& m = *r.model;
    o << "model " << m.name << " " << m.currency << " source " << m.source.size() << " "
      << std::hash<std::string>{}(m.source) << "\n";
    for (const Diagnostic& d : m.load_diagnostics) o << "load diagnostic " << d.code << " " << d.path << "\n";
    for (const Entity& e : m.entities) {
        o << "entity " << e.id << "|" << e.name << "|" << e.kind << "|" << static_cast<int>(e.section) << "|"
          << dump_validity(e.valid) << "|" << e.pointer << "|within " << dump_list(e.within) << "|pop "
          << (e.population ? std::to_string(*e.population) : "-") << "|serves " << dump_list(e.serves) << "|of "
          << dump_list(e.of) << "|" << e.place << "|" << e.in << "|" << e.employer << "|" << e.holder << "|" << e.statutory
          << "|" << (e.year ? to_string(*e.year) : "-") << "|" << e.host << "|codes";
        for (const auto& [k, v] : e.codes) o << " " << k << "=" << v;
        const EntityDetails& d = e.details();
        o << "|more " << (e.more != nullptr) << "|" << d.notes << "|" << d.need_index.str() << "|members";
        for (const Member& mem : d.members) o << " " << mem.member << "/" << mem.voting << "/" << mem.role;
        o << "|quorum " << (d.quorum ? std::to_string(d.quorum->count) + dump_list(d.quorum->must_include) : "-") << "|"
          << d.title << "|" << d.person << "|" << dump_list(d.appointed_by) << dump_list(d.approved_by) << "|" << d.basis << "|"
          << d.service_area << "\n";
    }
    for (const Relation& r : m.relations)
        o << "relation " << to_string(r.kind) << "|" << r.from << "|" << r.to << "|" << r.id << "|" << dump_validity(r.valid)
          << "|" << r.pointer << "|" << dump_list(r.functions) << "|" << to_string(r.mechanism) << "|"
          << (r.limit ? r.limit->to_string() : "-") << "|" << r.instrument << "|" << r.may_subdelegate << "|"
          << r.voting << "|" << r.role << "\n";
    for (const Flow& f : m.flows)
        o << "flow " << f.from << "|" << f.to << "|" << f.amount.to_string() << "|" << to_string(f.year) << "|"
          << f.purpose << "|" << to_string(f.restriction) << "|" << dump_validity(f.valid) << "|" << f.pointer << "\n";
    for (const Assessment& a : m.assessments)
        o << "assessment " << a.subject << "|" << to_string(a.date) << "|" << a.theme << "|" << a.stage << "|"
          << a.evidence << "|" << a.pointer << "\n";
    std::map<std::string, Index> ids(m.index_by_id.begin(), m.index_by_id.end());
    for (const auto& [id, i] : ids) o << "id " << id << " " << i << "\n";
    std::map<Index, std::vector<Index>> delegations(m.delegations_by_function.begin(), m.delegations_by_function.end());
    for (const auto& [f, rs] : delegations) o << "delegations " << f << " " << dump_list(rs) << "\n";
    for (auto [e, end] = boost::edges(m.graph); e != end; ++e) {
        const EdgeProperties& p = m.graph[*e];
        o << "edge " << boost::source(*e, m.graph) << ">" << boost::target(*e, m.graph) << " " << to_string(p.kind)
          << " " << dump_validity(p.valid) << " " << p.relation << "\n";
    }
    for (Index v = 0; v < boost::num_vertices(m.graph); ++v) o << "vertex " << m.graph[v].entity << "\n";
    return o.str();
}

// Whether the quick reading reads `text` (without a byte order mark) to the end.
inline bool quick_reads(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    Model m;
    m.source = std::string(text);
    return detail::read_clean(m);
}

// True when the two loads give the same; else fails the test, naming `what` and the first
// line of the two dumps that differs.
inline bool same_loads(const LoadResult& full, const LoadResult& either, const std::string& what) {
    const std::string expected = dump(full), got = dump(either);
    if (expected == got) return true;
    std::istringstream a(expected), b(got);
    std::string la, lb;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) {}
    FAIL_CHECK(what << "\n  full:  " << la << "\n  quick: " << lb);
    return false;
}

// Loads `text` both ways and checks they agree; true when the quick reading read it. The quick
// reading must read exactly the models in which the full one finds nothing wrong (the rare
// exceptions of load_clean.hpp do not occur where this is used).
inline bool same_both_ways(const std::string& text, const std::string& what) {
    const LoadResult full = detail::load_model_in_full(text);
    if (!same_loads(full, load_model(text), what)) return false;
    const bool quick = quick_reads(text);
    const bool clean = full.model && full.diagnostics.empty();
    CHECK_MESSAGE(quick == clean, what << ": quick " << quick << ", diagnostics " << full.diagnostics.size());
    return quick;
}

/// load_model(text), checked to give what the full reading alone gives.
inline LoadResult checked_load(std::string_view text) {
    LoadResult r = load_model(text);
    same_loads(detail::load_model_in_full(text), r, "the model of this test");
    return r;
}

}  // namespace pbp::test

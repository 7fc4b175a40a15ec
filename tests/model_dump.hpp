// Everything a load gives, written out field by field, so that two loads can be compared
// whole: by the tests of the quick reading (load_both_ways.hpp) and by the loader's fuzz
// target (fuzz/load_fuzz.cpp). Needs no test framework.
#pragma once

#include "pbp/load.hpp"

#include <boost/graph/graph_traits.hpp>

#include <functional>
#include <map>
#include <sstream>
#include <string>
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

}  // namespace pbp::test

#include "pbp/export.hpp"

#include <boost/graph/graphml.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <tuple>
#include <vector>

namespace pbp {
namespace {

std::string dot_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

bool drawn(const Entity& e) {
    return e.section == Section::organisation || e.section == Section::body || e.section == Section::post;
}

// Everything but the derived delegate -> delegator edges, which restate `delegates`.
bool stated(EdgeKind k) noexcept { return k != EdgeKind::answers_to_delegator; }

}  // namespace

std::string to_dot(const Model& m, std::optional<Date> as_of) {
    // Boost's write_graphviz has no clusters, and the clusters per place are what make the
    // diagram readable, so the DOT text is written here directly.
    std::ostringstream os;
    os << "digraph pbp {\n  graph [rankdir=BT, fontname=\"Helvetica\", label=" << dot_string(m.name)
       << ", labelloc=t];\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n";
    auto node_line = [&](Index i, const std::string& indent) {
        const Entity& e = m.at(i);
        std::string shape = e.section == Section::organisation ? "box" : e.section == Section::body ? "box, style=rounded" : "note";
        std::string label = (e.section == Section::post && !e.details().title.empty() ? e.details().title : e.name) + "\n[" +
                            (e.section == Section::post ? std::string("post") : e.kind) + "]";
        os << indent << dot_string(e.id) << " [label=" << dot_string(label) << ", shape=" << (shape == "box, style=rounded" ? "box, style=rounded" : shape) << "];\n";
    };
    // A body's place, or for a post the place of the body it sits in.
    auto place_of = [&](Index i) -> Index {
        const Entity& e = m.at(i);
        if (e.section == Section::body) return e.place;
        if (e.section == Section::post && e.in != npos && m.at(e.in).section == Section::body) return m.at(e.in).place;
        return npos;
    };
    std::map<Index, std::vector<Index>> clusters;
    for (Index i = 0; i < m.entities.size(); ++i) {
        if (!drawn(m.at(i)) || !m.exists(i, as_of)) continue;
        Index p = place_of(i);
        if (p != npos && m.exists(p, as_of)) clusters[p].push_back(i);
        else node_line(i, "  ");
    }
    int n = 0;
    for (auto& [place, members] : clusters) {
        os << "  subgraph cluster_" << n++ << " {\n    label=" << dot_string(m.at(place).name)
           << ";\n    style=dashed;\n    color=\"#888888\";\n";
        for (Index i : members) node_line(i, "    ");
        os << "  }\n";
    }
    const GraphView g = view(m, as_of, stated);
    // In the order of the file: each entity's own fields, entity by entity, then the relations
    // as listed (the graph itself keeps edges by source).
    std::vector<Edge> edges;
    for (auto [b, e] = boost::edges(g); b != e; ++b) edges.push_back(*b);
    std::stable_sort(edges.begin(), edges.end(), [&g](const Edge& a, const Edge& b) {
        auto key = [&g](const Edge& x) {
            const EdgeProperties& p = g[x];
            return std::tuple(p.relation != npos, p.relation, p.kind == EdgeKind::answers_to_delegator);
        };
        return key(a) < key(b);
    });
    for (const Edge& edge : edges) {
        auto s = static_cast<Index>(boost::source(edge, g)), t = static_cast<Index>(boost::target(edge, g));
        if (!drawn(m.at(s)) || !drawn(m.at(t))) continue;
        const EdgeProperties& p = g[edge];
        std::string style;
        switch (p.kind) {
            case EdgeKind::accountable_to: style = "color=black, penwidth=1.5"; break;
            case EdgeKind::of:
            case EdgeKind::in: style = "color=\"#444444\", arrowhead=diamond"; break;
            case EdgeKind::delegates: {
                const Relation& r = m.relations[p.relation];
                std::string label;
                for (Index f : r.functions) label += (label.empty() ? "" : ", ") + m.id(f);
                if (r.limit) label += "\nlimit " + r.limit->to_display();
                label += "\n(" + std::string(to_string(r.mechanism)) + ")";
                style = "color=blue, style=dashed, label=" + dot_string(label);
                break;
            }
            default: style = "color=\"#888888\", style=dotted, label=" + dot_string(to_string(p.kind)); break;
        }
        if (p.kind == EdgeKind::employer || p.kind == EdgeKind::member || p.kind == EdgeKind::holds ||
            p.kind == EdgeKind::appointed_by || p.kind == EdgeKind::approved_by)
            continue;
        os << "  " << dot_string(m.id(s)) << " -> " << dot_string(m.id(t)) << " [" << style << "];\n";
    }
    os << "}\n";
    return os.str();
}

std::string to_graphml(const Model& m, std::optional<Date> as_of) {
    const GraphView g = view(m, as_of, stated);
    boost::dynamic_properties dp;
    auto vertex_text = [&m](auto field) {
        return boost::make_function_property_map<Vertex, std::string>(
            [&m, field](Vertex v) { return field(m.entities[v]); });
    };
    dp.property("pbp_id", vertex_text([](const Entity& e) { return e.id; }));
    dp.property("name", vertex_text([](const Entity& e) { return e.name; }));
    dp.property("section", vertex_text([](const Entity& e) { return std::string(to_string(e.section)); }));
    dp.property("kind", vertex_text([](const Entity& e) { return e.section == Section::post ? std::string("post") : e.kind; }));
    dp.property("kind", boost::make_function_property_map<Edge, std::string>(
                            [&m](Edge e) { return std::string(to_string(m.graph[e].kind)); }));
    dp.property("relation", boost::make_function_property_map<Edge, std::string>([&m](Edge e) {
                    Index r = m.graph[e].relation;
                    return r == npos ? std::string() : m.relations[r].pointer;
                }));
    std::ostringstream os;
    boost::write_graphml(os, g, boost::get(boost::vertex_index, g), dp, true);
    return os.str();
}

}  // namespace pbp

#include "pbp/export.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <string_view>
#include <tuple>
#include <vector>

namespace pbp {
namespace {

std::string dot_string(std::string_view s) { return detail::dot_quote(s); }

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
    // Written here rather than with boost::write_graphml, which names every node `n` followed by
    // its vertex index: tools that read GraphML (NetworkX, Gephi, yEd) key nodes by their id, so
    // the model's own id has to be the node id for people to find a node by it.
    const GraphView g = view(m, as_of, stated);
    // Areas, organisations, bodies and posts: the things that govern and the places they
    // govern. Functions and funds are what is delegated and paid, not parties to it.
    auto written = [&m](Index i) {
        Section s = m.at(i).section;
        return s == Section::area || s == Section::organisation || s == Section::body || s == Section::post;
    };
    std::ostringstream os;
    os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
          "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\" />\n"
          "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\" />\n"
          "  <key id=\"section\" for=\"node\" attr.name=\"section\" attr.type=\"string\" />\n"
          "  <key id=\"edge.kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\" />\n"
          "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\" />\n"
          "  <graph id=\"G\" edgedefault=\"directed\" parse.nodeids=\"free\" parse.edgeids=\"canonical\" "
          "parse.order=\"nodesfirst\">\n";
    auto data = [&os](std::string_view key, std::string_view value) {
        os << "      <data key=\"" << key << "\">" << detail::xml_escape(value) << "</data>\n";
    };
    for (auto [b, e] = boost::vertices(g); b != e; ++b) {
        auto i = static_cast<Index>(*b);
        if (!written(i)) continue;
        const Entity& x = m.at(i);
        os << "    <node id=\"" << detail::xml_escape(x.id) << "\">\n";
        data("kind", x.section == Section::post ? std::string_view("post") : std::string_view(x.kind));
        data("name", x.name);
        data("section", to_string(x.section));
        os << "    </node>\n";
    }
    std::size_t n = 0;
    for (auto [b, e] = boost::edges(g); b != e; ++b) {
        auto s = static_cast<Index>(boost::source(*b, g)), t = static_cast<Index>(boost::target(*b, g));
        if (!written(s) || !written(t)) continue;
        const EdgeProperties& p = g[*b];
        os << "    <edge id=\"e" << n++ << "\" source=\"" << detail::xml_escape(m.id(s)) << "\" target=\""
           << detail::xml_escape(m.id(t)) << "\">\n";
        data("edge.kind", to_string(p.kind));
        if (p.relation != npos) data("relation", m.relations[p.relation].pointer);
        os << "    </edge>\n";
    }
    os << "  </graph>\n</graphml>\n";
    return os.str();
}

namespace detail {

std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        // Graphviz reads a string up to a NUL and the other controls only as noise.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t k = 0; k < text.size(); ++k) {
        const auto c = static_cast<unsigned char>(text[k]);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            // Kept through attribute-value normalisation (XML 1.0 section 3.3.3), which would
            // turn a literal tab or newline in an id into a space.
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default:
                // XML 1.0 cannot carry the other C0 controls at all, not even as references.
                if (c < 0x20) out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
                else out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace detail

}  // namespace pbp

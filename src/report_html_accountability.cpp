// The HTML report's accountability diagrams: for each place, its bodies and posts, the chain of
// delegation of each function decided there, and everyone they answer to up to an apex
// (Parliament, an electorate). A model with no places (the national one) gets a diagram per
// integrated care board instead: the board, its committees and posts, and whom they answer to.
// One small diagram per place or board keeps every diagram readable and the page bounded.
#include "pbp/accountability.hpp"
#include "pbp/delegation.hpp"
#include "pbp/detail/html.hpp"
#include "pbp/error.hpp"
#include "pbp/export.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <vector>

namespace pbp::detail {
namespace {

// More diagrams than this are summarised: each is a separate Graphviz layout.
constexpr std::size_t max_diagrams = 60;


// What one diagram draws: nodes by id, "answers to" edges, and delegation edges with the
// functions they carry.
struct Diagram {
    std::set<std::string> nodes;
    std::set<std::pair<std::string, std::string>> answers;
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> delegates;

    void chain(const std::vector<std::string>& ids) {
        for (std::size_t k = 0; k < ids.size(); ++k) {
            nodes.insert(ids[k]);
            if (k > 0 && ids[k - 1] != ids[k]) answers.insert({ids[k - 1], ids[k]});
        }
    }
};

// The entities a scope is about: for a place, its bodies and their posts; for an organisation,
// itself, its bodies and their posts.
std::vector<Index> members(const Model& m, Index scope, std::optional<Date> as_of) {
    const bool place = m.at(scope).section == Section::area;
    std::vector<Index> bodies, out;
    if (!place) out.push_back(scope);
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.at(i);
        if (e.section != Section::body || !m.exists(i, as_of)) continue;
        if (place ? e.place == scope : std::find(e.of.begin(), e.of.end(), scope) != e.of.end()) bodies.push_back(i);
    }
    out.insert(out.end(), bodies.begin(), bodies.end());
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.at(i);
        if (e.section == Section::post && m.exists(i, as_of) && e.in != npos &&
            std::find(bodies.begin(), bodies.end(), e.in) != bodies.end())
            out.push_back(i);
    }
    return out;
}

Diagram diagram(const Model& m, Index scope, const std::vector<Index>& functions, std::optional<Date> as_of) {
    Diagram d;
    std::vector<Index> chain;  // the chain alone: what else a node answers to is not drawn
    for (Index i : members(m, scope, as_of)) {
        accountability_chain(m, i, as_of, chain);
        d.chain(to_ids(m, chain));
    }
    if (m.at(scope).section != Section::area) return d;
    for (Index f : functions) {
        const Entity& fn = m.at(f);
        if (fn.holder == npos || !m.exists(fn.holder, as_of)) continue;
        const Decision dec = decides(m, f, scope, as_of);
        for (std::size_t k = 0; k < dec.delegation_chain.size(); ++k) {
            d.nodes.insert(dec.delegation_chain[k]);
            if (k > 0) d.delegates[{dec.delegation_chain[k - 1], dec.delegation_chain[k]}].push_back(fn.id);
        }
        d.chain(dec.accountability_chain);
    }
    return d;
}

// Long names broken into lines of about 28 characters, at spaces, to keep diagrams narrow.
std::string wrapped(const std::string& name) {
    std::string out;
    std::size_t line = 0;
    for (std::size_t k = 0; k < name.size(); ++k) {
        if (name[k] == ' ' && line >= 28) {
            out += '\n';
            line = 0;
            continue;
        }
        out += name[k];
        line += (static_cast<unsigned char>(name[k]) & 0xC0) != 0x80;
    }
    return out;
}

std::string node_text(const Model& m, const std::string& id) {
    const auto i = m.find(id);
    if (!i) return id;
    const Entity& e = m.at(*i);
    std::string name = e.section == Section::post && !e.details().title.empty() ? e.details().title : e.name;
    std::string kind = e.section == Section::post ? "post" : e.kind;
    if (e.kind == "parliament" || e.kind == "electorate") kind += ", apex";
    return wrapped(name) + "\n[" + kind + "]";
}

std::string to_dot(const Model& m, const Diagram& d) {
    std::ostringstream os;
    // Many nodes answering to one (an ICB's teams) would make a wide, unreadable row: such a
    // diagram runs left to right instead, the row becoming a column that fits a page.
    std::map<std::string, std::size_t> fan_in;
    std::size_t widest = 0;
    for (const auto& [from, to] : d.answers) widest = std::max(widest, ++fan_in[to]);
    os << "digraph accountability {\n  graph [rankdir=" << (widest > 5 ? "LR" : "BT")
       << ", fontname=\"Helvetica\", nodesep=0.3, ranksep=0.45];\n"
          "  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=rounded];\n"
          "  edge [fontname=\"Helvetica\", fontsize=8];\n";
    for (const auto& id : d.nodes) {
        const auto i = m.find(id);
        std::string shape;
        if (i && (m.at(*i).kind == "parliament" || m.at(*i).kind == "electorate")) shape = ", shape=doubleoctagon, style=\"\"";
        else if (i && m.at(*i).section == Section::organisation) shape = ", shape=box, style=\"\"";
        else if (i && m.at(*i).section == Section::post) shape = ", shape=note, style=\"\"";
        os << "  " << dot_quote(id) << " [label=" << dot_quote(node_text(m, id)) << shape << "];\n";
    }
    for (const auto& [from, to] : d.answers) os << "  " << dot_quote(from) << " -> " << dot_quote(to) << " [penwidth=1.4];\n";
    for (const auto& [edge, fns] : d.delegates) {
        std::string label = "delegates ";
        for (std::size_t k = 0; k < fns.size() && k < 3; ++k) label += (k ? ", " : "") + fns[k];
        if (fns.size() > 3) label += " and " + std::to_string(fns.size() - 3) + " more";
        os << "  " << dot_quote(edge.first) << " -> " << dot_quote(edge.second)
           << " [style=dashed, color=\"#1f5fa8\", fontcolor=\"#1f5fa8\", label=" << dot_quote(label) << "];\n";
    }
    os << "}\n";
    return os.str();
}

// Graphviz's <svg> with the attributes a screen reader needs.
std::string accessible(std::string svg, const std::string& title, std::size_t nodes, std::size_t edges) {
    const std::string attrs = " role=\"img\" class=\"diagram accountability\" aria-label=\"" + html_escape(title) +
                              ": " + std::to_string(nodes) + " bodies, posts and organisations, " +
                              std::to_string(edges) + " links\"";
    svg.insert(4, attrs);
    // Graphviz's own <title> names the graph ("accountability"): put ours first.
    svg.insert(svg.find('>') + 1, "\n<title>" + html_escape(title) + "</title>");
    return svg;
}

}  // namespace

void html_accountability(HtmlContext& c, std::ostream& os) {
    const Model& m = c.m;
    std::vector<Index> places, boards, functions;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.at(i);
        if (!m.exists(i, c.as_of)) continue;
        if (e.section == Section::area && e.kind == "place") places.push_back(i);
        if (e.section == Section::organisation && e.kind == "icb") boards.push_back(i);
        if (e.section == Section::function) functions.push_back(i);
    }
    auto by_id = [&](Index a, Index b) { return m.id(a) < m.id(b); };
    std::sort(places.begin(), places.end(), by_id);
    std::sort(boards.begin(), boards.end(), by_id);
    std::sort(functions.begin(), functions.end(), by_id);
    const bool per_place = !places.empty();
    const std::vector<Index>& scopes = per_place ? places : boards;

    os << "<section id=\"accountability\">\n<h2>Who answers to whom, and who delegates what</h2>\n";
    os << "<p class=\"legend\">Arrows point to whom each answers: up the page (or, in a diagram too wide for it, to the right). <span class=\"key-solid\">Solid arrow: answers to.</span> "
          "<span class=\"key-dashed\">Dashed arrow labelled <q>delegates</q>: hands the named functions on.</span> "
          "Double octagons [apex] are where accountability ends: Parliament or an electorate. "
       << (per_place ? "One diagram per place: its bodies and posts, and the chain of delegation of every function decided there."
                     : "The model has no places: one diagram per integrated care board, with its committees and posts.")
       << "</p>\n";
    if (scopes.empty()) os << "<p>No places and no integrated care boards to draw.</p>\n";
    std::size_t drawn = 0;
    for (Index s : scopes) {
        if (drawn == max_diagrams) {
            os << "<p class=\"omitted\">" << scopes.size() - max_diagrams << " more "
               << (per_place ? "places" : "integrated care boards") << " are not drawn, to keep the page readable; "
               << "query them with <code>pbp accountability</code> and <code>pbp decides</code>.</p>\n";
            break;
        }
        ++drawn;
        const Diagram d = diagram(m, s, functions, c.as_of);
        const std::size_t edges = d.answers.size() + d.delegates.size();
        const std::string title = "Accountability and delegation at " + label(m, s);
        os << "<figure class=\"diagram\" id=\"accountability-" << html_escape(m.id(s)) << "\">\n<figcaption><h3>"
           << html_escape(label(m, s)) << "</h3>" << d.nodes.size() << " bodies, posts and organisations; "
           << d.answers.size() << " lines of accountability; " << d.delegates.size() << " delegations.</figcaption>\n";
        os << accessible(dot_to_svg(to_dot(m, d)), title, d.nodes.size(), edges) << "</figure>\n";
    }
    os << "</section>\n";
}

}  // namespace pbp::detail

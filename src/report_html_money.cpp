// The HTML report's money diagrams: for each financial year with flows, a Sankey diagram of the
// year's flows, sources on the left, laid out here (Graphviz has no Sankey layout). Doubles are
// pixel positions only: every amount shown is the exact Money as Money::to_display() prints it,
// and the table under each diagram lists the same amounts.
#include "pbp/detail/html.hpp"
#include "pbp/flows.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <tuple>
#include <vector>

namespace pbp::detail {
namespace {

// A year with more links than this gets the table only: a diagram that size is unreadable.
constexpr std::size_t max_links = 120;

// The year's flows between one pair of nodes with one restriction, summed exactly.
struct Link {
    Index from = npos, to = npos;
    Restriction restriction = Restriction::none;
    Money amount;
    std::size_t flows = 0;
    double y_from = 0, y_to = 0, thickness = 0;  // pixels
};

bool pooled(const Model& m, Index i) { return m.at(i).section == Section::fund && m.at(i).kind == "pooled"; }

// Text markers, so that restriction and pooling never rest on colour or pattern alone.
std::string markers(const Model& m, const Link& l) {
    std::string out;
    if (l.restriction != Restriction::none) out += " [" + std::string(to_string(l.restriction)) + "]";
    if (pooled(m, l.from) || pooled(m, l.to)) out += " [pooled]";
    for (auto& c : out)
        if (c == '_') c = '-';
    return out;
}

double pixels(const Money& amount) { return std::abs(amount.pence().convert_to<double>()); }

// A name cut to `n` characters (code points) with an ellipsis: between two columns a name has
// room for about 30 before it would run into the amounts by the next column.
std::string shortened(const std::string& name, std::size_t n) {
    std::size_t chars = 0;
    for (std::size_t k = 0; k < name.size(); ++k)
        if ((static_cast<unsigned char>(name[k]) & 0xC0) != 0x80 && chars++ == n) return name.substr(0, k) + "\u2026";
    return name;
}

std::string num(double v) {
    std::ostringstream os;
    os.setf(std::ios::fixed);
    os.precision(1);
    os << v;
    return os.str();
}

void sankey(HtmlContext& c, const FlowGraph& g, std::vector<Link>& links, std::ostream& os) {
    const Model& m = c.m;
    const std::string year = to_string(g.year());
    // Columns: the longest path of flows from a source (bounded, so a circle of money ends).
    std::map<Index, std::size_t> column;
    for (Index v : g.nodes()) column[v] = 0;
    for (std::size_t pass = 0; pass < g.nodes().size(); ++pass) {
        bool changed = false;
        for (const Link& l : links)
            if (column[l.to] < column[l.from] + 1 && column[l.from] + 1 < g.nodes().size()) {
                column[l.to] = column[l.from] + 1;
                changed = true;
            }
        if (!changed) break;
    }
    std::size_t columns = 1;
    for (auto& [v, k] : column) columns = std::max(columns, k + 1);
    std::vector<std::vector<Index>> by_column(columns);
    for (Index v : g.nodes()) by_column[column[v]].push_back(v);

    // Scale: the fullest column fills 420 pixels. Each node gets a slot at least tall enough for
    // its name and for one amount label per incoming link (amounts sit by the recipient).
    const double gap = 10, node_w = 14, min_h = 3, line = 12, label_room = 330, step = 360;
    std::map<Index, double> size;
    std::map<Index, std::size_t> incoming;
    for (const Link& l : links) incoming[l.to] += markers(m, l).empty() ? 1 : 2;  // lines of labels
    double fullest = 0;
    for (auto& col : by_column) {
        double sum = 0;
        for (Index v : col) sum += size[v] = std::max(pixels(g.inflow(v)), pixels(g.outflow(v)));
        fullest = std::max(fullest, sum);
    }
    const double scale = fullest > 0 ? 420 / fullest : 0;
    const double width = 10 + step * static_cast<double>(columns - 1) + node_w + label_room;
    std::map<Index, double> x, y, h;
    double height = 0;
    for (std::size_t k = 0; k < columns; ++k) {
        double top = 30;
        for (Index v : by_column[k]) {
            x[v] = 10 + step * static_cast<double>(k);
            y[v] = top;
            h[v] = std::max(min_h, size[v] * scale);
            top += std::max({h[v], 2 * line, line * static_cast<double>(incoming[v]) + 4}) + gap;
        }
        height = std::max(height, top + 10);
    }
    // Stack each node's links, out of its right side in the order of their recipients and into
    // its left in the order of their sources, so that bands do not cross needlessly.
    std::vector<std::size_t> order(links.size());
    for (std::size_t k = 0; k < links.size(); ++k) order[k] = k;
    std::map<Index, double> out_at, in_at;
    std::map<Index, std::size_t> labelled;
    std::vector<double> label_y(links.size());
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return y[links[a].to] < y[links[b].to]; });
    for (std::size_t k : order) {
        Link& l = links[k];
        l.thickness = std::max(1.0, pixels(l.amount) * scale);
        l.y_from = y[l.from] + out_at[l.from] + l.thickness / 2;
        out_at[l.from] += l.thickness;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return y[links[a].from] < y[links[b].from]; });
    for (std::size_t k : order) {
        Link& l = links[k];
        l.y_to = y[l.to] + in_at[l.to] + l.thickness / 2;
        in_at[l.to] += l.thickness;
        label_y[k] = y[l.to] + line * static_cast<double>(labelled[l.to]) + 10;
        labelled[l.to] += markers(m, l).empty() ? 1 : 2;
    }

    const std::string hatch = "hatch-" + year.substr(0, 4);
    os << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram sankey\" role=\"img\" viewBox=\"0 0 " << num(width) << " "
       << num(height) << "\" width=\"" << num(width) << "\" aria-label=\"Money in " << year << ": " << links.size()
       << " links between " << g.nodes().size() << " organisations, bodies and funds\">\n<title>Money in " << year
       << ", from sources (left) to recipients (right)</title>\n"
       << "<defs><pattern id=\"" << hatch << "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
          "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f3d9a4\"/>"
          "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a5a00\" stroke-width=\"2.5\"/></pattern></defs>\n";
    for (std::size_t k = 0; k < links.size(); ++k) {
        const Link& l = links[k];
        const double x0 = x[l.from] + node_w, x1 = x[l.to], mid = (x0 + x1) / 2;
        const bool restricted = l.restriction != Restriction::none, into_pool = pooled(m, l.from) || pooled(m, l.to);
        const std::string mark = markers(m, l);
        const std::string amount = l.amount.to_display();
        os << "<g class=\"flow" << (restricted ? " restricted" : "") << (into_pool ? " pooled" : "") << "\" data-from=\""
           << html_escape(m.id(l.from)) << "\" data-to=\"" << html_escape(m.id(l.to)) << "\"><title>"
           << html_escape(label(m, l.from)) << " to " << html_escape(label(m, l.to)) << ": " << html_escape(amount)
           << html_escape(mark) << (l.flows > 1 ? " (" + std::to_string(l.flows) + " flows)" : "") << "</title>";
        os << "<path d=\"M" << num(x0) << "," << num(l.y_from) << " C" << num(mid) << "," << num(l.y_from) << " " << num(mid)
           << "," << num(l.y_to) << " " << num(x1) << "," << num(l.y_to) << "\" fill=\"none\" stroke-width=\""
           << num(l.thickness) << "\" stroke=\""
           << (restricted ? "url(#" + hatch + ")" : into_pool ? "#9bc4a8" : "#a9bfd8") << "\" stroke-opacity=\"0.8\""
           << (into_pool ? " stroke-dasharray=\"8 3\"" : "") << "/>";
        // By the recipient, one line per incoming link; the marker, if any, on the line below.
        os << "<text class=\"amount\" x=\"" << num(x1 - 6) << "\" y=\"" << num(label_y[k]) << "\" text-anchor=\"end\">"
           << html_escape(amount) << "</text>";
        if (!mark.empty())
            os << "<text class=\"marker\" x=\"" << num(x1 - 6) << "\" y=\"" << num(label_y[k] + line - 1)
               << "\" text-anchor=\"end\">" << html_escape(mark.substr(1)) << "</text>";
        os << "</g>\n";
    }
    for (Index v : g.nodes()) {
        const bool last = column[v] + 1 == columns;
        const std::string mark = std::string(g.is_source(v) ? " [source]" : "") + (pooled(m, v) ? " [pooled fund]" : "");
        os << "<g class=\"node\" data-id=\"" << html_escape(m.id(v)) << "\"><title>" << html_escape(label(m, v)) << ": receives "
           << html_escape(g.inflow(v).to_display()) << ", pays out " << html_escape(g.outflow(v).to_display()) << "</title><rect x=\""
           << num(x[v]) << "\" y=\"" << num(y[v])
           << "\" width=\"" << num(node_w) << "\" height=\"" << num(h[v]) << "\" fill=\"#34495e\"/>"
           << "<text x=\"" << num(x[v] + node_w + 4) << "\" y=\"" << num(y[v] + 10) << "\" class=\"label\">"
           << html_escape(shortened(m.at(v).name, (last ? 48 : 30) - mark.size()) + mark) << "</text></g>\n";
    }
    os << "</svg>\n";
}

}  // namespace

void html_money(HtmlContext& c, std::ostream& os) {
    const Model& m = c.m;
    os << "<section id=\"money\">\n<h2>Money</h2>\n<p class=\"legend\">Each financial year's flows, from the sources of money "
          "(left) to those who spend it (right); band widths are in proportion to the amounts, each labelled with its exact "
          "amount. <span class=\"key-hatch\">Hatched bands, marked [ring-fenced], [pass-through] or [mandated]</span>, carry "
          "restricted money; <span class=\"key-pooled\">dashed bands marked [pooled]</span> go into or out of a pooled fund. "
          "Flows are counted in every year, whatever the report's date.</p>\n";
    const auto years = flow_years(m);
    if (years.empty()) os << "<p>The model has no funding flows.</p>\n";
    for (FinancialYear y : years) {
        const FlowGraph g(m, y);
        const std::string year = to_string(y);
        std::map<std::tuple<Index, Index, Restriction>, Link> merged;
        for (std::size_t f : g.flows()) {
            const Flow& fl = m.flows[f];
            Link& l = merged[{fl.from, fl.to, fl.restriction}];
            l.from = fl.from;
            l.to = fl.to;
            l.restriction = fl.restriction;
            l.amount += fl.amount;
            ++l.flows;
        }
        std::vector<Link> links;
        for (auto& [k, l] : merged) links.push_back(l);
        os << "<article class=\"year\" id=\"money-" << html_escape(year) << "\">\n<h3>" << html_escape(year) << "</h3>\n<p>"
           << g.flows().size() << " flow" << (g.flows().size() == 1 ? "" : "s") << " between " << g.nodes().size()
           << " organisations, bodies and funds.</p>\n";
        if (links.size() > max_links)
            os << "<p class=\"omitted\">" << links.size() << " links are too many for a readable diagram: the table lists them.</p>\n";
        else
            sankey(c, g, links, os);
        os << "<table class=\"balances\">\n<caption>Balances in " << html_escape(year)
           << " (as <code>pbp balances</code> prints them)</caption>\n<thead><tr><th scope=\"col\">Organisation, body or fund</th>"
              "<th scope=\"col\">Receives</th><th scope=\"col\">Pays out</th><th scope=\"col\">Net</th></tr></thead>\n<tbody>\n";
        for (Index v : g.nodes())
            os << "<tr><th scope=\"row\">" << entity_link(m, m.id(v), c.linked) << (g.is_source(v) ? " [source]" : "")
               << "</th><td class=\"num\">" << html_escape(g.inflow(v).to_display()) << "</td><td class=\"num\">"
               << html_escape(g.outflow(v).to_display()) << "</td><td class=\"num\">"
               << html_escape((g.inflow(v) - g.outflow(v)).to_display()) << "</td></tr>\n";
        os << "</tbody>\n</table>\n</article>\n";
    }
    os << "</section>\n";
}

}  // namespace pbp::detail

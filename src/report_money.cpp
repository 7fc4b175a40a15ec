// The "Money" section of `pbp report`: per financial year, what each organisation, body and
// fund receives and pays out, and the flow rules broken that year (SPEC 2.3, 3).
#include "pbp/detail/report_sections.hpp"
#include "pbp/flows.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace pbp::detail {
namespace {
// Width on screen of UTF-8 text: code points, not bytes (the pound sign is two bytes).
std::size_t width(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}
std::string pad_right(const std::string& s, std::size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }
std::string pad_left(const std::string& s, std::size_t w) { return std::string(w > width(s) ? w - width(s) : 0, ' ') + s; }
}  // namespace

void report_money(const Model& m, std::ostream& os) {
    const std::string title = "Money";
    os << "\n" << title << "\n" << std::string(title.size(), '=') << "\n";
    const auto years = flow_years(m);
    if (years.empty()) {
        os << "(no funding flows)\n";
        return;
    }
    for (FinancialYear y : years) {
        const FlowGraph g(m, y);
        os << "\n" << to_string(y) << ": " << g.flows().size() << " flow" << (g.flows().size() == 1 ? "" : "s")
           << " between " << g.nodes().size() << " organisations, bodies and funds\n";
        std::vector<std::vector<std::string>> rows;
        rows.push_back({"", "receives", "pays out", "net"});
        Money sourced;
        for (Index v : g.nodes()) {
            std::string name = label(m, v);
            if (g.is_source(v)) {
                name += " [source]";
                sourced += g.outflow(v);
            }
            rows.push_back({name, g.inflow(v).to_display(), g.outflow(v).to_display(),
                            (g.inflow(v) - g.outflow(v)).to_display()});
        }
        std::size_t w[4] = {};
        for (auto& r : rows)
            for (std::size_t c = 0; c < 4; ++c) w[c] = std::max(w[c], width(r[c]));
        for (auto& r : rows) {
            os << "  " << pad_right(r[0], w[0]);
            for (std::size_t c = 1; c < 4; ++c) os << "  " << pad_left(r[c], w[c]);
            os << "\n";
        }
        os << "  Money entering from sources: " << sourced.to_display() << ".\n";
        const Diagnostics problems = flow_problems(g);
        if (problems.empty()) {
            os << "  Every flow rule is kept (no circles, no overspending, ring-fenced and pass-through money "
                  "used as restricted, pooled funds fed by both the NHS and local government).\n";
        } else {
            os << "  Flow rules broken:\n";
            for (const auto& d : problems) os << "  - " << d.code << " (" << to_string(d.severity) << ") " << d.message << "\n";
        }
    }
}

}  // namespace pbp::detail

#include "commands.hpp"

#include "pbp/accountability.hpp"
#include "pbp/flows.hpp"

#include <algorithm>
#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 2) throw UsageError("expects MODEL and NODE");
    const std::string ytext = args.require("year");
    auto year = parse_financial_year(ytext);
    if (!year) throw UsageError("--year must be a financial year written YYYY/YY (e.g. 2023/24), not '" + ytext + "'");
    const auto as_of = args.as_of();
    auto m = open_model(args.operands[0], args);
    const Model& model = *m.model;
    // Flows are chosen by year alone (SPEC 2.6.1); a day only asks that NODE exist on it (2.6.10).
    if (as_of) require_entity(model, args.operands[1], as_of);
    const Trace t = trace(model, args.operands[1], *year);
    if (args.json()) {
        print_json(to_json(t));
        return 0;
    }
    std::cout << "Where the " << t.total.to_display() << " that " << label(model, t.node) << " received in "
              << to_string(t.year) << " came from:\n";
    if (t.sources.empty()) {
        std::cout << "  (nothing: it received no money that year)\n";
        return 0;
    }
    std::size_t w = 0;
    for (auto& s : t.sources) w = std::max(w, s.amount.to_display().size());
    for (auto& s : t.sources) {
        const std::string a = s.amount.to_display();
        std::string pct = format_decimal(s.amount.pounds() * 100 / t.total.pounds(), 1) + "%";
        if (pct.size() < 6) pct.insert(0, 6 - pct.size(), ' ');  // "100.0%"
        std::cout << "  " << std::string(w - a.size(), ' ') << a << "  " << pct << "  " << label(model, s.source) << "\n";
    }
    return 0;
}
}  // namespace

Command trace_command() {
    return {"trace", "where the money a node received in a year came from",
            "usage: pbp trace MODEL NODE --year YYYY/YY [--as-of YYYY-MM-DD] [--json] [--force]\n\n"
            "Follows the financial year's flows back from NODE to their sources (nodes nothing flows into\n"
            "that year, such as NHS England's allocation or a council's own budget). Every organisation,\n"
            "body or fund is taken to fund what it pays out from all it receives, pro rata; the fractions\n"
            "are exact and each source's amount is rounded to pence so that they add up to NODE's inflow\n"
            "exactly. Every source with a path of flows to NODE is listed, even at 0.00.\n\n"
            "--as-of D only checks that NODE exists on day D (flows are chosen by --year alone).\n"
            "--json prints {\"node\", \"year\", \"total\", \"sources\": [{\"source\", \"amount\"}]}, sources by\n"
            "amount (largest first), then id.\n",
            {{"year", true}, {"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

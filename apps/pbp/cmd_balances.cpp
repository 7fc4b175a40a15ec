#include "commands.hpp"

#include "pbp/flows.hpp"

#include <algorithm>
#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects MODEL");
    const std::string ytext = args.require("year");
    auto year = parse_financial_year(ytext);
    if (!year) throw UsageError("--year must be a financial year written YYYY/YY (e.g. 2023/24), not '" + ytext + "'");
    auto m = open_model(args.operands[0], args);
    const Model& model = *m.model;
    const FlowGraph g(model, *year);
    const Balances b = balances(g);
    if (args.json()) {
        print_json(to_json(b));
        return 0;
    }
    if (b.nodes.empty()) {
        std::cout << "No flows in " << to_string(*year) << ".\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows{{"", "receives", "pays out", "net"}};
    for (Index v : g.nodes()) {
        const Entity& e = model.at(v);
        std::string name = e.name == e.id ? e.id : e.name + " (" + e.id + ")";
        if (g.is_source(v)) name += " [source]";
        rows.push_back({name, g.inflow(v).to_display(), g.outflow(v).to_display(), (g.inflow(v) - g.outflow(v)).to_display()});
    }
    std::size_t w[4] = {};
    for (auto& r : rows)
        for (std::size_t c = 0; c < 4; ++c) w[c] = std::max(w[c], display_width(r[c]));
    std::cout << "Money in " << to_string(*year) << " (" << g.flows().size() << " flows):\n";
    for (auto& r : rows) {
        std::cout << "  " << pad_right(r[0], w[0]);
        for (std::size_t c = 1; c < 4; ++c) std::cout << "  " << pad_left(r[c], w[c]);
        std::cout << "\n";
    }
    return 0;
}
}  // namespace

Command balances_command() {
    return {"balances", "what each organisation, body and fund receives and pays out in a year",
            "usage: pbp balances MODEL --year YYYY/YY [--json] [--force]\n\n"
            "For every organisation, body or fund named by a flow of the financial year (1 April to 31\n"
            "March), the sum of the flows into it, out of it, and the difference (net = inflow - outflow).\n"
            "Sources (nodes nothing flows into that year) are marked. Flows are chosen by their \"year\"\n"
            "alone.\n\n"
            "--json prints {\"year\", \"nodes\": [{\"id\", \"inflow\", \"outflow\", \"net\"}]}, sorted by id.\n",
            {{"year", true}, {"json", false}, {"force", false}},
            run};
}

}  // namespace pbp::cli

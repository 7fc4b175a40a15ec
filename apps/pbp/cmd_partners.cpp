#include "commands.hpp"

#include "pbp/partners.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 2) throw UsageError("expects a MODEL and an ICB (or another organisation or area)");
    auto as_of = args.as_of();
    auto m = open_model(args.operands[0], args);
    const Partners p = partners(*m.model, args.operands[1], as_of);
    if (args.json()) {
        print_json(to_json(p));
        return 0;
    }
    const Model& model = *m.model;
    std::cout << label(model, p.node) << (as_of ? " on " + to_string(*as_of) : "") << ": " << format_people(p.population)
              << " people. Upper-tier councils whose areas overlap it: " << p.councils.size() << ".\n";
    for (bool whole : {true, false}) {
        bool heading = false;
        for (const auto& c : p.councils) {
            if (c.whole != whole) continue;
            if (!heading) std::cout << (whole ? "\nWholly inside:\n" : "\nIn part:\n");
            heading = true;
            std::cout << "  " << label(model, c.council) << ": " << format_people(c.overlap);
            if (whole) std::cout << " people, all of its area\n";
            else
                std::cout << " of its " << format_people(c.population) << " people (" << format_percent(c.share)
                          << "); the rest live outside\n";
        }
    }
    if (p.uncovered > 0)
        std::cout << "\n" << format_people(p.uncovered) << " people of " << p.node
                  << " live in the area of no upper-tier council of the model.\n";
    return 0;
}
}  // namespace

Command partners_command() {
    return {"partners", "who must this ICB work with: the upper-tier councils its area overlaps",
            "usage: pbp partners MODEL ICB [--as-of YYYY-MM-DD] [--json] [--force]\n\n"
            "For an ICB (or any organisation or area), every upper-tier council (county_council or\n"
            "unitary_authority) whose area overlaps the ICB's, with the people they share: the councils\n"
            "that, with the ICB, must establish its integrated care partnership (Local Government and\n"
            "Public Involvement in Health Act 2007 s116ZA). An organisation's area is the union of the\n"
            "areas it serves; people are leaf populations. A council is whole when all of its people\n"
            "live in the ICB's area.\n\n"
            "--as-of D   only the organisations, areas and links that exist on day D.\n"
            "--json      prints {\"node\", \"areas\", \"population\", \"uncovered\", \"councils\": [{\"council\",\n"
            "            \"areas\", \"population\", \"overlap\", \"share\", \"whole\"}]}.\n\n"
            "example: pbp partners england QE1   (Lancashire and South Cumbria ICB)\n",
            {{"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

#include "commands.hpp"

#include "pbp/accountability.hpp"
#include "pbp/delegation.hpp"
#include "pbp/error.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
// --all-places or --places FILE: one answer per place, as JSON Lines, in the order of the list.
int run_batch(const Args& args) {
    if (args.has("place")) throw UsageError("give --place, --all-places or --places FILE, only one");
    if (args.has("all-places") && args.has("places")) throw UsageError("give --all-places or --places FILE, not both");
    const auto as_of = args.as_of();
    const std::string function = args.require("function");
    std::optional<IdList> list;
    if (args.has("places")) list = read_id_list(args.require("places"), args.operands[0]);
    auto m = open_model(args.operands[0], args);
    const Model& model = *m.model;
    const Index f = require_entity(model, function, as_of);
    if (model.at(f).section != Section::function) throw InvalidArgument("'" + function + "' is not a function");
    const std::vector<Index> places =
        args.has("all-places") ? places_on(model, as_of)
                               : resolve(*list, model, as_of, Section::area, "is not an area, so it cannot be a place");
    // Every answer before the first is printed: a place the library refuses stops the command
    // with nothing on standard output, as an id that is not in the model does.
    for (const Decision& d : decides(model, f, places, as_of)) print_json_line(to_json(d));
    return 0;
}

int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    if (args.has("all-places") || args.has("places")) return run_batch(args);
    auto as_of = args.as_of();
    const std::string function = args.require("function"), place = args.require("place");
    auto m = open_model(args.operands[0], args);
    const Model& model = *m.model;
    Decision d = decides(model, function, place, as_of);
    if (args.json()) {
        print_json(to_json(d));
        return 0;
    }
    std::cout << "Who decides " << label(model, d.function) << " at " << label(model, d.place)
              << (as_of ? " on " + to_string(*as_of) : "") << ":\n";
    std::cout << "  held in law by " << label(model, d.holder) << "\n";
    std::cout << "  decided by     " << label(model, d.decision_maker)
              << (d.limit ? ", up to " + d.limit->to_display() + " a commitment" : ", with no financial limit") << "\n";
    if (d.steps.empty()) {
        std::cout << "  (nothing delegated in scope for this place)\n";
    } else {
        std::cout << "Delegation:\n  " << label(model, d.delegation_chain.front()) << "\n";
        for (const DelegationStep& s : d.steps)
            std::cout << "  -> " << label(model, s.delegate) << "  [" << to_string(s.mechanism) << ", "
                      << (s.limit ? "limit " + s.limit->to_display() : "no limit of its own") << ", place "
                      << to_string(s.fit) << ", " << s.pointer << "]\n";
    }
    std::cout << "Accountability (delegation never moves it):\n";
    for (std::size_t i = 0; i < d.accountability_chain.size(); ++i)
        std::cout << "  " << (i ? "-> " : "") << label(model, d.accountability_chain[i]) << "\n";
    return 0;
}
}  // namespace

Command decides_command() {
    return {"decides", "who decides a function at a place, and who answers for it",
            "usage: pbp decides MODEL --function F --place P [--as-of YYYY-MM-DD] [--json] [--force]\n"
            "       pbp decides MODEL --function F --all-places [--as-of YYYY-MM-DD] [--force]\n"
            "       pbp decides MODEL --function F --places FILE [--as-of YYYY-MM-DD] [--force]\n\n"
            "Follows the delegations of function F from its holder (or the holder's own boards,\n"
            "committees and officers) to the delegate in scope for place P: a delegate for P itself\n"
            "first, then one for an area containing P, then one with no place; sub-delegation only where\n"
            "the delegation received allows it. Prints the decision maker, the delegation chain, the\n"
            "smallest financial limit on it, and the accountability chain back up to the apex.\n\n"
            "--json prints {\"function\", \"place\", \"holder\", \"decision_maker\", \"delegation_chain\",\n"
            "\"accountability_chain\", \"limit\"} (limit a money string or null).\n"
            "--as-of D  only what exists on day D (default: everything, whatever its dates).\n"
            "--all-places  every area of kind place existing on the day, in id order: one answer per\n"
            "           line as JSON Lines (each line the --json answer above, compact).\n"
            "--places FILE  the places listed in FILE (one id per line; blank lines and lines starting\n"
            "           with # skipped; - for standard input), answered in that order as JSON Lines. An id\n"
            "           not in the model on the day, or not an area, stops the command before anything is\n"
            "           printed (exit 2).\n",
            {{"function"}, {"place"}, {"all-places", false}, {"places"}, {"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

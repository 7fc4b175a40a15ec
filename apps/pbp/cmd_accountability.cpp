#include "commands.hpp"

#include "pbp/accountability.hpp"
#include "pbp/error.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
// --all or --nodes FILE: one answer per node, as JSON Lines, in the order of the list.
int run_batch(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("with --all or --nodes, expects one MODEL and no NODE");
    if (args.has("all") && args.has("nodes")) throw UsageError("give --all or --nodes FILE, not both");
    const auto as_of = args.as_of();
    std::optional<IdList> list;
    if (args.has("nodes")) list = read_id_list(args.require("nodes"), args.operands[0]);
    auto m = open_model(args.operands[0], args);
    const Model& model = *m.model;
    const std::vector<Index> nodes =
        args.has("all") ? accountable_nodes(model, as_of) : resolve(*list, model, as_of);
    // Every id checked before the first line is printed: an area, function or fund answers to
    // no one (the library refuses it), and a half-printed batch would read as a whole one.
    for (std::size_t k = 0; list && k < nodes.size(); ++k) {
        try {
            require_accountable(model, nodes[k], as_of);
        } catch (const InvalidArgument& e) {
            throw InvalidArgument(list->source + ", line " + std::to_string(list->lines[k].first) + ": " + e.what());
        }
    }
    AccountabilityIndices found;
    for (Index node : nodes) {
        accountability(model, node, as_of, found);
        print_json_line(to_json(to_ids(model, found)));
    }
    return 0;
}

int run(const Args& args) {
    if (args.has("all") || args.has("nodes")) return run_batch(args);
    if (args.operands.size() != 2) throw UsageError("expects MODEL and NODE");
    auto as_of = args.as_of();
    auto m = open_model(args.operands[0], args);
    Accountability a = accountability(*m.model, args.operands[1], as_of);
    if (args.json()) {
        print_json(to_json(a));
        return 0;
    }
    const Model& model = *m.model;
    std::cout << "Who " << label(model, a.node) << " answers to" << (as_of ? " on " + to_string(*as_of) : "") << ":\n";
    for (std::size_t i = 0; i < a.chain.size(); ++i)
        std::cout << "  " << std::string(i * 2, ' ') << (i ? "-> " : "") << label(model, a.chain[i]) << "\n";
    if (a.chain.size() == 1 && a.apexes.empty()) std::cout << "  (no one: its accountability goes round in a circle)\n";
    std::cout << "Answers, directly or indirectly, to " << a.reachable.size() << " node"
              << (a.reachable.size() == 1 ? "" : "s") << "; apexes of accountability:";
    for (std::size_t i = 0; i < a.apexes.size(); ++i) std::cout << (i ? "; " : " ") << label(model, a.apexes[i]);
    std::cout << (a.apexes.empty() ? " none\n" : "\n");
    return 0;
}
}  // namespace

Command accountability_command() {
    return {"accountability", "who a node answers to, up to Parliament or an electorate",
            "usage: pbp accountability MODEL NODE [--as-of YYYY-MM-DD] [--json] [--force]\n"
            "       pbp accountability MODEL --all [--as-of YYYY-MM-DD] [--force]\n"
            "       pbp accountability MODEL --nodes FILE [--as-of YYYY-MM-DD] [--force]\n\n"
            "Follows accountability upwards from NODE (an organisation, body or post): accountable_to\n"
            "relations, a body to the organisation or body it belongs to (\"of\"), a post to where it\n"
            "sits (\"in\"), and a delegate to whoever delegated to it (delegation never moves\n"
            "accountability). Prints the shortest chain to an apex, everything NODE answers to, and the\n"
            "apexes reached.\n\n"
            "--json prints {\"node\", \"chain\", \"reachable\", \"apexes\"}.\n"
            "--as-of D  only what exists on day D (default: everything, whatever its dates).\n"
            "--all      every organisation, body and post existing on the day, in id order, one answer\n"
            "           per line as JSON Lines (each line {\"node\", \"chain\", \"reachable\", \"apexes\"}).\n"
            "--nodes FILE  the nodes listed in FILE (one id per line; blank lines and lines starting\n"
            "           with # skipped; - for standard input), answered in that order as JSON Lines. An id\n"
            "           not in the model on the day stops the command before anything is printed (exit 2).\n",
            {{"all", false}, {"nodes"}, {"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

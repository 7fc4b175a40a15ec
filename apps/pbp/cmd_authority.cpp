#include "commands.hpp"

#include "pbp/delegation.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    auto as_of = args.as_of();
    const std::string function = args.require("function"), place = args.require("place");
    const Money amount = parse_money_arg(args.require("amount"), "--amount");
    auto m = open_model(args.operands[0], args);
    const Model& model = *m.model;
    Authority a = authority(model, function, place, amount, as_of);
    if (args.json()) {
        print_json(to_json(a));
        return 0;
    }
    std::cout << "Who may approve " << amount.to_display() << " for " << label(model, a.function) << " at "
              << label(model, a.place) << (as_of ? " on " + to_string(*as_of) : "") << ":\n";
    std::cout << "  " << label(model, a.approver) << " ("
              << (a.effective_limit ? "limit " + a.effective_limit->to_display() : "no limit") << ")\n";
    if (a.chain.size() > 1) {
        std::cout << "Referred up the delegation chain:\n";
        for (std::size_t i = 0; i < a.chain.size(); ++i)
            std::cout << "  " << (i ? "-> " : "") << label(model, a.chain[i]) << "\n";
    }
    return 0;
}
}  // namespace

Command authority_command() {
    return {"authority", "who may approve a single commitment of an amount",
            "usage: pbp authority MODEL --function F --place P --amount A [--as-of YYYY-MM-DD] [--json]\n"
            "                     [--force]\n\n"
            "Walks the delegation chain that 'pbp decides' finds from the decision maker back towards\n"
            "its first node, and names the first node whose effective limit (the smallest limit on the\n"
            "delegations down to it) is at least A. An amount equal to a limit is within it; the chain's\n"
            "first node is unlimited. A is money: digits with at most two decimal places (1234.50).\n\n"
            "--json prints {\"function\", \"place\", \"amount\", \"approver\", \"effective_limit\", \"chain\"}\n"
            "(effective_limit null when unlimited; chain from the decision maker up to the approver).\n"
            "--as-of D  only what exists on day D (default: everything, whatever its dates).\n",
            {{"function"}, {"place"}, {"amount"}, {"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

#include "commands.hpp"

#include "pbp/bundled.hpp"
#include "pbp/report.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() > 1) throw UsageError("expects at most one MODEL");
    auto as_of = args.as_of();
    std::string which = args.operands.empty() ? std::string(default_model_name) : args.operands[0];
    auto m = open_model(which, args, false);
    std::cout << report(*m.model, m.diagnostics, as_of);
    return count_errors(m.diagnostics) > 0 ? 1 : 0;
}
}  // namespace

Command report_command() {
    return {"report", "a readable summary of a model (default: Nottingham and Nottinghamshire)",
            "usage: pbp report [MODEL] [--as-of YYYY-MM-DD]\n\n"
            "Prints a summary for governance officers: places, bodies and who they answer to, posts and\n"
            "who appoints and approves them, who decides what where, budgets, and every problem found.\n"
            "With no MODEL, reports on the bundled Nottingham and Nottinghamshire model.\n"
            "Exit status 1 when the model has errors (they are listed in the report).\n",
            {},
            run};
}

}  // namespace pbp::cli

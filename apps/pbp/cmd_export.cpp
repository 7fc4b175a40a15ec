#include "commands.hpp"

#include "pbp/load.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    std::string format = args.get("format").value_or("json");
    if (format != "json") throw UsageError("--format must be json (dot and graphml are not available yet), not '" + format + "'");
    auto m = open_model(args.operands[0], args, false);
    std::cout << save_model(*m.model);
    return 0;
}
}  // namespace

Command export_command() {
    return {"export", "write the model out (normalised JSON)",
            "usage: pbp export MODEL [--format json]\n\n"
            "--format json  the model as loaded, indented: every entity, relation, field and unknown key\n"
            "               is kept (comments and key order are not). Loading it gives the same answers.\n",
            {{"format", true}},
            run};
}

}  // namespace pbp::cli

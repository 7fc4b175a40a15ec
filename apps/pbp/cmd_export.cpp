#include "commands.hpp"

#include "pbp/export.hpp"
#include "pbp/load.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    std::string format = args.get("format").value_or("json");
    if (format != "json" && format != "dot" && format != "graphml")
        throw UsageError("--format must be json, dot or graphml, not '" + format + "'");
    auto as_of = args.as_of();
    if (format == "json" && as_of) throw UsageError("--as-of applies to dot and graphml; json is always the whole model");
    auto m = open_model(args.operands[0], args, false);
    if (format == "json") std::cout << save_model(*m.model);
    else if (format == "dot") std::cout << to_dot(*m.model, as_of);
    else std::cout << to_graphml(*m.model, as_of);
    return 0;
}
}  // namespace

Command export_command() {
    return {"export", "write the model out: normalised JSON, a Graphviz diagram or GraphML",
            "usage: pbp export MODEL [--format json|dot|graphml] [--as-of YYYY-MM-DD]\n\n"
            "--format json     (default) the model as loaded, indented: every entity, relation, field and\n"
            "                  unknown key is kept (comments and key order are not); loading it gives\n"
            "                  the same answers to every query.\n"
            "--format dot      a Graphviz diagram of organisations, bodies and posts: accountability\n"
            "                  (solid), delegations (dashed blue, with functions and limits), other\n"
            "                  links (dotted); one cluster per place. Render with: dot -Tsvg\n"
            "--format graphml  every entity and link with their kinds as attributes (NetworkX, Gephi).\n"
            "--as-of D         (dot, graphml) only what exists on day D.\n"
            "The model is written even when it has errors.\n",
            {{"format", true}, {"as-of"}},
            run};
}

}  // namespace pbp::cli

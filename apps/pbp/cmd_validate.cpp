#include "commands.hpp"

#include "pbp/validate.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    LoadResult loaded = load_operand(args.operands[0]);
    if (!loaded.model) {
        // No model (E001, E002, E010-E014): exit 2, and with --json the one document still, its
        // diagnostic in it, so that a script reading standard output learns why.
        print_load_failure(args.operands[0], loaded.diagnostics);
        if (args.json()) print_json(to_json(loaded.diagnostics));
        return 2;
    }
    OpenModel m{loaded.model, validate(*loaded.model)};
    const std::size_t errors = count_errors(m.diagnostics), warnings = m.diagnostics.size() - errors;
    if (args.json()) {
        print_json(to_json(m.diagnostics));
    } else {
        // A model without its required name (E006) is headed by what the user typed instead.
        std::cout << (m.model->name.empty() ? args.operands[0] : m.model->name) << ": " << errors << " error"
                  << (errors == 1 ? "" : "s") << ", " << warnings << " warning" << (warnings == 1 ? "" : "s") << "\n";
        print_diagnostics(std::cout, m.diagnostics);
    }
    keep_until_exit(std::move(m));
    return errors > 0 ? 1 : 0;
}
}  // namespace

Command validate_command() {
    return {"validate", "check a model against every rule; list the problems",
            "usage: pbp validate MODEL [--json]\n\n"
            "Checks the model's structure (E001-E017, W009), geography (W010, E206, E207),\n"
            "accountability (E101, W102), delegation and the law (E103-E105, E201-E205), money\n"
            "(E301-E304, W305) and committees (E401, W402). Each problem has a code, a severity, a\n"
            "message, the ids involved and where it is in the file (JSON Pointer, line and column).\n"
            "See docs/diagnostics.md.\n\n"
            "A file that is not valid JSON or UTF-8 (E001), not format pbp/1 (E002) or past one of\n"
            "pbp's limits (E010-E014, docs/limits.md) cannot be loaded: that one diagnostic goes to\n"
            "standard error (and, with --json, into the JSON document) and the exit status is 2. Any\n"
            "other problem is listed and the rest of the file still loads.\n\n"
            "--json prints {\"diagnostics\": [...], \"errors\": n, \"warnings\": n}.\n"
            "Exit status 1 when there is any error, 0 when there are only warnings or none.\n",
            {{"json", false}},
            run};
}

}  // namespace pbp::cli

#include "commands.hpp"

#include "pbp/designation.hpp"

#include <iostream>
#include <map>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    auto as_of = args.as_of();
    auto m = open_model(args.operands[0], args);
    Designations d = designation(*m.model, as_of);
    if (args.json()) {
        write_json(std::cout, d);
        return 0;
    }
    std::cout << "Where each function is decided" << (as_of ? " on " + to_string(*as_of) : "") << ":\n";
    if (d.rows.empty()) std::cout << "  (no function with a service_area, or no area of kind place)\n";
    std::string current;
    for (const Designation& r : d.rows) {
        if (r.function != current) {
            current = r.function;
            std::cout << "\n" << r.function << " (" << r.service_area << ")\n";
        }
        std::string place = r.place;
        place.resize(std::max<std::size_t>(place.size() + 1, 24), ' ');
        std::string level(to_string(r.level));
        level.resize(15, ' ');
        std::cout << "  " << place << level << r.decision_maker << "\n";
    }
    return 0;
}
}  // namespace

Command designation_command() {
    return {"designation", "which functions are decided at place and which at system",
            "usage: pbp designation MODEL [--as-of YYYY-MM-DD] [--json] [--force]\n\n"
            "For every function with a service_area and every area of kind place, where decisions are\n"
            "taken: 'place' (the decision maker is specific to that place: its place is the place or\n"
            "contains it), 'system' (the function is delegated, but here to no one or to a node with no\n"
            "place), or 'not_delegated' (the function is delegated nowhere: its holder decides).\n\n"
            "--json prints {\"as_of\", \"designations\": [{\"function\", \"service_area\", \"place\", \"level\",\n"
            "\"decision_maker\"}]} sorted by function, then place.\n"
            "--as-of D  only what exists on day D (default: everything, whatever its dates).\n",
            {{"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

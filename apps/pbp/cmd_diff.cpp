#include "commands.hpp"

#include "pbp/diff.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
Date require_date(const Args& args, const std::string& name) {
    const std::string v = args.require(name);
    auto d = parse_date(v);
    if (!d) throw UsageError("--" + name + " must be a date written YYYY-MM-DD, not '" + v + "'");
    return *d;
}

void print_ids(const char* title, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    std::cout << title << "\n";
    for (auto& id : ids) std::cout << "  " << id << "\n";
}

void print_relations(const char* title, const std::vector<RelationChange>& rs) {
    if (rs.empty()) return;
    std::cout << title << "\n";
    for (auto& r : rs)
        std::cout << "  " << r.from << " " << to_string(r.kind) << " " << r.to << "  (" << (r.id.empty() ? "" : r.id + ", ")
                  << r.pointer << ")\n";
}

std::string chain(const std::vector<std::string>& v) {
    std::string out;
    for (auto& s : v) out += (out.empty() ? "" : " -> ") + s;
    return out;
}

int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    const Date from = require_date(args, "from"), to = require_date(args, "to");
    auto m = open_model(args.operands[0], args);
    Diff d = diff(*m.model, from, to);
    if (args.json()) {
        print_json(to_json(d));
        return 0;
    }
    std::cout << "Changes from " << to_string(from) << " to " << to_string(to) << ":\n";
    if (d.entities_appeared.empty() && d.entities_disappeared.empty() && d.relations_appeared.empty() &&
        d.relations_disappeared.empty() && d.decisions.empty()) {
        std::cout << "  none\n";
        return 0;
    }
    print_ids("Entities that appear:", d.entities_appeared);
    print_ids("Entities that disappear:", d.entities_disappeared);
    print_relations("Relations that appear:", d.relations_appeared);
    print_relations("Relations that disappear:", d.relations_disappeared);
    if (!d.decisions.empty()) std::cout << "Who decides, and who answers, changes for:\n";
    for (const DecisionChange& c : d.decisions) {
        std::cout << "  " << c.function << " at " << c.place << "\n";
        std::cout << "    before: "
                  << (c.before ? c.before->decision_maker + " (answers: " + chain(c.before->accountability_chain) + ")"
                               : "(does not exist)")
                  << "\n";
        std::cout << "    after:  "
                  << (c.after ? c.after->decision_maker + " (answers: " + chain(c.after->accountability_chain) + ")"
                              : "(does not exist)")
                  << "\n";
    }
    return 0;
}
}  // namespace

Command diff_command() {
    return {"diff", "what changes between two days: entities, relations, who decides",
            "usage: pbp diff MODEL --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--force]\n\n"
            "Lists the entities and relations that exist on one day and not the other (a relation exists\n"
            "when it is valid and both its ends exist), and every function and place (area of kind place)\n"
            "whose decision maker or accountability chain differs, with the before and after.\n\n"
            "--json prints {\"from\", \"to\", \"entities\": {\"appeared\", \"disappeared\"}, \"relations\":\n"
            "{\"appeared\", \"disappeared\"} (each [{\"pointer\", \"id\", \"kind\", \"from\", \"to\"}]), \"decisions\":\n"
            "[{\"function\", \"place\", \"before\", \"after\"}]} where before/after are {\"decision_maker\",\n"
            "\"delegation_chain\", \"accountability_chain\", \"limit\"} or null.\n",
            {{"from"}, {"to"}, {"json", false}, {"force", false}},
            run};
}

}  // namespace pbp::cli

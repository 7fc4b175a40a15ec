#include "commands.hpp"

#include "pbp/maturity.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    auto as_of = args.as_of();
    auto from = args.get("from"), to = args.get("to");
    if (from.has_value() != to.has_value()) throw UsageError("--from and --to go together");
    if (from && as_of) throw UsageError("use either --as-of or --from/--to");
    // The dates are checked before the model is opened: a usage error is exit 2, also for a
    // model with errors (which would otherwise be refused first, exit 1).
    std::optional<Date> d1, d2;
    if (from) {
        d1 = parse_date(*from);
        d2 = parse_date(*to);
        if (!d1) throw UsageError("--from must be a date written YYYY-MM-DD, not '" + *from + "'");
        if (!d2) throw UsageError("--to must be a date written YYYY-MM-DD, not '" + *to + "'");
    }
    auto m = open_model(args.operands[0], args);
    auto subject = args.get("subject");
    std::optional<std::string_view> sv;
    if (subject) sv = *subject;
    std::vector<SubjectMaturity> result;
    if (from) {
        result = maturity_change(*m.model, sv, *d1, *d2);
    } else {
        result = maturity(*m.model, sv, as_of);
    }
    if (args.json()) {
        print_json(to_json(result));
        return 0;
    }
    if (result.empty()) std::cout << "No maturity assessments in this model.\n";
    for (const SubjectMaturity& s : result) {
        std::cout << s.subject << "\n";
        for (std::size_t i = 0; i < s.themes.size(); ++i) {
            const ThemeStage& t = s.themes[i];
            std::string theme = t.theme;
            theme.resize(26, ' ');
            std::cout << "  " << theme;
            if (!s.themes_before.empty())
                std::cout << s.themes_before[i].stage.value_or("-") << " -> ";
            std::cout << t.stage.value_or("not assessed");
            if (t.date) std::cout << "  (" << to_string(*t.date) << ")";
            std::cout << "\n";
        }
    }
    return 0;
}
}  // namespace

Command maturity_command() {
    return {"maturity", "maturity self-assessments: stage per theme, or the change between two dates",
            "usage: pbp maturity MODEL [--subject ID] [--as-of YYYY-MM-DD | --from D1 --to D2] [--json] [--force]\n\n"
            "For each assessed body or area (or only --subject), the latest stage on each of the ten\n"
            "themes of the place-based partnership maturity matrix (BOB, March 2023, Appendix One):\n"
            "emerging, developing, maturing or thriving. --as-of D uses assessments made on or before D;\n"
            "--from D1 --to D2 shows the stage at each date and the change (+1 = one stage further).\n\n"
            "--json prints {\"subjects\": [{\"subject\", \"themes\": [{\"theme\", \"stage\", \"date\",\n"
            "\"evidence\"}]}]}; with --from/--to each theme also has \"from_stage\" and \"change\".\n",
            {{"subject", true}, {"from", true}, {"to", true}, {"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

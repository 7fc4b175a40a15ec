#include "commands.hpp"

#include "pbp/error.hpp"
#include "pbp/fair_shares.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    auto as_of = args.as_of();
    const Money total = parse_money_arg(args.require("total"), "--total");
    std::optional<Money> floor;
    if (auto f = args.get("floor")) floor = parse_money_arg(*f, "--floor");
    const AreaSelection sel = area_option(args, "kind");
    auto m = open_model(args.operands[0], args);
    const FairShares f = fair_shares(*m.model, total, sel, floor, as_of);
    if (args.json()) {
        print_json(to_json(f));
        return 0;
    }
    std::size_t w = 4, mw = 6;
    for (const auto& s : f.shares) {
        w = std::max(w, display_width(s.area));
        mw = std::max(mw, display_width(s.amount.to_display()));
    }
    std::cout << "Fair shares of " << f.total.to_display() << " by population x need"
              << (floor ? ", with a floor of " + floor->to_display() + " per area" : std::string())
              << (as_of ? " on " + to_string(*as_of) : "") << ":\n\n";
    std::cout << pad_right("area", w) << "  " << pad_left("amount", mw) << "  weight\n";
    std::size_t floored = 0;
    for (const auto& s : f.shares) {
        floored += s.floored;
        std::cout << pad_right(s.area, w) << "  " << pad_left(s.amount.to_display(), mw) << "  "
                  << format_decimal(s.weight, 2) << (s.floored ? "  (lifted to the floor in round " + std::to_string(s.round) + ")" : "") << "\n";
    }
    if (floored)
        std::cout << "\n" << floored << " area" << (floored == 1 ? " was" : "s were")
                  << " lifted to the floor; the rest was shared among the others. (Each round shares what is left\n"
                     "among the areas not yet lifted; an area lifted in a later round fell below the floor only\n"
                     "once others had been lifted.)\n";
    return 0;
}
}  // namespace

Command fair_shares_command() {
    return {"fair-shares", "split a budget among areas by population weighted for need",
            "usage: pbp fair-shares MODEL --total T --kind KIND-or-IDS [--within AREA] [--floor X]\n"
            "                       [--as-of YYYY-MM-DD] [--json] [--force]\n\n"
            "Splits the amount T among the areas of KIND (or a comma-separated list of area ids) in\n"
            "proportion to each area's people (the sum over its leaf areas) times its need_index,\n"
            "to the penny: the shares always add up to T exactly.\n\n"
            "--within AREA  only the areas of KIND lying wholly inside AREA.\n"
            "--floor X      no area gets less than X: an area whose share would fall below it gets\n"
            "               exactly X, and the rest is shared again among the others (repeated until\n"
            "               no share falls below). The floors may not exceed T.\n"
            "--as-of D      only the areas and links that exist on day D.\n"
            "--json         prints {\"total\", \"shares\": [{\"area\", \"amount\"}]} sorted by area id.\n\n"
            "example: pbp fair-shares MODEL --total 1000000.00 --kind place --floor 50000.00\n",
            {{"total"}, {"kind"}, {"within"}, {"floor"}, {"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

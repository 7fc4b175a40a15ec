#include "commands.hpp"

#include "pbp/error.hpp"
#include "pbp/geography.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    auto as_of = args.as_of();
    const AreaSelection a = area_option(args, "a"), b = area_option(args, "b");
    auto m = open_model(args.operands[0], args);
    const Coterminosity c = coterminosity(*m.model, a, b, as_of);
    if (args.json()) {
        print_json(to_json(c));
        return 0;
    }
    // Names as well as codes: a national table of ONS codes alone is unreadable.
    const auto name = [&](const std::string& id) { return id.empty() ? std::string("-") : label(*m.model, id); };
    std::size_t w = 4, wb = 10;  // the widths of "area" and "best match"
    for (const auto& r : c.areas) {
        w = std::max(w, display_width(name(r.area)));
        wb = std::max(wb, display_width(name(r.best)));
    }
    std::cout << "Coterminosity" << (as_of ? " on " + to_string(*as_of) : "") << ": "
              << format_percent(c.score) << " of people live in the best-matching area of their own.\n\n";
    std::cout << pad_right("area", w) << "  " << pad_right("best match", wb) << "  " << pad_right("coverage", 9) << "  relation\n";
    for (const auto& r : c.areas)
        std::cout << pad_right(name(r.area), w) << "  " << pad_right(name(r.best), wb) << "  " << pad_right(format_percent(r.coverage), 9) << "  "
                  << to_string(r.relation) << "\n";
    bool heading = false;
    for (const auto& r : c.areas) {
        if (r.relation == AreaRelation::coterminous) continue;
        if (!heading) std::cout << "\nBoundaries that do not line up (people):\n";
        heading = true;
        std::cout << "  " << name(r.area) << " / " << name(r.best) << ": " << format_people(r.overlap)
                  << " in both, " << format_people(r.population - r.overlap) << " only in " << r.area << ", "
                  << format_people(r.best_population - r.overlap) << " only in " << r.best << "\n";
    }
    if (!heading) std::cout << "\nEvery area is coterminous with its best match.\n";
    return 0;
}
}  // namespace

Command coterminosity_command() {
    return {"coterminosity", "how well two sets of areas line up (places and councils...)",
            "usage: pbp coterminosity MODEL --a KIND-or-IDS --b KIND-or-IDS [--within AREA]\n"
            "                         [--as-of YYYY-MM-DD] [--json] [--force]\n\n"
            "Compares the footprints (sets of leaf areas) of two sets of areas. Each side is an area\n"
            "kind (country, region, ics, place, neighbourhood, local_authority, district, ward, lsoa,\n"
            "unit) or a comma-separated list of area ids. For every area of A it names the area of B\n"
            "sharing the most people with it, the share of A's people living there (coverage), and how\n"
            "the two boundaries relate: coterminous, within, contains, overlaps or disjoint. The score\n"
            "is the share of all A's people who live in their area's best match.\n\n"
            "--within AREA  a side given as a kind keeps only areas lying wholly inside AREA.\n"
            "--as-of D      only the areas and links that exist on day D.\n"
            "--json         prints {\"score\", \"areas\": [{\"area\", \"best\", \"coverage\", \"relation\"}]}.\n\n"
            "example: pbp coterminosity MODEL --a place --b local_authority --within ics0\n",
            {{"a"}, {"b"}, {"within"}, {"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

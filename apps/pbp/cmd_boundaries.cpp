#include "commands.hpp"

#include "pbp/error.hpp"
#include "pbp/geography.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
std::string joined(const std::vector<std::string>& v, std::string_view separator = ", ") {
    std::string out;
    for (const auto& s : v) (out += out.empty() ? "" : separator) += s;
    return out;
}

// "Do these areas partition that area?" (no gaps, no overlaps, nothing outside).
int partition(const Args& args, const Model& model, const AreaSelection& parts, const std::string& whole,
              std::optional<Date> as_of) {
    const Partition p = partitions(model, parts, whole, as_of);
    if (args.json()) {
        print_json(to_json(p));
        return 0;
    }
    std::cout << joined(p.parts) << (p.partitions ? " partition " : " do not partition ") << p.whole << ".\n";
    if (!p.gap.empty())
        std::cout << "  gap: " << format_people(p.gap_population) << " people in no part (" << joined(p.gap) << ")\n";
    for (const auto& o : p.overlaps)
        std::cout << "  overlap: " << format_people(o.population) << " people in " << joined(o.areas) << " at once ("
                  << joined(o.leaves) << ")\n";
    for (const auto& s : p.outside)
        std::cout << "  outside: " << format_people(s.population) << " people of " << s.area << " lie outside "
                  << p.whole << " (" << joined(s.leaves) << ")\n";
    return 0;
}

// "Do these units cut those boundaries?" (each unit within one area).
int respect(const Args& args, const Model& model, const AreaSelection& units, const AreaSelection& areas,
            std::optional<Date> as_of) {
    const BoundaryRespect r = respects_boundaries(model, units, areas, as_of);
    if (args.json()) {
        print_json(to_json(r));
        return 0;
    }
    std::cout << (r.respects ? "No unit cuts a boundary: each lies within one area.\n"
                             : "Some units cut a boundary:\n");
    for (const UnitFit& u : r.units) {
        if (u.within) continue;
        // Names as well as codes: national tables of ONS codes alone are unreadable.
        std::vector<std::string> pieces;
        for (const auto& [area, people] : u.pieces) pieces.push_back(format_people(people) + " in " + label(model, area));
        if (u.outside > 0) pieces.push_back(format_people(u.outside) + " in none of them");
        std::cout << "  " << label(model, u.unit) << " is split: " << joined(pieces, "; ") << "\n";
    }
    return 0;
}

int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one MODEL");
    const bool by_parts = args.has("parts") || args.has("whole");
    const bool by_units = args.has("units") || args.has("areas");
    if (by_parts == by_units) throw UsageError("give either --parts and --whole, or --units and --areas");
    auto as_of = args.as_of();
    // Every option is checked before the model is opened: a usage error is exit 2, also for a
    // model with errors (which would otherwise be refused first, exit 1).
    if (by_parts) {
        const AreaSelection parts = area_option(args, "parts");
        const std::string whole = args.require("whole");
        auto m = open_model(args.operands[0], args);
        return partition(args, *m.model, parts, whole, as_of);
    }
    const AreaSelection units = area_option(args, "units"), areas = area_option(args, "areas");
    auto m = open_model(args.operands[0], args);
    return respect(args, *m.model, units, areas, as_of);
}
}  // namespace

Command boundaries_command() {
    return {"boundaries", "do areas partition an area; do units cut other boundaries",
            "usage: pbp boundaries MODEL --parts KIND-or-IDS --whole AREA [--within AREA] [--as-of D] [--json]\n"
            "                      [--force]\n"
            "       pbp boundaries MODEL --units KIND-or-IDS --areas KIND-or-IDS [--within AREA] [--as-of D] [--json]\n"
            "                      [--force]\n\n"
            "With --parts and --whole: whether the parts cover the whole area with no gap, no overlap and\n"
            "nothing outside it, with the people in each gap, overlap and spill (footprints are sets of\n"
            "leaf areas; people are leaf populations).\n"
            "With --units and --areas: whether each unit lies within one area, and for each unit that\n"
            "does not, how its people split across the areas (the Lancashire and South Cumbria review's\n"
            "test that delivery units must not cut district boundaries, 001 5.1.4).\n"
            "A side is an area kind (e.g. place, district) or comma-separated area ids; --within keeps,\n"
            "of a side given as a kind, the areas inside that area. The answer is printed, not the exit\n"
            "status: 0 either way. See docs/geography.md.\n",
            {{"parts", true}, {"whole", true}, {"units", true}, {"areas", true}, {"within", true},
             {"json", false}, {"as-of"}, {"force", false}},
            run};
}

}  // namespace pbp::cli

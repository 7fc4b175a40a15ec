#include "commands.hpp"

#include "pbp/error.hpp"
#include "pbp/import_areas.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one LOOKUP.csv");
    std::optional<std::filesystem::path> population;
    if (auto p = args.get("population")) population = *p;
    ImportedAreas r = import_areas_files(args.operands[0], population, args.get("name"));
    const std::string text = pretty_json(r.model);
    if (write_imported("pbp import-areas", text, r.findings, "problem", "in the input", args)) {
        std::cerr << "pbp import-areas: wrote " << r.areas << " areas (" << r.leaves << " leaves";
        if (population) std::cerr << ", " << r.populated << " with a population";
        std::cerr << ") to " << *args.get("output") << "\n";
    }
    return 0;
}
}  // namespace

Command import_areas_command() {
    return {"import-areas", "build a model of areas from an ONS lookup table (CSV)",
            "usage: pbp import-areas LOOKUP.csv [--population POP.csv] [--name NAME] [-o OUT.json]\n\n"
            "Reads a lookup table as the Office for National Statistics publishes them: a header row,\n"
            "then one row per leaf area. Each level of geography is a group of columns <LEVEL><YY>CD\n"
            "(the ONS code; required), <LEVEL><YY>NM (name) and <LEVEL><YY>CDH (NHS ODS code); the\n"
            "first level in the header is the leaf level. Levels: LSOA OA DZ (lsoa), MSOA SICBL CCG\n"
            "(unit), WD (ward), LAD LTLA (district), UTLA CTY CTYUA (local_authority), ICB STP (ics),\n"
            "NHSER RGN (region), CTRY (country). Each leaf is within every other area on its row; a code\n"
            "at two levels (a unitary authority) is one area of the higher level's kind.\n\n"
            "--population POP.csv  leaf codes in the first column and a column named population,\n"
            "                      total_population, total, all_ages or obs_value (any case).\n"
            "--name NAME           the model's name (default: \"Areas from LOOKUP.csv\").\n"
            "-o, --output OUT      write the model to OUT (default: standard output).\n\n"
            "Rows that disagree, unreadable rows, and leaves without a population (or population codes\n"
            "that are no leaf) are reported on standard error (W501-W505); the model is still written.\n"
            "The model written always validates with no error.\n",
            {{"population"}, {"name"}, {"output", true, 'o'}},
            run};
}

}  // namespace pbp::cli

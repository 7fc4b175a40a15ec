#include "commands.hpp"

#include "pbp/error.hpp"
#include "pbp/import_areas.hpp"
#include "pbp/validate.hpp"

#include <fstream>
#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one LOOKUP.csv");
    std::optional<std::filesystem::path> population;
    if (auto p = args.get("population")) population = *p;
    ImportedAreas r;
    try {
        r = import_areas_files(args.operands[0], population, args.get("name"));
    } catch (const IoError& e) {
        throw UsageError(e.what());
    }
    const std::string text = pretty_json(r.model);

    // SPEC 1.4: the model written must validate with no error. Check rather than trust.
    LoadResult loaded = load_model(text);
    Diagnostics problems = loaded.model ? validate(*loaded.model) : loaded.diagnostics;
    if (!loaded.model || count_errors(problems) > 0) {
        std::cerr << "pbp import-areas: internal error: the model built does not validate:\n";
        print_diagnostics(std::cerr, problems);
        return 1;
    }

    if (!r.findings.empty()) {
        std::cerr << "pbp import-areas: " << r.findings.size() << " problem" << (r.findings.size() == 1 ? "" : "s")
                  << " in the input:\n";
        // The messages name their CSV lines themselves; there is no JSON path to show.
        for (const auto& d : r.findings) std::cerr << "  " << d.code << " " << to_string(d.severity) << ": " << d.message << "\n";
    }
    if (auto out = args.get("output"); out && *out != "-") {
        std::ofstream f(*out, std::ios::binary);
        if (!(f << text) || !f.flush()) throw UsageError("cannot write '" + *out + "'");
        std::cerr << "pbp import-areas: wrote " << r.areas << " areas (" << r.leaves << " leaves";
        if (population) std::cerr << ", " << r.populated << " with a population";
        std::cerr << ") to " << *out << "\n";
    } else {
        std::cout << text;
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

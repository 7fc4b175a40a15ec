// Builds the bundled `england-areas` model at build time: every English LSOA (2021) with its
// mid-2022 population and the areas above it, from the merged ONS lookup that
// data/england/make_lookup.py writes. It is `pbp import-areas` (the same library call) plus
// the provenance and the Open Government Licence attribution in the `notes` of England, and it refuses to
// write a model when the input has a problem other than the one expected: the population file
// covers Wales too, whose LSOAs are no leaves of an English lookup (W504).
//
//   pbp_make_england_areas LOOKUP.csv POPULATION.csv OUT.json
#include "pbp/error.hpp"
#include "pbp/import_areas.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include <exception>
#include <fstream>
#include <iostream>

namespace {
constexpr const char* notes =
    "Every English LSOA (2021) with its mid-2022 population, and the areas above it: sub-ICB "
    "locations and ICBs (April 2024), local authority districts (2024), upper-tier local "
    "authorities (April 2023, through each district, so that every LSOA of a district lies in "
    "its upper tier), NHS England regions and England. Built by pbp import-areas from "
    "data/england/england_lookup.csv (written by data/england/make_lookup.py) and "
    "data/england/ons_lsoa21_population_mid2022_ew.csv; data/england/README.md gives every "
    "file's source. Source: Office for National Statistics licensed under the Open Government "
    "Licence v.3.0. Contains OS data (c) Crown copyright and database right 2024. Contains "
    "information from NHS England, licensed under the current version of the Open Government "
    "Licence. Caveat: LSOA E01027305 (West Northamptonshire 048E) is best-fitted to Cherwell "
    "by the ONS LSOA-ward-LAD 2024 lookup used here and to West Northamptonshire by the ONS "
    "LSOA-UTLA 2023 best-fit lookup; it is the only LSOA on which they disagree.";
}

int main(int argc, char** argv) try {
    if (argc != 4) {
        std::cerr << "usage: pbp_make_england_areas LOOKUP.csv POPULATION.csv OUT.json\n";
        return 2;
    }
    pbp::ImportedAreas r = pbp::import_areas_files(argv[1], std::filesystem::path(argv[2]), "england-areas");
    bool ok = true;
    for (const auto& d : r.findings) {
        std::cerr << "pbp_make_england_areas: " << d.code << ": " << d.message << "\n";
        if (d.code != "W504") ok = false;
    }
    if (r.populated != r.leaves) ok = false;
    // pbp/1 has no top-level notes (an unknown key would be W009): the provenance goes on the
    // country, the one area every other area lies in.
    for (auto& area : r.model.at("areas").as_array())
        if (area.as_object().at("id") == "E92000001") area.as_object()["notes"] = notes;
    const std::string text = pbp::pretty_json(r.model);
    pbp::LoadResult loaded = pbp::load_model(text);
    if (!loaded.model || pbp::count_errors(pbp::validate(*loaded.model)) > 0) ok = false;
    if (!ok) {
        std::cerr << "pbp_make_england_areas: refusing to write " << argv[3] << "\n";
        return 1;
    }
    std::ofstream out(argv[3], std::ios::binary);
    if (!(out << text) || !out.flush()) {
        std::cerr << "pbp_make_england_areas: cannot write " << argv[3] << "\n";
        return 1;
    }
    return 0;
} catch (const std::exception& e) {
    std::cerr << "pbp_make_england_areas: " << e.what() << "\n";
    return 1;
}

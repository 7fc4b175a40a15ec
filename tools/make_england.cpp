// Builds the bundled `england` model at build time: the areas of `england-areas` and the
// organisations of the NHS and local government from the registers in data/england. It is
// `pbp import-ods` (the same library call). Where the registers disagree (W601-W609) the
// findings are real and stay in the model (attrs.register_findings); a row that cannot be read
// (W610) or an area the registers name that england-areas lacks (W611) means the files no longer
// fit together, and then it refuses to write a model, as it does when the model has an error.
//
//   pbp_make_england DATA_DIR ENGLAND-AREAS.json OUT.json
#include "pbp/import_ods.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include <exception>
#include <fstream>
#include <iostream>
#include <map>

int main(int argc, char** argv) try {
    if (argc != 4) {
        std::cerr << "usage: pbp_make_england DATA_DIR ENGLAND-AREAS.json OUT.json\n";
        return 2;
    }
    pbp::LoadResult areas = pbp::load_model_file(argv[2]);
    if (!areas.model || pbp::count_errors(pbp::validate(*areas.model)) > 0) {
        std::cerr << "pbp_make_england: " << argv[2] << " does not load and validate\n";
        return 1;
    }
    pbp::ImportedOrganisations r = pbp::import_ods(pbp::read_ods_registers(argv[1]), *areas.model,
                                                   "England's health and care organisations");
    bool ok = true;
    std::map<std::string, std::size_t> counts;
    for (const auto& d : r.findings) {
        ++counts[d.code];
        if (d.code == "W610" || d.code == "W611") {
            std::cerr << "pbp_make_england: " << d.code << ": " << d.message << "\n";
            ok = false;
        }
    }
    std::cerr << "pbp_make_england: where the registers disagree:";
    for (const auto& [code, n] : counts) std::cerr << " " << code << " " << n;
    std::cerr << (counts.empty() ? " nowhere\n" : " (kept in attrs.register_findings; docs/england.md)\n");
    const std::string text = pbp::pretty_json(r.model);
    pbp::LoadResult loaded = pbp::load_model(text);
    if (!loaded.model) {
        ok = false;
    } else {
        for (const auto& d : pbp::validate(*loaded.model))
            if (d.severity == pbp::Severity::error) {
                std::cerr << "pbp_make_england: " << d.code << " at " << d.path << ": " << d.message << "\n";
                ok = false;
            }
    }
    if (!ok) {
        std::cerr << "pbp_make_england: refusing to write " << argv[3] << "\n";
        return 1;
    }
    std::ofstream out(argv[3], std::ios::binary);
    if (!(out << text) || !out.flush()) {
        std::cerr << "pbp_make_england: cannot write " << argv[3] << "\n";
        return 1;
    }
    return 0;
} catch (const std::exception& e) {
    std::cerr << "pbp_make_england: " << e.what() << "\n";
    return 1;
}

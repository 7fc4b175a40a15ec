#include "commands.hpp"

#include "pbp/error.hpp"
#include "pbp/import_ods.hpp"

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() != 1) throw UsageError("expects one DATA_DIR");
    OdsRegisters registers = read_ods_registers(args.operands[0]);
    // The areas the organisations serve: by default the bundled England map.
    const std::string areas_operand = args.get("areas").value_or(std::string(ods_default_areas));
    auto areas = open_model(areas_operand, args);
    ImportedOrganisations r =
        import_ods(registers, *areas.model, args.get("name").value_or(std::string(ods_default_model_name)));
    const std::string text = pretty_json(r.model);
    if (write_imported("pbp import-ods", text, r.findings, "finding", "where the registers disagree or cannot be read",
                       args)) {
        std::size_t organisations = 0;
        std::string kinds;
        for (const auto& [kind, n] : r.organisations) {
            organisations += n;
            kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
        }
        std::cerr << "pbp import-ods: wrote " << organisations << " organisations (" << kinds << "), " << r.bodies
                  << " bodies and " << r.relations << " relations, on the areas of " << areas_operand << ", to " << *args.get("output")
                  << "\n";
    }
    return 0;
}
}  // namespace

Command import_ods_command() {
    return {"import-ods", "build England's organisations from the ODS registers and ONS lists",
            "usage: pbp import-ods DATA_DIR [--areas MODEL] [--name NAME] [-o OUT.json] [--force]\n\n"
            "Reads the NHS Organisation Data Service extracts and the ONS lists in DATA_DIR (no header\n"
            "row in the ODS extracts: columns by position, as ODS publishes them) and writes one pbp/1\n"
            "model: the areas of MODEL, then Parliament, the Department of Health and Social Care and\n"
            "NHS England with its seven regions (teams); every ICB, serving its ICS area and accountable\n"
            "to NHS England, with its sub-ICB locations (teams); every open NHS trust and foundation\n"
            "trust, serving the ICB area the register places it in; every council, by tier (county,\n"
            "district, unitary), accountable to its electorate; every open primary care network and\n"
            "active GP practice, the practice a member of its network and commissioned by its ICB.\n"
            "ODS codes are the ids (QE1, 00Q, RXN, U12345, P81001); councils are council.<ONS code>.\n\n"
            "Files read from DATA_DIR (the first name that exists):\n"
            "  ods_etr.csv or etr.csv                 NHS trusts (ODS etr)\n"
            "  ods_eccg.csv or eccg.csv               sub-ICB locations (ODS eccg)\n"
            "  ods_epraccur.csv or epraccur.csv       GP practices (ODS epraccur)\n"
            "  ods_epcn_pcn_details.csv               networks (ePCN sheet PCNDetails, with header)\n"
            "  ods_epcn_core_partner_details.csv      memberships (ePCN sheet PCN Core Partner Details)\n"
            "  ons_icb24_names_codes_dec2024_en.csv   ICBs: ICB24CD, ICB24CDH, ICB24NM\n"
            "  sicbl24_icb24_nhser_en.csv             sub-ICB location -> ICB -> NHS England region\n"
            "  ons_ltla23_utla23_ew.csv               lower -> upper tier local authority\n"
            "(each also under a shorter name: see docs/queries/import-ods.md).\n\n"
            "--areas MODEL      the areas (a file or a bundled model; default: england-areas).\n"
            "--name NAME        the model's name.\n"
            "--force            build on an areas MODEL that has errors (refused without it).\n"
            "-o, --output OUT   write the model to OUT (default: standard output).\n\n"
            "Where the registers disagree (a practice whose network sits in another sub-ICB location, a\n"
            "practice in no network, a closed code still referenced, ...) the findings go to standard\n"
            "error with the codes involved (W601-W612) and into attrs.register_findings of the\n"
            "organisation concerned; the model is still written. It always validates with no error.\n"
            "data/england holds every file: pbp import-ods data/england -o england.json\n",
            {{"areas"}, {"name"}, {"output", true, 'o'}, {"force", false}},
            run};
}

}  // namespace pbp::cli

// Models built from official tables through the C API: areas from ONS lookup tables (SPEC 1.4),
// as `pbp import-areas` builds them, and England's organisations from the ODS registers and ONS
// lists, as `pbp import-ods` builds them.
#include "capi.hpp"

#include "pbp/import_areas.hpp"
#include "pbp/import_ods.hpp"
#include "pbp/validate.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <memory>

namespace {

/// Hands out a model and, when asked for, its report, copying both before handing out either, so
/// that a failure leaves both NULL.
void hand_out(char** out_model, char** out_report, const std::string& model, const std::string& report) {
    char* m = pbp::capi::copy_out(model);
    if (out_report) {
        try {
            *out_report = pbp::capi::copy_out(report);
        } catch (...) {
            pbp_free(m);
            throw;
        }
    }
    *out_model = m;
}

}  // namespace

using namespace pbp;
using namespace pbp::capi;

extern "C" {

PBP_C_API int pbp_import_areas(char** out_model, char** out_report, const char* lookup_path,
                               const char* population_path, const char* name, unsigned flags) {
    if (out_report) *out_report = nullptr;
    return guard([&] {
        reset_out(out_model, "out_model");
        std::optional<std::filesystem::path> population;
        if (population_path) population = std::filesystem::path(population_path);
        ImportedAreas r = import_areas_files(std::string(text_arg(lookup_path, "lookup_path")), population,
                                             optional_arg(name));
        std::string model = json_text(r.model, flags);
        std::string report;
        if (out_report) {
            boost::json::array ds;
            for (const auto& d : r.findings) ds.emplace_back(to_json(d));
            boost::json::object o;
            o["diagnostics"] = std::move(ds);
            o["areas"] = r.areas;
            o["leaves"] = r.leaves;
            o["populated"] = r.populated;
            report = json_text(o, flags);
        }
        hand_out(out_model, out_report, model, report);
        return PBP_OK;
    });
}

PBP_C_API int pbp_import_ods(char** out_model, char** out_report, const char* data_dir, const char* areas,
                             const char* name, unsigned flags) {
    if (out_report) *out_report = nullptr;
    return guard([&] {
        reset_out(out_model, "out_model");
        // In the command's order: the registers, then the areas model, refused with errors unless
        // forced (`pbp import-ods --areas MODEL [--force]`).
        const OdsRegisters registers = read_ods_registers(std::string(text_arg(data_dir, "data_dir")));
        const std::string areas_operand = areas ? std::string(areas) : std::string(ods_default_areas);
        const std::unique_ptr<pbp_model, void (*)(pbp_model*)> areas_model(open_handle(areas_operand), pbp_model_free);
        const Model& on = query_model(areas_model.get(), flags, "the areas model '" + areas_operand + "'",
                                      "import on it anyway");
        ImportedOrganisations r =
            import_ods(registers, on, name ? std::string(name) : std::string(ods_default_model_name));
        std::string model = json_text(r.model, flags);
        std::string report;
        if (out_report) {
            boost::json::array ds;
            for (const auto& d : r.findings) ds.emplace_back(to_json(d));
            boost::json::object kinds;
            for (const auto& [kind, n] : r.organisations) kinds[kind] = n;
            boost::json::object o;
            o["diagnostics"] = std::move(ds);
            o["organisations"] = std::move(kinds);
            o["bodies"] = r.bodies;
            o["relations"] = r.relations;
            report = json_text(o, flags);
        }
        hand_out(out_model, out_report, model, report);
        return PBP_OK;
    });
}

}  // extern "C"

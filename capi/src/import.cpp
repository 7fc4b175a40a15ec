// Areas from ONS lookup tables (SPEC 1.4) through the C API, as `pbp import-areas` builds them.
#include "capi.hpp"

#include "pbp/import_areas.hpp"
#include "pbp/validate.hpp"

#include <boost/json.hpp>

#include <filesystem>

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
        // Copy both before handing either out, so that a failure leaves both NULL.
        char* m = copy_out(model);
        if (out_report) {
            try {
                *out_report = copy_out(report);
            } catch (...) {
                pbp_free(m);
                throw;
            }
        }
        *out_model = m;
        return PBP_OK;
    });
}

}  // extern "C"

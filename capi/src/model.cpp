// Loading, saving, validating, exporting and reporting models through the C API.
#include "capi.hpp"

#include "pbp/bundled.hpp"
#include "pbp/error.hpp"
#include "pbp/export.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"
#include "pbp/report_html.hpp"
#include "pbp/validate.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <memory>

namespace pbp::capi {

pbp_model* make_handle(LoadResult result) {
    if (!result.model) {
        // Only E001 (not JSON), E002 (not pbp/1) and a file past a limit (E010-E014,
        // docs/limits.md) leave no model.
        std::string message = "the model cannot be loaded";
        if (!result.diagnostics.empty()) {
            const Diagnostic& d = result.diagnostics.front();
            message = d.code;
            if (d.line) message += " at line " + std::to_string(*d.line) + ", column " + std::to_string(d.column.value_or(1));
            message += ": " + d.message;
        }
        throw Failure{PBP_ERR_PARSE, std::move(message), std::move(result.diagnostics)};
    }
    auto h = std::make_unique<pbp_model>();
    h->model = std::move(result.model);
    h->diagnostics = validate(*h->model);  // once: queries consult it to refuse a model with errors
    h->errors = count_errors(h->diagnostics);
    h->magic = kModelMagic;
    return h.release();
}

namespace {
std::string bundled_names_sentence() {
    std::string names;
    for (auto n : bundled_model_names()) names += (names.empty() ? "" : ", ") + std::string(n);
    return names.empty() ? "none" : names;
}

pbp_model* load_bundled(std::string_view name) {
    auto text = bundled_model(name);
    if (!text)
        throw Failure{PBP_ERR_NOT_FOUND, "there is no bundled model '" + std::string(name) +
                                             "' (bundled: " + bundled_names_sentence() + ")"};
    return make_handle(load_model(*text));
}

}  // namespace

pbp_model* open_handle(std::string_view path_or_name) {
    const std::string operand(path_or_name);
    // As the command line: anything that exists and is not a directory (a file, a pipe such as
    // /dev/fd/63, a device) is read no further than the size limit (E010 past it).
    std::error_code ec;
    const auto status = std::filesystem::status(operand, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_directory(status))
        return make_handle(load_model_file(operand));
    if (bundled_model(operand)) return load_bundled(operand);
    if (std::filesystem::is_directory(status))
        throw Failure{PBP_ERR_IO, "'" + operand + "' is a directory, not a model file"};
    throw Failure{PBP_ERR_NOT_FOUND, "no file '" + operand + "' and no bundled model of that name (bundled: " +
                                         bundled_names_sentence() + ")"};
}

namespace {
/// Runs `body` with `*out` cleared first and set only on success.
template <class Body>
int loader(pbp_model** out, Body&& body) noexcept {
    return guard([&] {
        reset_out(out, "out");
        *out = body();
        return PBP_OK;
    });
}
}  // namespace

}  // namespace pbp::capi

using namespace pbp;
using namespace pbp::capi;

extern "C" {

PBP_C_API int pbp_model_load(pbp_model** out, const char* path) {
    return loader(out, [&] { return make_handle(load_model_file(std::string(text_arg(path, "path")))); });
}

PBP_C_API int pbp_model_load_text(pbp_model** out, const char* text, size_t length) {
    return loader(out, [&] {
        if (!text && length > 0) throw Failure{PBP_ERR_INVALID_ARGUMENT, "text is NULL"};
        return make_handle(load_model(std::string_view(text ? text : "", length)));
    });
}

PBP_C_API int pbp_model_load_bundled(pbp_model** out, const char* name) {
    return loader(out, [&] { return load_bundled(text_arg(name, "name")); });
}

PBP_C_API int pbp_model_open(pbp_model** out, const char* path_or_name) {
    return loader(out, [&] { return open_handle(text_arg(path_or_name, "path_or_name")); });
}

PBP_C_API int pbp_bundled_models(char** out_json) {
    return guard([&] {
        reset_out(out_json, "out_json");
        boost::json::array names;
        for (auto n : bundled_model_names()) names.emplace_back(n);
        *out_json = copy_out(boost::json::serialize(names));
        return PBP_OK;
    });
}

PBP_C_API void pbp_model_free(pbp_model* model) {
    if (!model || model->magic != kModelMagic) return;
    model->magic = 0;  // a second free, or use after free, is then caught as an invalid handle
    delete model;
}

PBP_C_API int pbp_model_name(char** out, const pbp_model* model) {
    return guard([&] {
        reset_out(out, "out");
        *out = copy_out(handle(model).model->name);
        return PBP_OK;
    });
}

PBP_C_API int pbp_model_diagnostic_counts(size_t* out_errors, size_t* out_warnings, const pbp_model* model) {
    if (out_errors) *out_errors = 0;
    if (out_warnings) *out_warnings = 0;
    return guard([&] {
        const pbp_model& h = handle(model);
        if (out_errors) *out_errors = h.errors;
        if (out_warnings) *out_warnings = h.diagnostics.size() - h.errors;
        return PBP_OK;
    });
}

PBP_C_API int pbp_model_validate(char** out_json, const pbp_model* model, unsigned flags) {
    return guard([&] {
        reset_out(out_json, "out_json");
        *out_json = copy_out(json_text(to_json(handle(model).diagnostics), flags));
        return PBP_OK;
    });
}

PBP_C_API int pbp_model_save(const pbp_model* model, const char* path) {
    return guard([&] {
        const pbp_model& h = handle(model);
        save_model_file(*h.model, std::string(text_arg(path, "path")));
        return PBP_OK;
    });
}

PBP_C_API int pbp_model_export(char** out, const pbp_model* model, const char* format, const char* as_of) {
    return guard([&] {
        reset_out(out, "out");
        const Model& m = *handle(model).model;
        const std::string_view f = format ? std::string_view(format) : std::string_view("json");
        const auto day = date_arg(as_of, "as_of");
        if (f == "json") {
            if (day)
                throw Failure{PBP_ERR_INVALID_ARGUMENT,
                              "as_of applies to dot and graphml; json is always the whole model"};
            *out = copy_out(save_model(m));
        } else if (f == "dot") {
            *out = copy_out(to_dot(m, day));
        } else if (f == "graphml") {
            *out = copy_out(to_graphml(m, day));
        } else {
            throw Failure{PBP_ERR_INVALID_ARGUMENT, "format must be json, dot or graphml, not '" + std::string(f) + "'"};
        }
        return PBP_OK;
    });
}

PBP_C_API int pbp_model_report(char** out, const pbp_model* model, const char* as_of) {
    return guard([&] {
        reset_out(out, "out");
        const pbp_model& h = handle(model);
        *out = copy_out(report(*h.model, h.diagnostics, date_arg(as_of, "as_of")));
        return PBP_OK;
    });
}

PBP_C_API int pbp_model_report_html(char** out, const pbp_model* model, const char* as_of) {
    return guard([&] {
        reset_out(out, "out");
        const pbp_model& h = handle(model);
        *out = copy_out(report_html(*h.model, h.diagnostics, date_arg(as_of, "as_of")));
        return PBP_OK;
    });
}

}  // extern "C"

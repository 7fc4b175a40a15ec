// Internals of the C API: the model handle, the thread-local last error, the one guard every
// entry point goes through, and argument helpers. Nothing here is visible outside libpbp_c.
//
// Shape taken from GEOS (capi/geos_ts_c.cpp: every entry point runs its C++ in a lambda inside
// one template that catches everything) and libgit2 (a thread-local last error that is never
// NULL; out-parameters first; negative status codes).
#pragma once

#include "pbp/pbp.h"

#include "pbp/date.hpp"
#include "pbp/diagnostics.hpp"
#include "pbp/footprint_cache.hpp"
#include "pbp/load.hpp"
#include "pbp/model.hpp"
#include "pbp/money.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

/// The opaque handle behind `pbp_model*`: a loaded model, shared so that the C++ value is never
/// copied, and the diagnostics validate() found once while loading (queries consult them to
/// refuse a model with errors, as the command line does). The model never changes after loading,
/// so the footprints of each day asked about are computed once and shared by every geographic
/// query on the handle, from any thread.
struct pbp_model {
    /// Set while the handle is alive and cleared by pbp_model_free(), so that a pointer that is
    /// not (or no longer) a model is usually caught as an invalid argument instead of crashing.
    std::uint64_t magic = 0;
    std::shared_ptr<const pbp::Model> model;
    pbp::Diagnostics diagnostics;
    std::size_t errors = 0;
    mutable pbp::FootprintCache footprints;
};

namespace pbp::capi {

inline constexpr std::uint64_t kModelMagic = 0x7062702d6d6f646cULL;  // "pbp-modl"

/// A failure the C layer itself decides on, with its status and, when a model's problems are
/// the cause, the diagnostics behind it. Thrown inside the guard only.
struct Failure {
    int status;
    std::string message;
    Diagnostics diagnostics;  ///< reported through pbp_last_error_diagnostics()

    Failure(int s, std::string m, Diagnostics ds = {}) : status(s), message(std::move(m)), diagnostics(std::move(ds)) {}
};

/// Records a failure as this thread's last error and returns its status.
int fail(int status, std::string message, const Diagnostics& diagnostics = {}) noexcept;
/// Records success as this thread's last error.
void succeed() noexcept;

/// The status for the exception being handled (called from a catch block), recorded as the last
/// error. Never throws.
int fail_current_exception() noexcept;

/// Runs `body` (which returns a status) so that no exception ever leaves: each C++ exception
/// becomes a status and this thread's last error. Every entry point that returns a status goes
/// through here and nowhere else.
template <class Body>
int guard(Body&& body) noexcept {
    try {
        const int status = body();
        if (status == PBP_OK) succeed();
        return status;
    } catch (...) {
        return fail_current_exception();
    }
}

/// Clears an out-parameter first thing, so that it is NULL on every failure; throws an invalid
/// argument naming it when the caller passed no place to put the result.
template <class T>
void reset_out(T** out, const char* name) {
    if (!out) throw Failure{PBP_ERR_INVALID_ARGUMENT, std::string(name) + " is NULL: pass the address of a pointer to receive the result"};
    *out = nullptr;
}

/// Copies text into a buffer from malloc, freed by pbp_free(). @throws std::bad_alloc.
char* copy_out(std::string_view text);

/// The JSON text of a result: compact, or indented like the command line with #PBP_PRETTY.
std::string json_text(const boost::json::value& v, unsigned flags);

/// The model behind a handle. @throws Failure (invalid argument) for NULL or a pointer that is
/// not a live model.
const pbp_model& handle(const pbp_model* m);

/// The model behind a handle for a query: as handle(), and refused (model has errors) unless
/// #PBP_FORCE is in `flags`, as `pbp COMMAND` refuses without `--force`. `what` names the model
/// and `use` what PBP_FORCE would do with it, in the refusal's message.
const Model& query_model(const pbp_model* m, unsigned flags, std::string_view what = "the model",
                         std::string_view use = "query it anyway");

/// A required string argument. @throws Failure naming `what` when NULL.
std::string_view text_arg(const char* s, const char* what);
/// An optional string argument (NULL = not given).
std::optional<std::string> optional_arg(const char* s);
/// An optional `YYYY-MM-DD` date (NULL = none). @throws Failure when malformed.
std::optional<Date> date_arg(const char* s, const char* what);
/// A required `YYYY-MM-DD` date. @throws Failure when NULL or malformed.
Date required_date_arg(const char* s, const char* what);
/// A financial year `YYYY/YY`. @throws Failure when NULL or malformed.
FinancialYear year_arg(const char* s, const char* what);
/// A money string in the strict form of SPEC 1.3. @throws Failure when NULL or malformed.
Money money_arg(const char* s, const char* what);
/// An amount of pence as a decimal integer string. @throws Failure when NULL or malformed;
/// Overflow beyond Money's range.
Money pence_arg(const char* s, const char* what);
/// The id of an entity that exists on `as_of`. @throws Failure (not found) naming the id.
Index id_arg(const Model& m, const char* id, std::optional<Date> as_of, const char* what);

/// A new handle on a model named as the command line names one (pbp_model_open()): a file, or
/// else a bundled model. @throws Failure (parse, not found, I/O) or IoError, as pbp_model_open()
/// fails.
pbp_model* open_handle(std::string_view path_or_name);

/// Wraps a new handle around a load result: a model (validated once here), or a parse failure
/// carrying the load's diagnostics.
/// @throws Failure (parse) when there is no model.
pbp_model* make_handle(LoadResult result);

/// Runs one query: checks `out_json`, the handle and the force flag, then writes the JSON
/// `query(model)` returns. Adding a query to the C API is one call of this.
template <class Query>
int run_query(char** out_json, const pbp_model* m, unsigned flags, Query&& query) noexcept {
    return guard([&] {
        reset_out(out_json, "out_json");
        const Model& model = query_model(m, flags);
        *out_json = copy_out(json_text(query(model), flags));
        return PBP_OK;
    });
}

}  // namespace pbp::capi

/**
 * @file pbp.h
 * @brief The C API of pbp: models of England's place-based health and care partnerships
 * (SPEC 4.2). This header is the library's compatibility promise; the C++ API may change.
 *
 * Conventions (docs/c-api.md has the whole story):
 * - Names are `pbp_<noun>_<verb>`. Every function that can fail returns an `int` status:
 *   #PBP_OK (0) or a negative `PBP_ERR_*` code, never anything else. Results come back
 *   through out-parameters, which come first.
 * - On failure, pbp_last_error() (thread-local, never NULL) says what went wrong, in a
 *   sentence naming the ids involved; pbp_last_error_diagnostic() gives the diagnostic code
 *   (`"E001"`, ...) when a model's problem is the cause.
 * - Every `char*` the library hands out belongs to the caller and is freed with pbp_free(),
 *   never with the C library's free(). Every `pbp_model*` is freed with pbp_model_free().
 *   Both accept NULL. On failure every out-parameter is set to NULL (or 0).
 * - Strings are UTF-8 and NUL-terminated unless a length is passed. Money always crosses as
 *   a decimal string (`"1234.50"`), never as a floating-point number. Dates are
 *   `"YYYY-MM-DD"`, financial years `"2023/24"`; NULL means "not given".
 * - Query results are JSON text whose keys are those of SPEC section 2 (the same document
 *   `pbp COMMAND --json` prints).
 * - A loaded model never changes: any number of threads may query one model at once.
 *
 * The header is C99 (it compiles with `-std=c99 -pedantic -Wall -Wextra -Werror`) and holds no
 * C++ or Boost types.
 */
#ifndef PBP_PBP_H
#define PBP_PBP_H

#include <stddef.h>

/* The version of this header. pbp_version_number() gives the version of the library actually
 * loaded, which a binding compares against the version it was written for. */
#define PBP_VERSION_MAJOR 0
#define PBP_VERSION_MINOR 1
#define PBP_VERSION_PATCH 0
/** One integer that orders versions: major * 10000 + minor * 100 + patch. */
#define PBP_VERSION_NUMBER (PBP_VERSION_MAJOR * 10000 + PBP_VERSION_MINOR * 100 + PBP_VERSION_PATCH)
/** True when this header is at least version major.minor.patch. */
#define PBP_AT_LEAST_VERSION(major, minor, patch) \
    (PBP_VERSION_NUMBER >= ((major) * 10000 + (minor) * 100 + (patch)))

#if defined(_WIN32) && !defined(PBP_C_STATIC)
#  if defined(PBP_C_BUILDING)
#    define PBP_C_API __declspec(dllexport)
#  else
#    define PBP_C_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define PBP_C_API __attribute__((visibility("default")))
#else
#  define PBP_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------
 * Status codes. Every fallible function returns one of these; 0 is success, every failure is
 * negative. The numbers never change meaning; new codes may be added below -8.
 * ---------------------------------------------------------------------------------------- */

/** Success. */
#define PBP_OK 0
/** An argument is NULL, malformed (a date, a year, an amount, a weight, a format), or not
 *  acceptable to the query (an id of the wrong kind, an empty list of areas, ...). */
#define PBP_ERR_INVALID_ARGUMENT (-1)
/** The model text cannot be loaded: it is not JSON (E001), not `pbp/1` (E002), or past one of
 *  the limits of docs/limits.md (E010-E014). pbp_last_error_diagnostics() lists why. */
#define PBP_ERR_PARSE (-2)
/** A query was refused because the model has errors (pass #PBP_FORCE to ask anyway, as
 *  `--force` does on the command line). pbp_last_error_diagnostics() lists the errors. */
#define PBP_ERR_MODEL_HAS_ERRORS (-3)
/** An id (node, function, place, area) that is not in the model or does not exist on the
 *  as-of day, or a bundled model name that does not exist. */
#define PBP_ERR_NOT_FOUND (-4)
/** A file could not be read or written. */
#define PBP_ERR_IO (-5)
/** Exact money arithmetic would leave the range the library holds (beyond 2^127 pence). */
#define PBP_ERR_OVERFLOW (-6)
/** The library ran out of memory. */
#define PBP_ERR_NO_MEMORY (-7)
/** A bug in pbp: please report it, with pbp_last_error(). */
#define PBP_ERR_INTERNAL (-8)

/* ------------------------------------------------------------------------------------------
 * Flags for queries (combine with |).
 * ---------------------------------------------------------------------------------------- */

/** Answer even when the model has errors (the command line's `--force`). Without it a query on
 *  a model with errors fails with #PBP_ERR_MODEL_HAS_ERRORS. */
#define PBP_FORCE 1u
/** Indent the JSON result by two spaces, one key per line, with a final newline (as the
 *  command line prints it). Without it the JSON is compact, on one line. */
#define PBP_PRETTY 2u

/** Money formats for pbp_money_format(). */
#define PBP_MONEY_PLAIN 0   /**< machine form: `"-1234.50"` */
#define PBP_MONEY_DISPLAY 1 /**< for people: `"-£1,234.50"` */

/** A loaded model. Opaque; immutable once loaded; freed with pbp_model_free(). */
typedef struct pbp_model pbp_model;

/* ------------------------------------------------------------------------------------------
 * Version, errors and memory. These never fail and never change the last error.
 * ---------------------------------------------------------------------------------------- */

/** The version of the loaded library, `"MAJOR.MINOR.PATCH"`. Static storage: do not free. */
PBP_C_API const char *pbp_version(void);

/** The version of the loaded library as one integer (major * 10000 + minor * 100 + patch), to
 *  compare with #PBP_VERSION_NUMBER. */
PBP_C_API int pbp_version_number(void);

/** A short description of a status code (`"invalid argument"`, ...); `"unknown status"` for a
 *  number that is not one. Static storage: do not free. */
PBP_C_API const char *pbp_status_string(int status);

/** The message of the last failure on this thread, naming the ids and, for a model's problem,
 *  starting with its diagnostic code (`"E001 at line 3, column 7: ..."`). `"no error"` when
 *  the last call that returns a status succeeded. Never NULL. Borrowed: valid until the next
 *  call on this thread of a function that returns a status. */
PBP_C_API const char *pbp_last_error(void);

/** The status returned by the last call on this thread of a function that returns a status
 *  (#PBP_OK when it succeeded). */
PBP_C_API int pbp_last_error_code(void);

/** The diagnostic code behind the last failure on this thread (`"E001"`, `"E002"`, or the
 *  first error's code when a query was refused), or `""` when none. Never NULL. Borrowed, as
 *  pbp_last_error(). */
PBP_C_API const char *pbp_last_error_diagnostic(void);

/** The diagnostics behind the last failure on this thread as a JSON array (each
 *  `{"code", "severity", "message", "ids", "path", "line", "column"}`), `"[]"` when none.
 *  Never NULL. Borrowed, as pbp_last_error(). */
PBP_C_API const char *pbp_last_error_diagnostics(void);

/** Frees a buffer the library returned. NULL is accepted and ignored. Use this, never the C
 *  library's free(): the library and its caller may not share an allocator. */
PBP_C_API void pbp_free(void *buffer);

/* ------------------------------------------------------------------------------------------
 * Loading and saving models.
 *
 * A model loads unless its text is not JSON or UTF-8 (E001), not `pbp/1` (E002) or past one of
 * the limits of a whole file (E010-E014, docs/limits.md): every other problem is a diagnostic, and the model is validated once while loading (pbp_model_validate()).
 * ---------------------------------------------------------------------------------------- */

/** Loads a model from a file.
 *  @param out receives a new model, owned by the caller (pbp_model_free()); NULL on failure.
 *  @return #PBP_OK; #PBP_ERR_IO when the file cannot be read; #PBP_ERR_PARSE on E001, E002 or E010-E014. */
PBP_C_API int pbp_model_load(pbp_model **out, const char *path);

/** Loads a model from `length` bytes of UTF-8 JSON text (need not be NUL-terminated).
 *  Comments and trailing commas are accepted.
 *  @return #PBP_OK; #PBP_ERR_PARSE on E001, E002 or E010-E014. */
PBP_C_API int pbp_model_load_text(pbp_model **out, const char *text, size_t length);

/** Loads a model compiled into the library by name, e.g. `"nottinghamshire"`.
 *  @return #PBP_OK; #PBP_ERR_NOT_FOUND when there is no bundled model of that name. */
PBP_C_API int pbp_model_load_bundled(pbp_model **out, const char *name);

/** Loads a model as the command line opens its MODEL operand: a file when `path_or_name`
 *  names one (or a pipe or device, read no further than the size limit), otherwise the
 *  bundled model of that name.
 *  @return #PBP_OK; #PBP_ERR_IO when it is a directory; #PBP_ERR_NOT_FOUND when it is
 *  neither; otherwise as pbp_model_load(). */
PBP_C_API int pbp_model_open(pbp_model **out, const char *path_or_name);

/** The names of the bundled models as a JSON array of strings, sorted. Free with pbp_free(). */
PBP_C_API int pbp_bundled_models(char **out_json);

/** Frees a model. NULL is accepted and ignored. A model must not be used after this, and must
 *  not be freed while another thread is still querying it. */
PBP_C_API void pbp_model_free(pbp_model *model);

/** The model's `name`. Free with pbp_free(). */
PBP_C_API int pbp_model_name(char **out, const pbp_model *model);

/** How many errors and warnings validation found in the model. Either out-parameter may be
 *  NULL when not wanted. */
PBP_C_API int pbp_model_diagnostic_counts(size_t *out_errors, size_t *out_warnings, const pbp_model *model);

/** Every diagnostic (SPEC 3) as `{"diagnostics": [...], "errors": n, "warnings": n}`, as
 *  `pbp validate --json` prints it. Never refused. `flags`: #PBP_PRETTY. */
PBP_C_API int pbp_model_validate(char **out_json, const pbp_model *model, unsigned flags);

/** Writes the model as loaded (every entity, relation, field and unknown key kept, numbers
 *  digit for digit; comments and layout are not) to a file.
 *  @return #PBP_OK; #PBP_ERR_IO when the file cannot be written. */
PBP_C_API int pbp_model_save(const pbp_model *model, const char *path);

/** The model as text, as `pbp export` writes it: `format` `"json"` (also when NULL; the normalised model, as
 *  pbp_model_save() writes it; `as_of` must then be NULL), `"dot"` (a Graphviz diagram) or
 *  `"graphml"`. `as_of` (NULL for everything) limits the diagrams to one day. Never refused. */
PBP_C_API int pbp_model_export(char **out, const pbp_model *model, const char *format, const char *as_of);

/** The readable summary `pbp report` prints, problems included (never refused). */
PBP_C_API int pbp_model_report(char **out, const pbp_model *model, const char *as_of);

/** The report as one self-contained HTML5 page, as `pbp report --html` writes it: diagrams of
 *  accountability and delegation per place (laid out by Graphviz) and of each year's money, the
 *  decides matrix, places against councils and every problem; inline CSS and SVG only. `as_of`
 *  is `"YYYY-MM-DD"` or NULL. Never refused for a model's errors (they are listed). Fails with
 *  #PBP_ERR_INVALID_ARGUMENT for a NULL or malformed argument, or when the library was built
 *  without the HTML report (-DPBP_HTML_REPORT=OFF; pbp_last_error() says so). */
PBP_C_API int pbp_model_report_html(char **out, const pbp_model *model, const char *as_of);

/* ------------------------------------------------------------------------------------------
 * Queries (SPEC section 2). Each writes a JSON document to `*out_json` (free with pbp_free())
 * with the keys of SPEC 4.1. `as_of` is `"YYYY-MM-DD"` or NULL (no date: everything, whatever
 * its dates). `flags`: #PBP_FORCE, #PBP_PRETTY.
 * Failures: #PBP_ERR_INVALID_ARGUMENT (NULL or malformed argument), #PBP_ERR_NOT_FOUND (an id
 * not in the model on that day), #PBP_ERR_MODEL_HAS_ERRORS (without #PBP_FORCE).
 * ---------------------------------------------------------------------------------------- */

/** Who `node` answers to (SPEC 2.1): `{"node", "chain", "reachable", "apexes"}`. */
PBP_C_API int pbp_model_accountability(char **out_json, const pbp_model *model, const char *node,
                                       const char *as_of, unsigned flags);

/** Who each of many nodes answers to, in one call (the batch form of pbp_model_accountability()):
 *  a JSON array with one `{"node", "chain", "reachable", "apexes"}` per node, in the order given.
 *  @param nodes_json a JSON array of ids (`["icb.a", "trust.b"]`), or NULL for every
 *         organisation, body and post existing on `as_of`, in byte-wise order of their ids.
 *  @return #PBP_ERR_INVALID_ARGUMENT when `nodes_json` is not an array of strings;
 *          #PBP_ERR_NOT_FOUND naming the first id not in the model on that day (nothing is
 *          answered then). */
PBP_C_API int pbp_model_accountability_batch(char **out_json, const pbp_model *model, const char *nodes_json,
                                             const char *as_of, unsigned flags);

/** Who decides `function` at `place` and who answers for it (SPEC 2.2): `{"function", "place",
 *  "holder", "decision_maker", "delegation_chain", "accountability_chain", "limit"}`. */
PBP_C_API int pbp_model_decides(char **out_json, const pbp_model *model, const char *function,
                                const char *place, const char *as_of, unsigned flags);

/** Who decides `function` at each of many places, in one call (the batch form of
 *  pbp_model_decides(): a row of the decides matrix): a JSON array with one answer per place, in
 *  the order given.
 *  @param places_json a JSON array of area ids, or NULL for every area of kind `place` existing
 *         on `as_of`, in byte-wise order of their ids.
 *  @return as pbp_model_accountability_batch() for the list; otherwise as pbp_model_decides(). */
PBP_C_API int pbp_model_decides_batch(char **out_json, const pbp_model *model, const char *function,
                                      const char *places_json, const char *as_of, unsigned flags);

/** Who may approve a single commitment of `amount` (a money string) for `function` at `place`
 *  (SPEC 2.2): `{"function", "place", "amount", "approver", "effective_limit", "chain"}`. */
PBP_C_API int pbp_model_authority(char **out_json, const pbp_model *model, const char *function,
                                  const char *place, const char *amount, const char *as_of, unsigned flags);

/** What every node received and paid out in financial year `year` (`"2023/24"`, SPEC 2.3):
 *  `{"year", "nodes": [{"id", "inflow", "outflow", "net"}]}`. */
PBP_C_API int pbp_model_balances(char **out_json, const pbp_model *model, const char *year, unsigned flags);

/** Where `node`'s money in `year` came from (SPEC 2.3): `{"node", "year", "total",
 *  "sources": [{"source", "amount"}]}`. */
PBP_C_API int pbp_model_trace(char **out_json, const pbp_model *model, const char *node, const char *year,
                              unsigned flags);

/** How well two sets of areas line up (SPEC 2.4): `{"score", "areas": [{"area", "best",
 *  "coverage", "relation"}]}`. `a` and `b` are each an area kind (`"place"`) or area ids
 *  separated by commas (`"E08000001,E08000002"`); `within` (an area id, or NULL) restricts a
 *  side given as a kind to the areas inside it. */
PBP_C_API int pbp_model_coterminosity(char **out_json, const pbp_model *model, const char *a, const char *b,
                                      const char *within, const char *as_of, unsigned flags);

/** Who the organisation or area `node` (an ICB, say) must work with: every upper-tier council
 *  (county council or unitary authority) whose footprint overlaps its own, with the people they
 *  share (`pbp partners`): `{"node", "areas", "population", "uncovered", "councils": [{"council",
 *  "areas", "population", "overlap", "share", "whole"}]}`; populations are JSON integers, `share`
 *  a decimal string with 4 places. */
PBP_C_API int pbp_model_partners(char **out_json, const pbp_model *model, const char *node, const char *as_of,
                                 unsigned flags);

/** Whether the areas `parts` (a kind or comma-separated ids, as for coterminosity) cover the
 *  area `whole` with no gap, no overlap and nothing outside it: `{"whole", "parts",
 *  "partitions", "gap": {"leaves", "population"}, "overlaps": [...], "outside": [...]}`. */
PBP_C_API int pbp_model_partitions(char **out_json, const pbp_model *model, const char *parts, const char *whole,
                                   const char *within, const char *as_of, unsigned flags);

/** Whether each of the areas `units` lies within one of the areas `areas` (does a unit cut a
 *  boundary? 001 5.1.4): `{"respects", "units": [{"unit", "within", "pieces": [{"area",
 *  "population"}], "outside"}]}`. */
PBP_C_API int pbp_model_boundaries(char **out_json, const pbp_model *model, const char *units, const char *areas,
                                   const char *within, const char *as_of, unsigned flags);

/** Splits the money `total` among areas by population x need (SPEC 1.3, 2.6.9):
 *  `{"total", "shares": [{"area", "amount"}]}`. `areas` is an area kind or comma-separated
 *  ids as for coterminosity; `within` and `floor` (a money string) may be NULL. */
PBP_C_API int pbp_model_fair_shares(char **out_json, const pbp_model *model, const char *total, const char *areas,
                                    const char *within, const char *floor, const char *as_of, unsigned flags);

/** Where decisions on every function with a service area are taken, place by place (SPEC 2.4):
 *  `{"as_of", "designations": [{"function", "service_area", "place", "level",
 *  "decision_maker"}]}`, `level` being `"place"`, `"system"` or `"not_delegated"`. */
PBP_C_API int pbp_model_designation(char **out_json, const pbp_model *model, const char *as_of, unsigned flags);

/** What changed between two days (SPEC 2.5): `{"from", "to", "entities": {"appeared",
 *  "disappeared"}, "relations": {"appeared", "disappeared"}, "decisions": [{"function", "place",
 *  "before", "after"}]}`. `from` and `to` are `"YYYY-MM-DD"`, both required. */
PBP_C_API int pbp_model_diff(char **out_json, const pbp_model *model, const char *from, const char *to,
                             unsigned flags);

/** Maturity self-assessments (the place-based partnership maturity matrix), as `pbp maturity
 *  --json` prints them: `{"subjects": [{"subject", "themes": [{"theme", "stage", "date",
 *  "evidence"}]}]}`. `subject` (a body or area id, or NULL for every subject assessed); either
 *  `as_of` (assessments made on or before that day; NULL for the latest) or `from` and `to`
 *  together (the stage at each date and the change: each theme then also has `"from_stage"` and
 *  `"change"`). */
PBP_C_API int pbp_model_maturity(char **out_json, const pbp_model *model, const char *subject, const char *as_of,
                                 const char *from, const char *to, unsigned flags);

/* ------------------------------------------------------------------------------------------
 * Money (SPEC 1.3). Amounts cross as strings: a money string `-?[0-9]+(\.[0-9]{1,2})?`, or an
 * exact count of pence as a decimal integer string (`"-123450"`) for bindings that keep money
 * in their own big integers.
 * ---------------------------------------------------------------------------------------- */

/** Parses a money string strictly (SPEC 1.3) into pence: `"12.3"` gives `"1230"`.
 *  @return #PBP_ERR_INVALID_ARGUMENT for anything else (more decimals, exponents, spaces);
 *  #PBP_ERR_OVERFLOW beyond pbp_money_max_pence(). */
PBP_C_API int pbp_money_parse(char **out_pence, const char *text);

/** Formats pence (a decimal integer string) as money: #PBP_MONEY_PLAIN `"1234.50"` (zero is
 *  `"0.00"`) or #PBP_MONEY_DISPLAY `"£1,234.50"`. */
PBP_C_API int pbp_money_format(char **out, const char *pence, int style);

/** Rounds pence to `places` decimal places of a pound (0, 1 or 2) with a rounding mode of SPEC
 *  1.3 (`"half_even"` when NULL; `"half_up"`, `"half_down"`, `"down"`, `"up"`, `"floor"`,
 *  `"ceiling"`), giving pence. */
PBP_C_API int pbp_money_round(char **out_pence, const char *pence, int places, const char *mode);

/** The largest number of pence the library holds, 2^127 - 1, as a decimal integer string:
 *  money (and pence) between minus this and this is accepted everywhere; beyond it is
 *  #PBP_ERR_OVERFLOW, never a wrap. */
PBP_C_API int pbp_money_max_pence(char **out_pence);

/** Splits the money string `total` into pence shares proportional to `count` weights (each a
 *  whole or decimal number such as `"3"` or `"0.25"`, none negative, at least one positive),
 *  SPEC 1.3: `{"total", "shares": [...]}` with one money string per weight, in order; the
 *  shares sum to the total exactly. `flags`: #PBP_PRETTY. */
PBP_C_API int pbp_allocate(char **out_json, const char *total, const char *const *weights, size_t count,
                           unsigned flags);

/* ------------------------------------------------------------------------------------------
 * Areas from ONS lookup tables (SPEC 1.4).
 * ---------------------------------------------------------------------------------------- */

/** Builds a `pbp/1` model of areas from an ONS lookup table file, as `pbp import-areas` does.
 *  @param out_model receives the model as JSON text (load it with pbp_model_load_text(), or
 *         write it to a file).
 *  @param out_report receives `{"diagnostics": [...], "areas": n, "leaves": n,
 *         "populated": n}`: problems found in the input (W501-W505) and what was built. May be
 *         NULL when not wanted.
 *  @param population_path a population CSV, or NULL. @param name the model's name, or NULL.
 *  `flags`: #PBP_PRETTY (applies to both documents). */
PBP_C_API int pbp_import_areas(char **out_model, char **out_report, const char *lookup_path,
                               const char *population_path, const char *name, unsigned flags);

/* ------------------------------------------------------------------------------------------
 * England's organisations from the NHS ODS registers and ONS lists (docs/queries/import-ods.md).
 * ---------------------------------------------------------------------------------------- */

/** Builds England's health and care organisations from the registers in a folder, on the areas
 *  of an areas model, as `pbp import-ods DATA_DIR [--areas MODEL] [--name NAME]` does: the
 *  model is the same text the command writes (with #PBP_PRETTY, byte for byte).
 *  @param out_model receives the model as JSON text (load it with pbp_model_load_text(), or
 *         write it to a file).
 *  @param out_report receives `{"diagnostics": [...], "organisations": {"KIND": n, ...},
 *         "bodies": n, "relations": n}`: where the registers disagree or cannot be read
 *         (W601-W612, each naming the file and line), then how many organisations of each kind
 *         (keys in order), bodies (regions and sub-ICB locations) and relations were written.
 *         May be NULL when not wanted.
 *  @param data_dir the folder holding the ODS extracts and ONS lists (their file names are those
 *         of docs/queries/import-ods.md).
 *  @param areas the areas model, named as for pbp_model_open(): a `pbp/1` file, or else a
 *         bundled model; NULL for the bundled `"england-areas"`. Only its areas are used.
 *  @param name the model's name; NULL for `"England's health and care organisations"`.
 *  `flags`: #PBP_PRETTY (applies to both documents); #PBP_FORCE to build on an areas model that
 *  has errors (the command's `--force`).
 *  @return #PBP_ERR_INVALID_ARGUMENT when `out_model` or `data_dir` is NULL, or a register lacks
 *  a column the import needs (or has a quoted field never closed); #PBP_ERR_IO naming the folder
 *  and the file names tried when a register is missing or unreadable; as pbp_model_open() when
 *  the areas model cannot be opened (#PBP_ERR_NOT_FOUND, #PBP_ERR_PARSE, #PBP_ERR_IO);
 *  #PBP_ERR_MODEL_HAS_ERRORS when it has errors and #PBP_FORCE is not given. */
PBP_C_API int pbp_import_ods(char **out_model, char **out_report, const char *data_dir, const char *areas,
                             const char *name, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif /* PBP_PBP_H */

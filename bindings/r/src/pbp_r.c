/* R glue over pbp's C API (pbp/pbp.h).
 *
 * Conventions (after git2r and paleolimbot/geos):
 * - every routine is registered (R_init_pbp below) and called with .Call;
 * - a model is an external pointer with a C finalizer that calls pbp_model_free; a pointer whose
 *   address is NULL (closed, or a saved workspace reloaded) is refused with a message;
 * - no routine raises an R error while it holds a C resource: each returns an "outcome" list
 *   (status, value, message, diagnostic, diagnostics) and the R side signals the error, after
 *   every buffer has been freed. Buffers the library returns are guarded by an external pointer
 *   whose finalizer frees them, so that even an R allocation failure (a longjmp) cannot leak
 *   them; they are freed with pbp_free, never free(). */
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>

#include <pbp/pbp.h>

#include <string.h>

/* -- arguments ------------------------------------------------------------------------------ */

/* A string argument as UTF-8, or NULL for R's NULL or NA. Checked to be a string on the R side. */
static const char *opt_string(SEXP x) {
    if (x == R_NilValue || TYPEOF(x) != STRSXP || XLENGTH(x) < 1 || STRING_ELT(x, 0) == NA_STRING) return NULL;
    return translateCharUTF8(STRING_ELT(x, 0));
}

static unsigned flags_of(SEXP force) {
    return (TYPEOF(force) == LGLSXP && XLENGTH(force) == 1 && LOGICAL(force)[0] == TRUE) ? PBP_FORCE : 0u;
}

static void model_finalizer(SEXP ptr) {
    pbp_model *m = (pbp_model *)R_ExternalPtrAddr(ptr);
    if (m) {
        pbp_model_free(m);
        R_ClearExternalPtr(ptr);
    }
}

/* The model behind an external pointer, or NULL when closed or reloaded from a saved session. */
static const pbp_model *model_of(SEXP ptr) {
    if (TYPEOF(ptr) != EXTPTRSXP) return NULL;
    return (const pbp_model *)R_ExternalPtrAddr(ptr);
}

static void buffer_finalizer(SEXP ptr) {
    void *b = R_ExternalPtrAddr(ptr);
    if (b) {
        pbp_free(b);
        R_ClearExternalPtr(ptr);
    }
}

/* An external pointer that will own a library buffer until it is freed. */
static SEXP new_guard(void) {
    SEXP g = PROTECT(R_MakeExternalPtr(NULL, R_NilValue, R_NilValue));
    R_RegisterCFinalizerEx(g, buffer_finalizer, TRUE);
    UNPROTECT(1);
    return g;
}

static void release(SEXP guard) {
    void *b = R_ExternalPtrAddr(guard);
    R_ClearExternalPtr(guard);
    pbp_free(b);
}

/* -- outcomes ------------------------------------------------------------------------------- */

static SEXP utf8_string(const char *s) {
    if (!s) return R_NilValue;
    /* The fresh CHARSXP is protected while ScalarString allocates (R's ScalarString protects its
     * argument too, but the glue does not rely on that). */
    SEXP c = PROTECT(mkCharCE(s, CE_UTF8));
    SEXP res = ScalarString(c);
    UNPROTECT(1);
    return res;
}

/* list(status, value, message, diagnostic, diagnostics): value when status is 0; otherwise the
 * library's last error (or `message` when the glue itself refused the call). outcome() allocates:
 * the caller must have protected `value` (a fresh SEXP passed unprotected can be collected before
 * it is stored). */
static SEXP outcome(int status, SEXP value, const char *message) {
    const char *names[] = {"status", "value", "message", "diagnostic", "diagnostics", ""};
    SEXP res = PROTECT(mkNamed(VECSXP, names));
    SET_VECTOR_ELT(res, 0, ScalarInteger(status));
    if (status == PBP_OK) {
        SET_VECTOR_ELT(res, 1, value);
    } else if (message) {
        SET_VECTOR_ELT(res, 2, utf8_string(message));
        SET_VECTOR_ELT(res, 3, utf8_string(""));
        SET_VECTOR_ELT(res, 4, utf8_string("[]"));
    } else {
        SET_VECTOR_ELT(res, 2, utf8_string(pbp_last_error()));
        SET_VECTOR_ELT(res, 3, utf8_string(pbp_last_error_diagnostic()));
        SET_VECTOR_ELT(res, 4, utf8_string(pbp_last_error_diagnostics()));
    }
    UNPROTECT(1);
    return res;
}

/* The outcome of a call that wrote a buffer into the guard's address. */
static SEXP text_outcome(int status, SEXP guard) {
    const char *text = (const char *)R_ExternalPtrAddr(guard);
    SEXP value = PROTECT(status == PBP_OK ? utf8_string(text) : R_NilValue);
    SEXP res = PROTECT(outcome(status, value, NULL));
    release(guard);
    UNPROTECT(2);
    return res;
}

static const char *closed_message =
    "the model has been closed, or comes from a saved session: load it again with pbp_load()";

#define MODEL_OR_REFUSE(var, ptr)                                                    \
    const pbp_model *var = model_of(ptr);                                          \
    if (!var) return outcome(PBP_ERR_INVALID_ARGUMENT, R_NilValue, closed_message)

/* Calls `call` (an expression writing `&out`), guarding the buffer, and returns the outcome. */
#define TEXT_CALL(call)                                   \
    do {                                                  \
        SEXP guard_ = PROTECT(new_guard());               \
        char *out = NULL;                                 \
        int status_ = (call);                             \
        R_SetExternalPtrAddr(guard_, out);                \
        SEXP res_ = PROTECT(text_outcome(status_, guard_)); \
        UNPROTECT(2);                                     \
        return res_;                                      \
    } while (0)

/* -- version -------------------------------------------------------------------------------- */

static SEXP r_version(void) {
    const char *names[] = {"version", "number", "header_number", ""};
    SEXP res = PROTECT(mkNamed(VECSXP, names));
    SET_VECTOR_ELT(res, 0, utf8_string(pbp_version()));
    SET_VECTOR_ELT(res, 1, ScalarInteger(pbp_version_number()));
    SET_VECTOR_ELT(res, 2, ScalarInteger(PBP_VERSION_NUMBER));
    UNPROTECT(1);
    return res;
}

static SEXP r_bundled_models(void) { TEXT_CALL(pbp_bundled_models(&out)); }

/* -- models --------------------------------------------------------------------------------- */

/* Runs a loader, handing the new model to an external pointer with a finalizer at once. */
static SEXP model_outcome(int status, pbp_model *m) {
    SEXP ptr = PROTECT(R_MakeExternalPtr(m, install("pbp_model"), R_NilValue));
    R_RegisterCFinalizerEx(ptr, model_finalizer, TRUE);
    SEXP res = PROTECT(outcome(status, ptr, NULL));
    UNPROTECT(2);
    return res;
}

static SEXP r_model_open(SEXP path) {
    const char *p = opt_string(path);
    pbp_model *m = NULL;
    int status = pbp_model_open(&m, p);
    return model_outcome(status, m);
}

static SEXP r_model_load_text(SEXP text) {
    const char *t = opt_string(text);
    pbp_model *m = NULL;
    int status = pbp_model_load_text(&m, t, t ? strlen(t) : 0);
    return model_outcome(status, m);
}

static SEXP r_model_load_bundled(SEXP name) {
    const char *n = opt_string(name);
    pbp_model *m = NULL;
    int status = pbp_model_load_bundled(&m, n);
    return model_outcome(status, m);
}

static SEXP r_model_close(SEXP ptr) {
    if (TYPEOF(ptr) == EXTPTRSXP) model_finalizer(ptr);
    return R_NilValue;
}

static SEXP r_model_is_open(SEXP ptr) { return ScalarLogical(model_of(ptr) != NULL); }

static SEXP r_model_name(SEXP ptr) {
    MODEL_OR_REFUSE(m, ptr);
    TEXT_CALL(pbp_model_name(&out, m));
}

static SEXP r_model_counts(SEXP ptr) {
    MODEL_OR_REFUSE(m, ptr);
    size_t errors = 0, warnings = 0;
    int status = pbp_model_diagnostic_counts(&errors, &warnings, m);
    SEXP value = PROTECT(allocVector(INTSXP, 2));
    INTEGER(value)[0] = (int)errors;
    INTEGER(value)[1] = (int)warnings;
    SEXP res = PROTECT(outcome(status, value, NULL));
    UNPROTECT(2);
    return res;
}

static SEXP r_model_validate(SEXP ptr) {
    MODEL_OR_REFUSE(m, ptr);
    TEXT_CALL(pbp_model_validate(&out, m, 0));
}

static SEXP r_model_save(SEXP ptr, SEXP path) {
    MODEL_OR_REFUSE(m, ptr);
    const char *p = opt_string(path);
    int status = pbp_model_save(m, p);
    return outcome(status, R_NilValue, NULL);
}

static SEXP r_model_export(SEXP ptr, SEXP format, SEXP as_of) {
    MODEL_OR_REFUSE(m, ptr);
    const char *f = opt_string(format), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_export(&out, m, f, d));
}

static SEXP r_model_report(SEXP ptr, SEXP as_of) {
    MODEL_OR_REFUSE(m, ptr);
    const char *d = opt_string(as_of);
    TEXT_CALL(pbp_model_report(&out, m, d));
}

static SEXP r_model_report_html(SEXP ptr, SEXP as_of) {
    MODEL_OR_REFUSE(m, ptr);
    const char *d = opt_string(as_of);
    TEXT_CALL(pbp_model_report_html(&out, m, d));
}

/* -- queries -------------------------------------------------------------------------------- */

static SEXP r_accountability(SEXP ptr, SEXP node, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *n = opt_string(node), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_accountability(&out, m, n, d, flags_of(force)));
}

static SEXP r_decides(SEXP ptr, SEXP fn, SEXP place, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *f = opt_string(fn), *p = opt_string(place), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_decides(&out, m, f, p, d, flags_of(force)));
}

static SEXP r_accountability_batch(SEXP ptr, SEXP nodes, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *n = opt_string(nodes), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_accountability_batch(&out, m, n, d, flags_of(force)));
}

static SEXP r_decides_batch(SEXP ptr, SEXP fn, SEXP places, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *f = opt_string(fn), *p = opt_string(places), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_decides_batch(&out, m, f, p, d, flags_of(force)));
}

static SEXP r_authority(SEXP ptr, SEXP fn, SEXP place, SEXP amount, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *f = opt_string(fn), *p = opt_string(place), *a = opt_string(amount), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_authority(&out, m, f, p, a, d, flags_of(force)));
}

static SEXP r_balances(SEXP ptr, SEXP year, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *y = opt_string(year);
    TEXT_CALL(pbp_model_balances(&out, m, y, flags_of(force)));
}

static SEXP r_trace(SEXP ptr, SEXP node, SEXP year, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *n = opt_string(node), *y = opt_string(year);
    TEXT_CALL(pbp_model_trace(&out, m, n, y, flags_of(force)));
}

static SEXP r_coterminosity(SEXP ptr, SEXP a, SEXP b, SEXP within, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *sa = opt_string(a), *sb = opt_string(b), *w = opt_string(within), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_coterminosity(&out, m, sa, sb, w, d, flags_of(force)));
}

static SEXP r_partners(SEXP ptr, SEXP node, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *n = opt_string(node), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_partners(&out, m, n, d, flags_of(force)));
}

static SEXP r_partitions(SEXP ptr, SEXP parts, SEXP whole, SEXP within, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *p = opt_string(parts), *wh = opt_string(whole), *w = opt_string(within), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_partitions(&out, m, p, wh, w, d, flags_of(force)));
}

static SEXP r_boundaries(SEXP ptr, SEXP units, SEXP areas, SEXP within, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *u = opt_string(units), *a = opt_string(areas), *w = opt_string(within), *d = opt_string(as_of);
    TEXT_CALL(pbp_model_boundaries(&out, m, u, a, w, d, flags_of(force)));
}

static SEXP r_fair_shares(SEXP ptr, SEXP total, SEXP areas, SEXP within, SEXP floor_, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *t = opt_string(total), *k = opt_string(areas), *w = opt_string(within), *f = opt_string(floor_),
               *d = opt_string(as_of);
    TEXT_CALL(pbp_model_fair_shares(&out, m, t, k, w, f, d, flags_of(force)));
}

static SEXP r_designation(SEXP ptr, SEXP as_of, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *d = opt_string(as_of);
    TEXT_CALL(pbp_model_designation(&out, m, d, flags_of(force)));
}

static SEXP r_diff(SEXP ptr, SEXP from, SEXP to, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *d1 = opt_string(from), *d2 = opt_string(to);
    TEXT_CALL(pbp_model_diff(&out, m, d1, d2, flags_of(force)));
}

static SEXP r_maturity(SEXP ptr, SEXP subject, SEXP as_of, SEXP from, SEXP to, SEXP force) {
    MODEL_OR_REFUSE(m, ptr);
    const char *s = opt_string(subject), *d = opt_string(as_of), *d1 = opt_string(from), *d2 = opt_string(to);
    TEXT_CALL(pbp_model_maturity(&out, m, s, d, d1, d2, flags_of(force)));
}

/* -- money ---------------------------------------------------------------------------------- */

static SEXP r_money_parse(SEXP text) {
    const char *t = opt_string(text);
    TEXT_CALL(pbp_money_parse(&out, t));
}

static SEXP r_money_format(SEXP pence, SEXP style) {
    const char *p = opt_string(pence);
    int s = asInteger(style);
    TEXT_CALL(pbp_money_format(&out, p, s));
}

static SEXP r_money_round(SEXP pence, SEXP places, SEXP mode) {
    const char *p = opt_string(pence), *md = opt_string(mode);
    int n = asInteger(places);
    TEXT_CALL(pbp_money_round(&out, p, n, md));
}

static SEXP r_allocate(SEXP total, SEXP weights) {
    const char *t = opt_string(total);
    R_xlen_t n = XLENGTH(weights), i;
    /* R_alloc'd memory is R's, released when the call returns, even on an error. */
    const char **ws = (const char **)R_alloc(n > 0 ? (size_t)n : 1, sizeof(char *));
    for (i = 0; i < n; ++i)
        ws[i] = STRING_ELT(weights, i) == NA_STRING ? NULL : translateCharUTF8(STRING_ELT(weights, i));
    TEXT_CALL(pbp_allocate(&out, t, ws, (size_t)n, 0));
}

/* -- exact arithmetic on pbp_money vectors ----------------------------------------------------
 * A pbp_money vector holds money as the library's normalised text ("-1234.50": an optional
 * '-', digits, '.', two digits). Sums, differences and comparisons are done here on whole pence
 * in a 128-bit integer, checked against the library's range (|pence| <= 2^127 - 1), so that no
 * amount ever passes through a double. */

__extension__ typedef __int128 pbp_r_pence;
__extension__ typedef unsigned __int128 pbp_r_upence;

/* 2^127 - 1, the library's largest number of pence. */
static pbp_r_pence max_pence(void) { return (pbp_r_pence)(~(pbp_r_upence)0 >> 1); }

/* 0 and *out on success; -1 when `s` is not normalised money text. */
static int text_pence(const char *s, pbp_r_pence *out) {
    int negative = 0, after_dot = -1;
    pbp_r_pence p = 0;
    if (*s == '-') {
        negative = 1;
        ++s;
    }
    if (!*s || *s == '.') return -1;
    for (; *s; ++s) {
        if (*s == '.') {
            if (after_dot >= 0) return -1;
            after_dot = 0;
            continue;
        }
        if (*s < '0' || *s > '9') return -1;
        if (after_dot >= 0 && ++after_dot > 2) return -1;
        if (p > (max_pence() - (*s - '0')) / 10) return -1; /* beyond the library's range */
        p = p * 10 + (*s - '0');
    }
    if (after_dot != 2) return -1;
    *out = negative ? -p : p;
    return 0;
}

/* `p` as normalised money text into `buf` (at least 48 bytes). */
static void pence_text(pbp_r_pence p, char *buf) {
    char digits[48];
    int n = 0, i = 0;
    pbp_r_upence u = p < 0 ? (pbp_r_upence)(-(p + 1)) + 1u : (pbp_r_upence)p;
    do {
        digits[n++] = (char)('0' + (int)(u % 10u));
        u /= 10u;
    } while (u > 0u || n < 3);
    if (p < 0) buf[i++] = '-';
    while (n > 2) buf[i++] = digits[--n];
    buf[i++] = '.';
    buf[i++] = digits[1];
    buf[i++] = digits[0];
    buf[i] = '\0';
}

static const char *overflow_message = "money out of range: the result is beyond 2^127 - 1 pence";

/* The outcome of a routine that built `value` (protected once, by the routine): returned with
 * it, or, on failure part-way, without it. Both pop that one protection. */
static SEXP value_outcome(SEXP value) {
    SEXP res = PROTECT(outcome(PBP_OK, value, NULL));
    UNPROTECT(2);
    return res;
}

static SEXP value_failed(int status, const char *message) {
    UNPROTECT(1);
    return outcome(status, R_NilValue, message);
}

/* sum(x): the exact total as money text; NA when an element is NA and na_rm is FALSE. */
static SEXP r_money_sum(SEXP x, SEXP na_rm) {
    R_xlen_t n = XLENGTH(x), i;
    int skip_na = asLogical(na_rm) == TRUE;
    pbp_r_pence total = 0, p;
    char buf[48];
    for (i = 0; i < n; ++i) {
        SEXP e = STRING_ELT(x, i);
        if (e == NA_STRING) {
            if (skip_na) continue;
            return value_outcome(PROTECT(ScalarString(NA_STRING)));
        }
        if (text_pence(CHAR(e), &p) != 0)
            return outcome(PBP_ERR_INVALID_ARGUMENT, R_NilValue, "not a pbp_money value");
        if (__builtin_add_overflow(total, p, &total) || total > max_pence() || total < -max_pence())
            return outcome(PBP_ERR_OVERFLOW, R_NilValue, overflow_message);
    }
    pence_text(total, buf);
    SEXP value = PROTECT(mkString(buf));
    return value_outcome(value);
}

/* cumsum(x): the running totals as money text; NA from the first NA on, as base R's cumsum. */
static SEXP r_money_cumsum(SEXP x) {
    R_xlen_t n = XLENGTH(x), i;
    pbp_r_pence total = 0, p;
    int na = 0;
    char buf[48];
    SEXP value = PROTECT(allocVector(STRSXP, n));
    for (i = 0; i < n; ++i) {
        SEXP e = STRING_ELT(x, i);
        if (na || e == NA_STRING) {
            na = 1;
            SET_STRING_ELT(value, i, NA_STRING);
            continue;
        }
        if (text_pence(CHAR(e), &p) != 0) {
            return value_failed(PBP_ERR_INVALID_ARGUMENT, "not a pbp_money value");
        }
        if (__builtin_add_overflow(total, p, &total) || total > max_pence() || total < -max_pence()) {
            return value_failed(PBP_ERR_OVERFLOW, overflow_message);
        }
        pence_text(total, buf);
        SET_STRING_ELT(value, i, mkChar(buf));
    }
    return value_outcome(value);
}

/* a + b (sign 1) or a - b (sign -1), element-wise with recycling; NA where either is NA. */
static SEXP r_money_add(SEXP a, SEXP b, SEXP sign) {
    R_xlen_t na = XLENGTH(a), nb = XLENGTH(b), n = (na == 0 || nb == 0) ? 0 : (na > nb ? na : nb), i;
    int minus = asInteger(sign) < 0;
    SEXP value = PROTECT(allocVector(STRSXP, n));
    char buf[48];
    for (i = 0; i < n; ++i) {
        SEXP ea = STRING_ELT(a, i % na), eb = STRING_ELT(b, i % nb);
        pbp_r_pence x, y, r;
        if (ea == NA_STRING || eb == NA_STRING) {
            SET_STRING_ELT(value, i, NA_STRING);
            continue;
        }
        if (text_pence(CHAR(ea), &x) != 0 || text_pence(CHAR(eb), &y) != 0) {
            return value_failed(PBP_ERR_INVALID_ARGUMENT, "not a pbp_money value");
        }
        if ((minus ? __builtin_sub_overflow(x, y, &r) : __builtin_add_overflow(x, y, &r)) || r > max_pence() ||
            r < -max_pence()) {
            return value_failed(PBP_ERR_OVERFLOW, overflow_message);
        }
        pence_text(r, buf);
        SET_STRING_ELT(value, i, mkChar(buf));
    }
    return value_outcome(value);
}

/* a * k, element-wise with recycling: `a` money text, `k` whole numbers as doubles (checked on
 * the R side to be whole and within 2^53, so exact); NA where either is NA. */
static SEXP r_money_times(SEXP a, SEXP k) {
    R_xlen_t na = XLENGTH(a), nk = XLENGTH(k), n = (na == 0 || nk == 0) ? 0 : (na > nk ? na : nk), i;
    SEXP value = PROTECT(allocVector(STRSXP, n));
    char buf[48];
    for (i = 0; i < n; ++i) {
        SEXP ea = STRING_ELT(a, i % na);
        double ek = REAL(k)[i % nk];
        pbp_r_pence x, r;
        if (ea == NA_STRING || ISNAN(ek)) {
            SET_STRING_ELT(value, i, NA_STRING);
            continue;
        }
        if (text_pence(CHAR(ea), &x) != 0) {
            return value_failed(PBP_ERR_INVALID_ARGUMENT, "not a pbp_money value");
        }
        if (__builtin_mul_overflow(x, (pbp_r_pence)ek, &r) || r > max_pence() || r < -max_pence()) {
            return value_failed(PBP_ERR_OVERFLOW, overflow_message);
        }
        pence_text(r, buf);
        SET_STRING_ELT(value, i, mkChar(buf));
    }
    return value_outcome(value);
}

/* -1, 0 or 1 for a < b, a == b, a > b, element-wise with recycling; NA where either is NA or
 * not money text. */
static SEXP r_money_compare(SEXP a, SEXP b) {
    R_xlen_t na = XLENGTH(a), nb = XLENGTH(b), n = (na == 0 || nb == 0) ? 0 : (na > nb ? na : nb), i;
    SEXP value = PROTECT(allocVector(INTSXP, n));
    for (i = 0; i < n; ++i) {
        SEXP ea = STRING_ELT(a, i % na), eb = STRING_ELT(b, i % nb);
        pbp_r_pence x, y;
        if (ea == NA_STRING || eb == NA_STRING || text_pence(CHAR(ea), &x) != 0 || text_pence(CHAR(eb), &y) != 0)
            INTEGER(value)[i] = NA_INTEGER;
        else
            INTEGER(value)[i] = x < y ? -1 : x > y ? 1 : 0;
    }
    UNPROTECT(1);
    return value;
}

/* -- import --------------------------------------------------------------------------------- */

/* The outcome of an import that wrote a model and a report into the guards' addresses: on
 * success c(model = ..., report = ...). Frees both buffers. */
static SEXP import_outcome(int status, SEXP model_guard, SEXP report_guard) {
    SEXP value = R_NilValue;
    if (status == PBP_OK) {
        const char *names[] = {"model", "report", ""};
        value = PROTECT(mkNamed(STRSXP, names));
        SET_STRING_ELT(value, 0, mkCharCE((const char *)R_ExternalPtrAddr(model_guard), CE_UTF8));
        SET_STRING_ELT(value, 1, mkCharCE((const char *)R_ExternalPtrAddr(report_guard), CE_UTF8));
    } else {
        PROTECT(value);
    }
    SEXP res = PROTECT(outcome(status, value, NULL));
    release(model_guard);
    release(report_guard);
    UNPROTECT(2);
    return res;
}

static SEXP r_import_areas(SEXP lookup, SEXP population, SEXP name) {
    const char *l = opt_string(lookup), *p = opt_string(population), *n = opt_string(name);
    SEXP model_guard = PROTECT(new_guard()), report_guard = PROTECT(new_guard());
    char *model = NULL, *report = NULL;
    int status = pbp_import_areas(&model, &report, l, p, n, PBP_PRETTY);
    R_SetExternalPtrAddr(model_guard, model);
    R_SetExternalPtrAddr(report_guard, report);
    SEXP res = import_outcome(status, model_guard, report_guard);
    UNPROTECT(2);
    return res;
}

static SEXP r_import_ods(SEXP data_dir, SEXP areas, SEXP name, SEXP force) {
    const char *d = opt_string(data_dir), *a = opt_string(areas), *n = opt_string(name);
    SEXP model_guard = PROTECT(new_guard()), report_guard = PROTECT(new_guard());
    char *model = NULL, *report = NULL;
    int status = pbp_import_ods(&model, &report, d, a, n, PBP_PRETTY | flags_of(force));
    R_SetExternalPtrAddr(model_guard, model);
    R_SetExternalPtrAddr(report_guard, report);
    SEXP res = import_outcome(status, model_guard, report_guard);
    UNPROTECT(2);
    return res;
}

/* -- registration --------------------------------------------------------------------------- */

static const R_CallMethodDef call_methods[] = {
    {"pbp_r_version", (DL_FUNC)&r_version, 0},
    {"pbp_r_bundled_models", (DL_FUNC)&r_bundled_models, 0},
    {"pbp_r_model_open", (DL_FUNC)&r_model_open, 1},
    {"pbp_r_model_load_text", (DL_FUNC)&r_model_load_text, 1},
    {"pbp_r_model_load_bundled", (DL_FUNC)&r_model_load_bundled, 1},
    {"pbp_r_model_close", (DL_FUNC)&r_model_close, 1},
    {"pbp_r_model_is_open", (DL_FUNC)&r_model_is_open, 1},
    {"pbp_r_model_name", (DL_FUNC)&r_model_name, 1},
    {"pbp_r_model_counts", (DL_FUNC)&r_model_counts, 1},
    {"pbp_r_model_validate", (DL_FUNC)&r_model_validate, 1},
    {"pbp_r_model_save", (DL_FUNC)&r_model_save, 2},
    {"pbp_r_model_export", (DL_FUNC)&r_model_export, 3},
    {"pbp_r_model_report", (DL_FUNC)&r_model_report, 2},
    {"pbp_r_model_report_html", (DL_FUNC)&r_model_report_html, 2},
    {"pbp_r_accountability", (DL_FUNC)&r_accountability, 4},
    {"pbp_r_decides", (DL_FUNC)&r_decides, 5},
    {"pbp_r_authority", (DL_FUNC)&r_authority, 6},
    {"pbp_r_accountability_batch", (DL_FUNC)&r_accountability_batch, 4},
    {"pbp_r_decides_batch", (DL_FUNC)&r_decides_batch, 5},
    {"pbp_r_balances", (DL_FUNC)&r_balances, 3},
    {"pbp_r_trace", (DL_FUNC)&r_trace, 4},
    {"pbp_r_coterminosity", (DL_FUNC)&r_coterminosity, 6},
    {"pbp_r_partners", (DL_FUNC)&r_partners, 4},
    {"pbp_r_partitions", (DL_FUNC)&r_partitions, 6},
    {"pbp_r_boundaries", (DL_FUNC)&r_boundaries, 6},
    {"pbp_r_fair_shares", (DL_FUNC)&r_fair_shares, 7},
    {"pbp_r_designation", (DL_FUNC)&r_designation, 3},
    {"pbp_r_diff", (DL_FUNC)&r_diff, 4},
    {"pbp_r_maturity", (DL_FUNC)&r_maturity, 6},
    {"pbp_r_money_parse", (DL_FUNC)&r_money_parse, 1},
    {"pbp_r_money_format", (DL_FUNC)&r_money_format, 2},
    {"pbp_r_money_round", (DL_FUNC)&r_money_round, 3},
    {"pbp_r_allocate", (DL_FUNC)&r_allocate, 2},
    {"pbp_r_money_sum", (DL_FUNC)&r_money_sum, 2},
    {"pbp_r_money_cumsum", (DL_FUNC)&r_money_cumsum, 1},
    {"pbp_r_money_add", (DL_FUNC)&r_money_add, 3},
    {"pbp_r_money_times", (DL_FUNC)&r_money_times, 2},
    {"pbp_r_money_compare", (DL_FUNC)&r_money_compare, 2},
    {"pbp_r_import_areas", (DL_FUNC)&r_import_areas, 3},
    {"pbp_r_import_ods", (DL_FUNC)&r_import_ods, 4},
    {NULL, NULL, 0},
};

void R_init_pbp(DllInfo *dll) {
    R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
    R_forceSymbols(dll, TRUE);
}

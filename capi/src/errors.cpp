// The C API's plumbing: version, status strings, the thread-local last error, buffers, and the
// argument checks every entry point shares.
#include "capi.hpp"

#include "pbp/error.hpp"
#include "pbp/validate.hpp"
#include "pbp/version.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

namespace pbp::capi {
namespace {

/// What pbp_last_error*() report. One per thread (libgit2's git_error_last() model), so that
/// threads querying one model never see each other's failures.
struct LastError {
    int status = PBP_OK;
    std::string message = "no error";
    std::string diagnostic;
    std::string diagnostics = "[]";
    bool out_of_memory = false;  ///< recording the error itself ran out of memory
};

LastError& last() noexcept {
    thread_local LastError e;
    return e;
}

/// "E001 at /relations/3 (line 3, column 7)" for a diagnostic's place in the file.
std::string locate(const Diagnostic& d) {
    std::string out = d.code;
    if (!d.path.empty()) out += " at " + d.path;
    if (d.line) out += (d.path.empty() ? " at line " : " (line ") + std::to_string(*d.line) + ", column " +
                       std::to_string(d.column.value_or(1)) + (d.path.empty() ? "" : ")");
    return out;
}

}  // namespace

int fail(int status, std::string message, const Diagnostics& diagnostics) noexcept {
    LastError& e = last();
    e.status = status;
    try {
        e.out_of_memory = false;
        e.message = std::move(message);
        e.diagnostic.clear();
        for (const auto& d : diagnostics)
            if (d.severity == Severity::error) {
                e.diagnostic = d.code;
                break;
            }
        if (e.diagnostic.empty() && !diagnostics.empty()) e.diagnostic = diagnostics.front().code;
        boost::json::array arr;
        for (const auto& d : diagnostics) arr.emplace_back(to_json(d));
        e.diagnostics = boost::json::serialize(arr);
    } catch (...) {
        e.out_of_memory = true;
        e.diagnostic.clear();
        e.diagnostics.clear();
    }
    return status;
}

void succeed() noexcept {
    LastError& e = last();
    e.status = PBP_OK;
    e.out_of_memory = false;
    // Short literals fit in std::string's own storage: no allocation, so no throw.
    e.message.assign("no error");
    e.diagnostic.clear();
    e.diagnostics.assign("[]");
}

int fail_current_exception() noexcept {
    try {
        throw;
    } catch (const Failure& f) {
        return fail(f.status, f.message, f.diagnostics);
    } catch (const IoError& e) {
        return fail(PBP_ERR_IO, e.what());
    } catch (const Overflow& e) {
        return fail(PBP_ERR_OVERFLOW, e.what());
    } catch (const InvalidArgument& e) {
        return fail(PBP_ERR_INVALID_ARGUMENT, e.what());
    } catch (const Error& e) {
        return fail(PBP_ERR_INVALID_ARGUMENT, e.what());
    } catch (const std::bad_alloc&) {
        return fail(PBP_ERR_NO_MEMORY, "out of memory");
    } catch (const std::exception& e) {
        return fail(PBP_ERR_INTERNAL, std::string("internal error in pbp (please report it): ") + e.what());
    } catch (...) {
        return fail(PBP_ERR_INTERNAL, "internal error in pbp (please report it): unknown exception");
    }
}

char* copy_out(std::string_view text) {
    // A NUL (a name written "A\u0000B" in the model: valid JSON) would end the C string there
    // and drop the rest of a report or a name without a word: it comes out as U+FFFD instead.
    const std::size_t nuls = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0'));
    char* p = static_cast<char*>(std::malloc(text.size() + 2 * nuls + 1));
    if (!p) throw std::bad_alloc();
    char* at = p;
    for (char c : text) {
        if (c != '\0') {
            *at++ = c;
        } else {
            for (char r : {'\xEF', '\xBF', '\xBD'}) *at++ = r;
        }
    }
    *at = '\0';
    return p;
}

std::string json_text(const boost::json::value& v, unsigned flags) {
    return (flags & PBP_PRETTY) ? pretty_json(v) : boost::json::serialize(v);
}

const pbp_model& handle(const pbp_model* m) {
    if (!m) throw Failure{PBP_ERR_INVALID_ARGUMENT, "model is NULL"};
    if (m->magic != kModelMagic || !m->model)
        throw Failure{PBP_ERR_INVALID_ARGUMENT, "model is not a pbp_model (or has been freed)"};
    return *m;
}

const Model& query_model(const pbp_model* m, unsigned flags, std::string_view what, std::string_view use) {
    const pbp_model& h = handle(m);
    if (h.errors > 0 && !(flags & PBP_FORCE)) {
        Diagnostics errors;
        for (const auto& d : h.diagnostics)
            if (d.severity == Severity::error) errors.push_back(d);
        const Diagnostic& first = errors.front();
        throw Failure{PBP_ERR_MODEL_HAS_ERRORS,
                      std::string(what) + " has " + std::to_string(h.errors) + " error" + (h.errors == 1 ? "" : "s") +
                          " (first: " + locate(first) + ": " + first.message +
                          "); fix them, or pass PBP_FORCE to " + std::string(use),
                      std::move(errors)};
    }
    return *h.model;
}

std::string_view text_arg(const char* s, const char* what) {
    if (!s) throw Failure{PBP_ERR_INVALID_ARGUMENT, std::string(what) + " is NULL"};
    return s;
}

std::optional<std::string> optional_arg(const char* s) {
    if (!s) return std::nullopt;
    return std::string(s);
}

std::optional<Date> date_arg(const char* s, const char* what) {
    if (!s) return std::nullopt;
    auto d = parse_date(s);
    if (!d)
        throw Failure{PBP_ERR_INVALID_ARGUMENT,
                      std::string(what) + " must be a date written YYYY-MM-DD, not '" + s + "'"};
    return d;
}

Date required_date_arg(const char* s, const char* what) {
    text_arg(s, what);
    return *date_arg(s, what);
}

FinancialYear year_arg(const char* s, const char* what) {
    text_arg(s, what);
    auto y = parse_financial_year(s);
    if (!y)
        throw Failure{PBP_ERR_INVALID_ARGUMENT, std::string(what) +
                                                    " must be a financial year written YYYY/YY (such as 2023/24), not '" +
                                                    s + "'"};
    return *y;
}

Money money_arg(const char* s, const char* what) {
    const std::string_view t = text_arg(s, what);
    auto m = Money::parse(t);
    if (!m && Money::is_form(t))
        throw Overflow(std::string(what) + " '" + s + "' is out of range: more than 2^127 - 1 pence");
    if (!m)
        throw Failure{PBP_ERR_INVALID_ARGUMENT, std::string(what) +
                                                    " must be an amount such as 1234.50 (at most two decimal places), not '" +
                                                    s + "'"};
    return *m;
}

Money pence_arg(const char* s, const char* what) {
    std::string_view t = text_arg(s, what);
    std::size_t i = (!t.empty() && t[0] == '-') ? 1 : 0;
    bool ok = i < t.size();
    for (std::size_t k = i; k < t.size(); ++k) ok = ok && t[k] >= '0' && t[k] <= '9';
    if (!ok)
        throw Failure{PBP_ERR_INVALID_ARGUMENT,
                      std::string(what) + " must be a whole number of pence such as -123450, not '" + s + "'"};
    // Leading zeros go first: Boost reads a number written with a leading 0 as octal ("010" would
    // be 8 pence). Then 2^127 - 1 has 39 digits: more is out of range, and is refused before
    // conversion, whose cost grows with the square of the digits.
    const std::string_view digits = t.substr(std::min(t.find_first_not_of('0', i), t.size() - 1));
    if (digits.size() > 39) throw Overflow(std::string(what) + " is out of range: more than 2^127 - 1 pence");
    boost::multiprecision::cpp_int v{std::string(digits)};
    if (i == 1) v = -v;
    static const boost::multiprecision::cpp_int limit = (boost::multiprecision::cpp_int(1) << 127) - 1;
    if (v > limit || v < -limit) throw Overflow(std::string(what) + " is out of range: more than 2^127 - 1 pence");
    return Money::from_pence(Pence(v));
}

Index id_arg(const Model& m, const char* id, std::optional<Date> as_of, const char* what) {
    std::string_view s = text_arg(id, what);
    auto i = m.find(s);
    if (!i) throw Failure{PBP_ERR_NOT_FOUND, "there is no '" + std::string(s) + "' in the model"};
    if (!m.exists(*i, as_of))
        throw Failure{PBP_ERR_NOT_FOUND, "'" + std::string(s) + "' does not exist on " + to_string(*as_of)};
    return *i;
}

}  // namespace pbp::capi

using namespace pbp::capi;

extern "C" {

PBP_C_API const char* pbp_version(void) { return pbp::version(); }

PBP_C_API int pbp_version_number(void) {
    // Parsed from the library's own version string so that it always agrees with pbp_version().
    static const int number = [] {
        int parts[3] = {0, 0, 0}, k = 0;
        for (const char* p = pbp::version(); *p && k < 3; ++p) {
            if (*p == '.') ++k;
            else if (*p >= '0' && *p <= '9') parts[k] = parts[k] * 10 + (*p - '0');
        }
        return parts[0] * 10000 + parts[1] * 100 + parts[2];
    }();
    return number;
}

PBP_C_API const char* pbp_status_string(int status) {
    switch (status) {
        case PBP_OK: return "ok";
        case PBP_ERR_INVALID_ARGUMENT: return "invalid argument";
        case PBP_ERR_PARSE: return "the model cannot be loaded";
        case PBP_ERR_MODEL_HAS_ERRORS: return "the model has errors";
        case PBP_ERR_NOT_FOUND: return "not found";
        case PBP_ERR_IO: return "input/output error";
        case PBP_ERR_OVERFLOW: return "money out of range";
        case PBP_ERR_NO_MEMORY: return "out of memory";
        case PBP_ERR_INTERNAL: return "internal error";
        default: return "unknown status";
    }
}

PBP_C_API const char* pbp_last_error(void) {
    const LastError& e = last();
    return e.out_of_memory ? "out of memory (while recording an error)" : e.message.c_str();
}

PBP_C_API int pbp_last_error_code(void) { return last().status; }

PBP_C_API const char* pbp_last_error_diagnostic(void) { return last().diagnostic.c_str(); }

PBP_C_API const char* pbp_last_error_diagnostics(void) {
    const LastError& e = last();
    return e.diagnostics.empty() ? "[]" : e.diagnostics.c_str();
}

PBP_C_API void pbp_free(void* buffer) { std::free(buffer); }

}  // extern "C"

// C API misuse (pbp.h conventions): every entry point given NULL for each pointer argument.
// A required argument left NULL is refused with PBP_ERR_INVALID_ARGUMENT, the last error names
// the argument, and every out-parameter the caller did pass is set to NULL; an argument pbp.h
// documents as optional may be NULL and the call succeeds. pbp_free(NULL) and
// pbp_model_free(NULL) do nothing, not even to the last error. Run under ASan + LeakSanitizer
// with the rest of the C API suite (ctest -L sanitize), so a leak on any of these paths fails.
#include "capi_support.hpp"

#include <functional>
#include <string>
#include <vector>

using namespace capi_test;

namespace {

// One call of an entry point. `args` holds a valid value for each pointer argument, in the
// order of the prototype; the call reads them from there, so that any one can be made NULL.
struct Call {
    const char* function;
    std::vector<const char*> names;     // each pointer argument's name in pbp.h
    std::vector<bool> optional;         // may it be NULL (pbp.h says so)?
    std::function<int(std::vector<void*>&)> run;
};

// Something non-NULL to put in an out-parameter so that a failure is seen to clear it.
char* poison_char() { return poison(); }

struct Fixture {
    Model small;  // tests/data/capi/small.json
    Fixture() { load(small, "small.json"); }
};

std::vector<Call> calls(Fixture& fx) {
    // Out-parameters are passed as `char**` pointing at a poisoned `char*` (or NULL); inputs as
    // `const char*`. The lambdas unpack the vector in prototype order.
    (void)fx;
    auto s = [](void* p) { return static_cast<const char*>(p); };
    auto o = [](void* p) { return static_cast<char**>(p); };
    auto mdl = [](void* p) { return static_cast<const pbp_model*>(p); };
    return {
        {"pbp_bundled_models", {"out_json"}, {false}, [=](auto& a) { return pbp_bundled_models(o(a[0])); }},
        {"pbp_model_name", {"out", "model"}, {false, false}, [=](auto& a) { return pbp_model_name(o(a[0]), mdl(a[1])); }},
        {"pbp_model_validate", {"out_json", "model"}, {false, false},
         [=](auto& a) { return pbp_model_validate(o(a[0]), mdl(a[1]), 0); }},
        // export: as_of goes with dot and graphml only, and format NULL means json, so as_of is
        // left NULL here (it is optional: the other NULL-for-optional cases cover the pattern).
        {"pbp_model_export", {"out", "model", "format"}, {false, false, true},
         [=](auto& a) { return pbp_model_export(o(a[0]), mdl(a[1]), s(a[2]), nullptr); }},
        {"pbp_model_report", {"out", "model", "as_of"}, {false, false, true},
         [=](auto& a) { return pbp_model_report(o(a[0]), mdl(a[1]), s(a[2])); }},
#if PBP_TEST_HTML_REPORT  // else it refuses every call (load_test.cpp)
        {"pbp_model_report_html", {"out", "model", "as_of"}, {false, false, true},
         [=](auto& a) { return pbp_model_report_html(o(a[0]), mdl(a[1]), s(a[2])); }},
#endif
        {"pbp_model_accountability", {"out_json", "model", "node", "as_of"}, {false, false, false, true},
         [=](auto& a) { return pbp_model_accountability(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), 0); }},
        {"pbp_model_decides", {"out_json", "model", "function", "place", "as_of"}, {false, false, false, false, true},
         [=](auto& a) { return pbp_model_decides(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), s(a[4]), 0); }},
        {"pbp_model_authority", {"out_json", "model", "function", "place", "amount", "as_of"},
         {false, false, false, false, false, true},
         [=](auto& a) { return pbp_model_authority(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), s(a[4]), s(a[5]), 0); }},
        {"pbp_model_balances", {"out_json", "model", "year"}, {false, false, false},
         [=](auto& a) { return pbp_model_balances(o(a[0]), mdl(a[1]), s(a[2]), 0); }},
        {"pbp_model_trace", {"out_json", "model", "node", "year"}, {false, false, false, false},
         [=](auto& a) { return pbp_model_trace(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), 0); }},
        {"pbp_model_coterminosity", {"out_json", "model", "a", "b", "within", "as_of"},
         {false, false, false, false, true, true},
         [=](auto& a) { return pbp_model_coterminosity(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), s(a[4]), s(a[5]), 0); }},
        {"pbp_model_partners", {"out_json", "model", "node", "as_of"}, {false, false, false, true},
         // partners needs an organisation or an area, not the body the table's "node" names.
         [=](auto& a) { return pbp_model_partners(o(a[0]), mdl(a[1]), a[2] ? "ics" : nullptr, s(a[3]), 0); }},
        {"pbp_model_partitions", {"out_json", "model", "parts", "whole", "within", "as_of"},
         {false, false, false, false, true, true},
         [=](auto& a) { return pbp_model_partitions(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), s(a[4]), s(a[5]), 0); }},
        {"pbp_model_boundaries", {"out_json", "model", "units", "areas", "within", "as_of"},
         {false, false, false, false, true, true},
         [=](auto& a) { return pbp_model_boundaries(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), s(a[4]), s(a[5]), 0); }},
        {"pbp_model_fair_shares", {"out_json", "model", "total", "areas", "within", "floor", "as_of"},
         {false, false, false, false, true, true, true},
         [=](auto& a) {
             return pbp_model_fair_shares(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), s(a[4]), s(a[5]), s(a[6]), 0);
         }},
        {"pbp_model_designation", {"out_json", "model", "as_of"}, {false, false, true},
         [=](auto& a) { return pbp_model_designation(o(a[0]), mdl(a[1]), s(a[2]), 0); }},
        {"pbp_model_diff", {"out_json", "model", "from", "to"}, {false, false, false, false},
         [=](auto& a) { return pbp_model_diff(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), 0); }},
        // maturity: subject and as_of are optional; from and to go together (tested below).
        {"pbp_model_maturity", {"out_json", "model", "subject", "as_of"}, {false, false, true, true},
         [=](auto& a) { return pbp_model_maturity(o(a[0]), mdl(a[1]), s(a[2]), s(a[3]), nullptr, nullptr, 0); }},
        {"pbp_money_parse", {"out_pence", "text"}, {false, false}, [=](auto& a) { return pbp_money_parse(o(a[0]), s(a[1])); }},
        {"pbp_money_format", {"out", "pence"}, {false, false},
         [=](auto& a) { return pbp_money_format(o(a[0]), s(a[1]), PBP_MONEY_PLAIN); }},
        {"pbp_money_round", {"out_pence", "pence", "mode"}, {false, false, true},
         [=](auto& a) { return pbp_money_round(o(a[0]), s(a[1]), 1, s(a[2])); }},
        {"pbp_money_max_pence", {"out_pence"}, {false}, [=](auto& a) { return pbp_money_max_pence(o(a[0])); }},
        {"pbp_allocate", {"out_json", "total", "weights"}, {false, false, false},
         [=](auto& a) { return pbp_allocate(o(a[0]), s(a[1]), static_cast<const char* const*>(a[2]), 2, 0); }},
    };
}

// Valid values for each pointer argument of `c`, by name: the out-parameter is filled in by
// the caller.
void* valid(const std::string& name, Fixture& fx) {
    static const char* weights[] = {"1", "2"};
    if (name == "model") return fx.small.m;
    if (name == "format") return const_cast<char*>("dot");
    if (name == "as_of") return const_cast<char*>("2023-06-01");
    if (name == "node") return const_cast<char*>("p1.committee");
    if (name == "function") return const_cast<char*>("fn");
    if (name == "place") return const_cast<char*>("p1");
    if (name == "amount" || name == "total" || name == "text") return const_cast<char*>("1000.00");
    if (name == "floor") return const_cast<char*>("1.00");
    if (name == "year") return const_cast<char*>("2023/24");
    if (name == "a" || name == "parts" || name == "units" || name == "areas") return const_cast<char*>("place");
    if (name == "b") return const_cast<char*>("local_authority");
    if (name == "whole") return const_cast<char*>("ics");
    if (name == "within") return const_cast<char*>("ics");
    if (name == "from") return const_cast<char*>("2023-01-01");
    if (name == "to") return const_cast<char*>("2024-01-01");
    if (name == "subject") return const_cast<char*>("p1.committee");
    if (name == "pence") return const_cast<char*>("123456");
    if (name == "mode") return const_cast<char*>("half_up");
    if (name == "weights") return weights;
    FAIL("no valid value for " << name);
    return nullptr;
}

bool is_out(const std::string& name) { return name.rfind("out", 0) == 0; }

}  // namespace

TEST_CASE("capi misuse: every entry point refuses NULL for each required pointer and names it") {
    Fixture fx;
    for (Call& c : calls(fx)) {
        // With every argument valid the call succeeds (so a failure below is the NULL's doing).
        {
            char* out = nullptr;
            std::vector<void*> args;
            for (const char* n : c.names) args.push_back(is_out(n) ? static_cast<void*>(&out) : valid(n, fx));
            INFO(c.function << " with every argument given");
            CHECK_MESSAGE(c.run(args) == PBP_OK, pbp_last_error());
            CHECK(out != nullptr);
            pbp_free(out);
        }
        for (std::size_t k = 0; k < c.names.size(); ++k) {
            const std::string name = c.names[k];
            INFO(c.function << " with " << name << " = NULL");
            char* out = poison_char();
            std::vector<void*> args;
            for (std::size_t j = 0; j < c.names.size(); ++j)
                args.push_back(j == k ? nullptr : is_out(c.names[j]) ? static_cast<void*>(&out) : valid(c.names[j], fx));
            // Make the last error "success" first, so that what is seen is this call's.
            Buffer ok;
            REQUIRE(pbp_money_max_pence(ok.out()) == PBP_OK);
            const int status = c.run(args);
            if (c.optional[k]) {
                CHECK_MESSAGE(status == PBP_OK, pbp_last_error());
                CHECK(std::string(pbp_last_error()) == "no error");
                if (status == PBP_OK) pbp_free(out);
                continue;
            }
            CHECK(status == PBP_ERR_INVALID_ARGUMENT);
            CHECK(pbp_last_error_code() == status);
            const std::string message = pbp_last_error();
            CHECK(message.find(name) != std::string::npos);
            CHECK(message.find("NULL") != std::string::npos);
            if (!is_out(name)) CHECK(out == nullptr);  // the out-parameter passed is cleared
        }
    }
}

TEST_CASE("capi misuse: loading entry points refuse NULL out-parameters and NULL paths or names") {
    pbp_model* m = reinterpret_cast<pbp_model*>(poison());
    const std::string path = data("small.json");
    auto refused = [](int status, const char* name) {
        CHECK(status == PBP_ERR_INVALID_ARGUMENT);
        CHECK(pbp_last_error_code() == PBP_ERR_INVALID_ARGUMENT);
        const std::string message = pbp_last_error();
        CHECK_MESSAGE(message.find(std::string(name) + " is NULL") != std::string::npos, message);
    };
    refused(pbp_model_load(nullptr, path.c_str()), "out");
    refused(pbp_model_load(&m, nullptr), "path");
    refused(pbp_model_load_text(nullptr, "{}", 2), "out");
    refused(pbp_model_load_text(&m, nullptr, 5), "text");
    refused(pbp_model_load_bundled(nullptr, "nottinghamshire"), "out");
    refused(pbp_model_load_bundled(&m, nullptr), "name");
    refused(pbp_model_open(nullptr, path.c_str()), "out");
    refused(pbp_model_open(&m, nullptr), "path_or_name");
    CHECK(m == nullptr);
    // NULL text of length 0 is the empty text: not JSON (E001), not a misuse.
    CHECK(pbp_model_load_text(&m, nullptr, 0) == PBP_ERR_PARSE);
    CHECK(std::string(pbp_last_error_diagnostic()) == "E001");
}

TEST_CASE("capi misuse: the remaining pointer arguments") {
    Fixture fx;
    // diagnostic counts: both outputs optional, the model not.
    size_t errors = 7, warnings = 7;
    CHECK(pbp_model_diagnostic_counts(nullptr, nullptr, fx.small.m) == PBP_OK);
    CHECK(pbp_model_diagnostic_counts(&errors, &warnings, nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == "model is NULL");
    CHECK(errors == 0);
    CHECK(warnings == 0);
    // save: the model and the path.
    CHECK(pbp_model_save(nullptr, "/tmp/pbp-never-written.json") == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == "model is NULL");
    CHECK(pbp_model_save(fx.small.m, nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == "path is NULL");
    // maturity: from and to together or neither.
    Buffer b;
    CHECK(pbp_model_maturity(b.out(), fx.small.m, nullptr, nullptr, "2023-01-01", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_maturity(b.out(), fx.small.m, nullptr, nullptr, nullptr, "2024-01-01", 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("from and to") != std::string::npos);
    CHECK(pbp_model_maturity(b.out(), fx.small.m, nullptr, nullptr, "2023-01-01", "2024-01-01", 0) == PBP_OK);
    // allocate: a NULL weight inside the list, and NULL weights with no count.
    const char* with_null[] = {"1", nullptr};
    char* out = poison();
    CHECK(pbp_allocate(&out, "1.00", with_null, 2, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == "weight 2 is NULL");
    CHECK(out == nullptr);
    CHECK(pbp_allocate(&out, "1.00", nullptr, 0, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(out == nullptr);
    // import: the out-parameter for the model and the lookup path are required; the report,
    // the population file and the name are not.
    char* model = poison();
    char* report = poison();
    CHECK(pbp_import_areas(nullptr, &report, data("lookup.csv").c_str(), nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("out_model") != std::string::npos);
    CHECK(report == nullptr);
    CHECK(pbp_import_areas(&model, &report, nullptr, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == "lookup_path is NULL");
    CHECK(model == nullptr);
    CHECK(report == nullptr);
    CHECK(pbp_import_areas(&model, nullptr, data("lookup.csv").c_str(), nullptr, nullptr, 0) == PBP_OK);
    pbp_free(model);
}

TEST_CASE("capi misuse: pbp_free(NULL) and pbp_model_free(NULL) do nothing, not even to the last error") {
    char* out = poison();
    REQUIRE(pbp_money_parse(&out, "not money") == PBP_ERR_INVALID_ARGUMENT);
    const std::string before = pbp_last_error();
    pbp_free(nullptr);
    pbp_model_free(nullptr);
    CHECK(pbp_last_error_code() == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == before);
    REQUIRE(pbp_money_max_pence(&out) == PBP_OK);
    pbp_free(nullptr);
    pbp_model_free(nullptr);
    CHECK(pbp_last_error_code() == PBP_OK);
    pbp_free(out);
}

TEST_CASE("capi misuse: a file past a limit is a parse failure carrying its code") {
    // 10,000 nested lists (docs/limits.md: at most 64 levels): E011, no model.
    const std::string deep = R"({"format": "pbp/1", "name": "deep", "attrs": )" + std::string(10'000, '[') +
                             std::string(10'000, ']') + "}";
    pbp_model* m = reinterpret_cast<pbp_model*>(poison());
    CHECK(pbp_model_load_text(&m, deep.data(), deep.size()) == PBP_ERR_PARSE);
    CHECK(m == nullptr);
    CHECK(std::string(pbp_last_error_diagnostic()) == "E011");
    CHECK(std::string(pbp_last_error()).rfind("E011 at line 1, column 109", 0) == 0);
}

TEST_CASE("capi misuse: a million-digit amount is refused as out of range, leading zeros aside") {
    // 2^127 - 1 has 39 digits; a longer count of pence is out of range whatever it says, and is
    // refused without converting it (which would take time in proportion to its square).
    const std::string huge = "1" + std::string(1'000'000, '0');
    char* out = poison();
    CHECK(pbp_money_format(&out, huge.c_str(), PBP_MONEY_PLAIN) == PBP_ERR_OVERFLOW);
    CHECK(out == nullptr);
    CHECK(pbp_money_round(&out, ("-" + huge).c_str(), 0, nullptr) == PBP_ERR_OVERFLOW);
    CHECK(pbp_money_parse(&out, (huge + ".00").c_str()) == PBP_ERR_OVERFLOW);
    const std::string zeros = std::string(1'000'000, '0') + "123450";
    REQUIRE(pbp_money_format(&out, zeros.c_str(), PBP_MONEY_PLAIN) == PBP_OK);
    CHECK(std::string(out) == "1234.50");
    pbp_free(out);
}

TEST_CASE("capi misuse: pence written with leading zeros are decimal, not octal") {
    // Found while writing the test above: Boost reads "0123450" as octal (42,792), so
    // pbp_money_format gave "427.92". Each expected value is the decimal reading.
    Buffer b;
    REQUIRE(pbp_money_format(b.out(), "010", PBP_MONEY_PLAIN) == PBP_OK);
    CHECK(b.str() == "0.10");
    REQUIRE(pbp_money_format(b.out(), "-0123450", PBP_MONEY_PLAIN) == PBP_OK);
    CHECK(b.str() == "-1234.50");
    REQUIRE(pbp_money_format(b.out(), "-000", PBP_MONEY_PLAIN) == PBP_OK);
    CHECK(b.str() == "0.00");
    REQUIRE(pbp_money_round(b.out(), "0155", 1, "half_up") == PBP_OK);
    CHECK(b.str() == "160");  // 155 pence to the nearest 10p, halves up
    REQUIRE(pbp_money_format(b.out(), "09", PBP_MONEY_PLAIN) == PBP_OK);  // not an octal digit
    CHECK(b.str() == "0.09");
}

// Fuzz target: the C API (docs/fuzzing.md). Every entry point is called with fuzzed strings and
// NULLs, on a model loaded from fuzzed text or a bundled one, checking pbp.h's promises:
// - the status is PBP_OK or one of the PBP_ERR_* codes;
// - on failure every out-parameter is NULL and pbp_last_error() names the problem (never NULL,
//   never "no error"); on success it is "no error" and the outputs are set;
// - every buffer is freed with pbp_free() and every model with pbp_model_free(), so that
//   LeakSanitizer reports any leak.
// Entry points that take a file path are given only NULL or a path that does not exist: the
// fuzzer must not read or write files of its choosing. Every entry point of pbp.h is called.
#include "fuzz_support.hpp"

#include "pbp/pbp.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

bool known_status(int s) { return s <= 0 && s >= PBP_ERR_INTERNAL; }

// After a call: status known; the last error agrees with it; outputs NULL on failure.
void after(int status, std::initializer_list<char**> outs) {
    PBP_FUZZ_CHECK(known_status(status));
    PBP_FUZZ_CHECK(status != PBP_ERR_INTERNAL);  // "a bug in pbp"
    PBP_FUZZ_CHECK(pbp_last_error_code() == status);
    const char* message = pbp_last_error();
    PBP_FUZZ_CHECK(message != nullptr);
    PBP_FUZZ_CHECK(pbp_last_error_diagnostic() != nullptr && pbp_last_error_diagnostics() != nullptr);
    if (status == PBP_OK) {
        PBP_FUZZ_CHECK(std::strcmp(message, "no error") == 0);
        for (char** o : outs)
            if (o) PBP_FUZZ_CHECK(*o != nullptr);
    } else {
        PBP_FUZZ_CHECK(*message != '\0' && std::strcmp(message, "no error") != 0);
        for (char** o : outs)
            if (o) PBP_FUZZ_CHECK(*o == nullptr);
    }
    for (char** o : outs)
        if (o) {
            pbp_free(*o);
            *o = nullptr;
        }
}

// Strings the fuzzer chooses, or NULL. Held here so that their c_str() stays valid: in a deque,
// whose elements never move (a vector's reallocation moves short strings, whose characters live
// inside the string object, and left earlier pointers dangling: the first finding of this target).
struct Args {
    FuzzedDataProvider& in;
    std::deque<std::string> held;

    const char* str() {
        if (in.ConsumeIntegralInRange(0, 7) == 0) return nullptr;
        held.push_back(in.ConsumeRandomLengthString(40));
        return held.back().c_str();
    }
    // A string from a fixed list (ids and values the models use) or fuzzed, or NULL.
    const char* pick(std::initializer_list<const char*> likely) {
        const int k = in.ConsumeIntegralInRange(0, 3);
        if (k == 0) return str();
        const auto i = in.ConsumeIntegralInRange<std::size_t>(0, likely.size() - 1);
        return likely.begin()[i];
    }
    char** out(char** p) { return in.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : p; }
};

constexpr std::initializer_list<const char*> kIds = {
    "icb", "p1", "p2", "fn", "provider", "p1.director", "place", "local_authority", "notts", "nottinghamshire",
    "E08000001", "ics", "lsoa", "district", "2023-01-01", "2023/24", "1000.00", "0.01", "half_up", ""};

void query(Args& a, const pbp_model* m, unsigned flags) {
    char* out = nullptr;
    char** o = a.out(&out);
    int s = 0;
    switch (a.in.ConsumeIntegralInRange(0, 19)) {
        case 0: s = pbp_model_accountability(o, m, a.pick(kIds), a.pick(kIds), flags); break;
        case 1: s = pbp_model_decides(o, m, a.pick(kIds), a.pick(kIds), a.pick(kIds), flags); break;
        case 2: s = pbp_model_authority(o, m, a.pick(kIds), a.pick(kIds), a.pick(kIds), a.pick(kIds), flags); break;
        case 3: s = pbp_model_balances(o, m, a.pick(kIds), flags); break;
        case 4: s = pbp_model_trace(o, m, a.pick(kIds), a.pick(kIds), flags); break;
        case 5: s = pbp_model_coterminosity(o, m, a.pick(kIds), a.pick(kIds), a.pick(kIds), a.pick(kIds), flags); break;
        case 6: s = pbp_model_partitions(o, m, a.pick(kIds), a.pick(kIds), a.pick(kIds), a.pick(kIds), flags); break;
        case 7: s = pbp_model_boundaries(o, m, a.pick(kIds), a.pick(kIds), a.pick(kIds), a.pick(kIds), flags); break;
        case 8:
            s = pbp_model_fair_shares(o, m, a.pick(kIds), a.pick(kIds), a.pick(kIds), a.pick(kIds), a.pick(kIds), flags);
            break;
        case 9: s = pbp_model_designation(o, m, a.pick(kIds), flags); break;
        case 10: s = pbp_model_diff(o, m, a.pick(kIds), a.pick(kIds), flags); break;
        case 11: s = pbp_model_maturity(o, m, a.pick(kIds), a.pick(kIds), a.pick(kIds), a.pick(kIds), flags); break;
        case 12: s = pbp_model_validate(o, m, flags); break;
        case 13: s = pbp_model_export(o, m, a.pick({"json", "dot", "graphml", "svg"}), a.pick(kIds)); break;
        case 14: s = pbp_model_report(o, m, a.pick(kIds)); break;
        case 15: s = pbp_model_name(o, m); break;
        case 16: {
            size_t errors = 99, warnings = 99;
            s = pbp_model_diagnostic_counts(a.in.ConsumeBool() ? &errors : nullptr,
                                            a.in.ConsumeBool() ? &warnings : nullptr, m);
            after(s, {});
            return;
        }
        case 17:
            // Saving only to a path that cannot be written (or NULL): the fuzzer writes no files.
            s = pbp_model_save(m, a.in.ConsumeBool() ? nullptr : "/nonexistent-pbp-fuzz/out.json");
            PBP_FUZZ_CHECK(s != PBP_OK);
            after(s, {});
            return;
        default: s = pbp_model_accountability(o, m, a.str(), a.str(), flags); break;
    }
    after(s, {o});
}

void money(Args& a) {
    char* out = nullptr;
    char** o = a.out(&out);
    int s = 0;
    switch (a.in.ConsumeIntegralInRange(0, 6)) {
        case 0: s = pbp_money_parse(o, a.str()); break;
        case 1: {
            const char* pence = a.str();
            const int style = a.in.ConsumeIntegralInRange(-1, 2);
            s = pbp_money_format(o, pence, style);
            if (s == PBP_OK && o && style == PBP_MONEY_PLAIN) {
                // The amount printed reads back as the same pence (written without leading
                // zeros, and "0" for any zero).
                std::string expected(pence);
                const bool negative = !expected.empty() && expected[0] == '-';
                if (negative) expected.erase(0, 1);
                expected.erase(0, std::min(expected.find_first_not_of('0'), expected.size() - 1));
                if (negative && expected != "0") expected.insert(0, "-");
                char* back = nullptr;
                PBP_FUZZ_CHECK(pbp_money_parse(&back, *o) == PBP_OK);
                PBP_FUZZ_CHECK(expected == back);
                pbp_free(back);
            }
            break;
        }
        case 2:
            s = pbp_money_round(o, a.str(), a.in.ConsumeIntegralInRange(-1, 3),
                                a.pick({"half_even", "half_up", "half_down", "down", "up", "floor", "ceiling"}));
            break;
        case 3: s = pbp_money_max_pence(o); break;
        case 4: s = pbp_bundled_models(o); break;
        case 5: {
            // Entry points that never fail: any status number has a description; the version.
            PBP_FUZZ_CHECK(pbp_status_string(a.in.ConsumeIntegral<int>()) != nullptr);
            PBP_FUZZ_CHECK(pbp_version() != nullptr && pbp_version_number() == PBP_VERSION_NUMBER);
            // Importing areas, from paths that do not exist (or NULL): the fuzzer reads no files.
            char* report = nullptr;
            s = pbp_import_areas(o, a.in.ConsumeBool() ? &report : nullptr,
                                 a.in.ConsumeBool() ? nullptr : "/nonexistent-pbp-fuzz/lookup.csv",
                                 a.in.ConsumeBool() ? nullptr : "/nonexistent-pbp-fuzz/population.csv", a.str(), 0);
            PBP_FUZZ_CHECK(s != PBP_OK && report == nullptr);
            break;
        }
        default: {
            std::vector<const char*> weights;
            const std::size_t n = a.in.ConsumeIntegralInRange<std::size_t>(0, 8);
            for (std::size_t k = 0; k < n; ++k) weights.push_back(a.pick({"1", "2", "0.5", "0", "3.25", "-1"}));
            const bool null_weights = a.in.ConsumeIntegralInRange(0, 7) == 0;
            s = pbp_allocate(o, a.str(), null_weights ? nullptr : weights.data(), n, a.in.ConsumeBool() ? PBP_PRETTY : 0);
        }
    }
    after(s, {o});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    Args a{in, {}};

    // A model: fuzzed text, a bundled model by a (fuzzed) name, or none at all.
    pbp_model* m = nullptr;
    pbp_model** mo = in.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : &m;
    int s = 0;
    bool shared = false;  // a bundled model, loaded once for every input (a handle never changes)
    switch (in.ConsumeIntegralInRange(0, 5)) {
        case 0: {
            const char* name = a.pick({"nottinghamshire", "bob", "west-yorkshire", "greater-manchester"});
            // Never destroyed, so the models stay reachable at exit and LeakSanitizer does not
            // count them (a static map's destructor would leave them unreachable).
            static auto& bundled = *new std::map<std::string, pbp_model*>;
            if (name && mo && bundled.count(name)) {
                m = bundled[name];
                s = PBP_OK;
                shared = true;
                break;
            }
            s = pbp_model_load_bundled(mo, name);
            if (s == PBP_OK && name) {
                bundled[name] = m;
                shared = true;
            }
            break;
        }
        case 1: s = pbp_model_load(mo, in.ConsumeBool() ? nullptr : "/nonexistent-pbp-fuzz/model.json"); break;
        case 2: s = pbp_model_open(mo, in.ConsumeBool() ? nullptr : "/nonexistent-pbp-fuzz/model.json"); break;
        case 3: s = pbp_model_load_text(mo, nullptr, in.ConsumeIntegralInRange<std::size_t>(0, 2)); break;
        default: {
            const std::string text = in.ConsumeRandomLengthString(8192);
            s = pbp_model_load_text(mo, text.data(), text.size());
        }
    }
    PBP_FUZZ_CHECK(known_status(s) && s != PBP_ERR_INTERNAL);
    PBP_FUZZ_CHECK(pbp_last_error() != nullptr);
    if (s != PBP_OK && mo) PBP_FUZZ_CHECK(m == nullptr);
    if (s == PBP_OK) PBP_FUZZ_CHECK(m != nullptr);

    const int calls = in.ConsumeIntegralInRange(1, 24);
    for (int k = 0; k < calls && in.remaining_bytes() > 0; ++k) {
        const unsigned flags = in.ConsumeIntegralInRange(0u, 3u);
        if (in.ConsumeIntegralInRange(0, 3) == 0) money(a);
        else query(a, in.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : m, flags);
    }
    // The two frees accept NULL and change nothing.
    pbp_free(nullptr);
    pbp_model_free(nullptr);
    if (!shared) pbp_model_free(m);
    return 0;
}

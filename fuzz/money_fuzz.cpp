// Fuzz target: money (docs/fuzzing.md). Parsing, printing and rounding fuzzed amounts, and
// allocate() with a fuzzed total and weights, checked against money.hpp and allocate.hpp:
// - Money::parse accepts exactly `-?[0-9]+(\.[0-9]{1,2})?` within +-(2^127 - 1) pence, and
//   to_string() parses back to the same amount, never printing "-0.00";
// - rounding to 0, 1 or 2 places lands on a multiple of the step, within one step of the
//   amount, and on the side the mode says;
// - allocate()'s shares sum exactly to the total and none is a penny or more from its exact
//   value total x w / sum(w).
#include "fuzz_support.hpp"

#include "pbp/allocate.hpp"
#include "pbp/error.hpp"
#include "pbp/money.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace pbp;
namespace mp = boost::multiprecision;

namespace {
const mp::cpp_int& max_pence() {
    static const mp::cpp_int v = (mp::cpp_int(1) << 127) - 1;
    return v;
}

bool strict_syntax(const std::string& t) {
    std::size_t i = (!t.empty() && t[0] == '-') ? 1 : 0, digits = 0, decimals = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
    if (digits == 0) return false;
    if (i == t.size()) return true;
    if (t[i++] != '.') return false;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++decimals;
    return i == t.size() && decimals >= 1 && decimals <= 2;
}

// A digit string of fuzzed length, mostly digits, so that large amounts are reached.
std::string amount_text(FuzzedDataProvider& in) {
    if (in.ConsumeBool()) return in.ConsumeRandomLengthString(64);
    std::string s = in.ConsumeBool() ? "-" : "";
    const std::size_t whole = in.ConsumeIntegralInRange<std::size_t>(1, 45);
    for (std::size_t k = 0; k < whole; ++k) s += static_cast<char>('0' + in.ConsumeIntegralInRange(0, 9));
    const int places = in.ConsumeIntegralInRange(0, 3);
    if (places > 0) s += '.';
    for (int k = 0; k < places; ++k) s += static_cast<char>('0' + in.ConsumeIntegralInRange(0, 9));
    return s;
}

void check_round(const Money& m, int places, Rounding mode) {
    const Money r = m.round(places, mode);
    const mp::cpp_int step = places == 2 ? 1 : places == 1 ? 10 : 100;
    const mp::cpp_int a(m.pence()), b(r.pence());
    PBP_FUZZ_CHECK(b % step == 0);
    PBP_FUZZ_CHECK(mp::abs(b - a) < step);
    switch (mode) {
        case Rounding::floor: PBP_FUZZ_CHECK(b <= a); break;
        case Rounding::ceiling: PBP_FUZZ_CHECK(b >= a); break;
        case Rounding::down: PBP_FUZZ_CHECK(mp::abs(b) <= mp::abs(a)); break;
        case Rounding::up: PBP_FUZZ_CHECK(mp::abs(b) >= mp::abs(a)); break;
        default: PBP_FUZZ_CHECK(2 * mp::abs(b - a) <= step); break;  // to nearest
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);

    // Parse and print.
    const std::string text = amount_text(in);
    const std::optional<Money> parsed = Money::parse(text);
    if (parsed) {
        PBP_FUZZ_CHECK(strict_syntax(text));
        PBP_FUZZ_CHECK(mp::abs(mp::cpp_int(parsed->pence())) <= max_pence());
        const std::string printed = parsed->to_string();
        PBP_FUZZ_CHECK(printed != "-0.00");
        PBP_FUZZ_CHECK(Money::parse(printed) == parsed);
        PBP_FUZZ_CHECK(!parsed->to_display().empty());
        // The exact value agrees with parse_decimal's.
        PBP_FUZZ_CHECK(parse_decimal(text) == parsed->pounds());
        for (int places = 0; places <= 2; ++places)
            for (Rounding mode : {Rounding::half_even, Rounding::half_up, Rounding::half_down, Rounding::down,
                                  Rounding::up, Rounding::floor, Rounding::ceiling})
                try {
                    check_round(*parsed, places, mode);
                } catch (const Overflow&) {
                    // Rounding away from zero at the very edge of the range.
                }
    } else if (strict_syntax(text)) {
        // Refused only when out of range.
        const auto exact = parse_decimal(text);
        PBP_FUZZ_CHECK(!exact || mp::abs(mp::numerator(Ratio(*exact * 100))) > max_pence());
    }
    try {
        (void)Money::parse_rounded(text, Rounding::half_even);
    } catch (const InvalidArgument&) {
    } catch (const Overflow&) {
    }

    // Arithmetic: a result out of range throws Overflow, never wraps.
    if (parsed) {
        const std::optional<Money> other = Money::parse(amount_text(in));
        if (other) {
            const mp::cpp_int a(parsed->pence()), b(other->pence());
            try {
                const Money s = *parsed + *other;
                PBP_FUZZ_CHECK(mp::cpp_int(s.pence()) == a + b);
            } catch (const Overflow&) {
                PBP_FUZZ_CHECK(mp::abs(a + b) > max_pence());
            }
            try {
                const Money d = *parsed - *other;
                PBP_FUZZ_CHECK(mp::cpp_int(d.pence()) == a - b);
            } catch (const Overflow&) {
                PBP_FUZZ_CHECK(mp::abs(a - b) > max_pence());
            }
        }
    }

    // allocate(): a total and up to 64 weights (whole or decimal numbers).
    const std::optional<Money> total = Money::parse(amount_text(in));
    if (!total) return 0;
    std::vector<Ratio> weights;
    const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(1, 64);
    for (std::size_t k = 0; k < n && in.remaining_bytes() > 0; ++k) {
        if (in.ConsumeBool()) {
            weights.emplace_back(in.ConsumeIntegral<std::uint64_t>());
        } else {
            const auto w = parse_decimal(in.ConsumeRandomLengthString(48));
            if (w && *w >= 0) weights.push_back(*w);
        }
    }
    if (weights.empty()) return 0;
    Ratio sum = 0;
    for (const Ratio& w : weights) sum += w;
    if (sum == 0) {
        try {
            (void)allocate(*total, weights);
            PBP_FUZZ_CHECK(false);  // weights summing to zero must be refused
        } catch (const InvalidArgument&) {
        }
        return 0;
    }
    const std::vector<Money> shares = allocate(*total, weights);
    PBP_FUZZ_CHECK(shares.size() == weights.size());
    mp::cpp_int given = 0;
    const Ratio t(mp::cpp_int(total->pence()));
    for (std::size_t k = 0; k < shares.size(); ++k) {
        const mp::cpp_int s(shares[k].pence());
        given += s;
        const Ratio exact = t * weights[k] / sum;
        const Ratio gap = Ratio(s) - exact;
        PBP_FUZZ_CHECK(gap < 1 && gap > -1);
    }
    PBP_FUZZ_CHECK(given == mp::cpp_int(total->pence()));
    return 0;
}

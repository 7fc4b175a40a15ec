#include "pbp/money.hpp"
#include "digits.hpp"

#include "pbp/error.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace pbp {
namespace mp = boost::multiprecision;
using mp::cpp_int;

namespace {
constexpr std::array<std::pair<Rounding, std::string_view>, 7> kModes{{
    {Rounding::half_even, "half_even"},
    {Rounding::half_up, "half_up"},
    {Rounding::half_down, "half_down"},
    {Rounding::down, "down"},
    {Rounding::up, "up"},
    {Rounding::floor, "floor"},
    {Rounding::ceiling, "ceiling"},
}};

// Splits `-?[0-9]+(\.[0-9]+)?` into sign, integer digits and fraction digits.
struct DecimalParts {
    bool negative = false;
    std::string_view whole, fraction;
};
std::optional<DecimalParts> split_decimal(std::string_view t) {
    DecimalParts p;
    if (!t.empty() && t.front() == '-') {
        p.negative = true;
        t.remove_prefix(1);
    }
    auto dot = t.find('.');
    p.whole = t.substr(0, dot);
    if (dot != std::string_view::npos) {
        p.fraction = t.substr(dot + 1);
        if (p.fraction.empty()) return std::nullopt;
    }
    if (p.whole.empty()) return std::nullopt;
    for (char c : p.whole)
        if (c < '0' || c > '9') return std::nullopt;
    for (char c : p.fraction)
        if (c < '0' || c > '9') return std::nullopt;
    return p;
}

cpp_int digits_value(std::string_view a, std::string_view b) {
    cpp_int v = 0;
    for (char c : a) v = v * 10 + (c - '0');
    for (char c : b) v = v * 10 + (c - '0');
    return v;
}

Pence to_pence(const cpp_int& v) {
    // checked_int128_t's range is symmetric: +-(2^128 - 1).
    static const cpp_int limit = (cpp_int(1) << 127) - 1;
    if (v > limit || v < -limit) throw Overflow("amount out of range: more than 2^127 pence");
    return Pence(v);
}

// The library's promise is |pence| <= 2^127 - 1 (SPEC 1.3 asks for at least 2^100). The
// underlying checked_int128_t holds magnitudes up to 2^128 - 1, so sums just past 2^127 would
// not trip its own check: every result is bounded here as well.
const Pence& max_pence() {
    static const Pence p((cpp_int(1) << 127) - 1);
    return p;
}

Pence bounded(const Pence& p) {
    if (p > max_pence() || p < -max_pence()) throw Overflow("money arithmetic overflow: result beyond 2^127 pence");
    return p;
}

template <class F>
Pence checked(F&& f) {
    try {
        return bounded(f());
    } catch (const std::overflow_error&) {
        throw Overflow("money arithmetic overflow: result beyond 2^127 pence");
    } catch (const std::range_error&) {
        throw Overflow("money arithmetic overflow: result beyond 2^127 pence");
    }
}
}  // namespace

std::string_view to_string(Rounding mode) noexcept {
    for (auto& [m, n] : kModes)
        if (m == mode) return n;
    return "half_even";
}

std::optional<Rounding> parse_rounding(std::string_view name) noexcept {
    for (auto& [m, n] : kModes)
        if (n == name) return m;
    return std::nullopt;
}

cpp_int round_to_integer(const Ratio& v, Rounding mode) {
    const cpp_int n = mp::numerator(v), d = mp::denominator(v);  // d > 0
    cpp_int q = n / d, r = n % d;                                  // q truncated toward zero
    if (r == 0) return q;
    const bool neg = n < 0;
    const int away = neg ? -1 : 1;
    switch (mode) {
        case Rounding::down: return q;
        case Rounding::up: return q + away;
        case Rounding::floor: return neg ? q - 1 : q;
        case Rounding::ceiling: return neg ? q : q + 1;
        default: break;
    }
    const cpp_int twice = 2 * mp::abs(r);
    if (twice > d) return q + away;
    if (twice < d) return q;
    switch (mode) {
        case Rounding::half_up: return q + away;
        case Rounding::half_down: return q;
        default: return (q % 2 == 0) ? q : q + away;  // half_even
    }
}

std::optional<Ratio> parse_decimal(std::string_view text) {
    auto p = split_decimal(text);
    if (!p || p->whole.size() + p->fraction.size() > 200) return std::nullopt;
    cpp_int scale = mp::pow(cpp_int(10), static_cast<unsigned>(p->fraction.size()));
    Ratio r(digits_value(p->whole, p->fraction), scale);
    return p->negative ? Ratio(-r) : r;
}

std::string format_decimal(const Ratio& value, int places, Rounding mode) {
    const cpp_int scale = mp::pow(cpp_int(10), static_cast<unsigned>(places));
    cpp_int units = round_to_integer(value * scale, mode);
    const bool neg = units < 0;
    std::string digits = cpp_int(mp::abs(units)).str();
    if (places > 0) {
        if (digits.size() <= static_cast<std::size_t>(places))
            digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
        // One character, not the string ".": GCC 12 warns (-Wrestrict, a false positive) on
        // inserting a C string once this is inlined into a unity build, as on `"-" + digits`.
        digits.insert(digits.end() - places, '.');
    }
    if (neg) digits.insert(digits.begin(), '-');
    return digits;
}

bool Money::is_form(std::string_view text) noexcept {
    const auto p = split_decimal(text);
    return p && p->fraction.size() <= 2;
}

std::optional<Money> Money::parse(std::string_view text) noexcept {
    try {
        auto p = split_decimal(text);  // is_form(), kept to one split: this is the loader's path
        if (!p || p->fraction.size() > 2) return std::nullopt;
        // A cheap guard before converting: 2^127 - 1 pence is 37 digits of pounds, so 40 or more
        // are out of range whatever they say; to_pence() checks the range exactly. Leading zeros
        // do not count: "000...1.00" is in range.
        const std::size_t significant = p->whole.size() - std::min(p->whole.find_first_not_of('0'), p->whole.size());
        if (significant > 39) return std::nullopt;
        p->whole.remove_prefix(p->whole.size() - std::max<std::size_t>(significant, 1));
        // Sixteen digits of pounds and two of pence are under 2^63: every amount a model is
        // likely to hold is read in a 64-bit integer, exactly, without a big number's work
        // for each digit (callgrind: 2,000 instructions an amount that way).
        if (p->whole.size() <= 16) {
            std::int64_t pence = 0;
            for (char c : p->whole) pence = pence * 10 + (c - '0');
            for (std::size_t k = 0; k < 2; ++k) pence = pence * 10 + (k < p->fraction.size() ? p->fraction[k] - '0' : 0);
            return Money(Pence(p->negative ? -pence : pence));
        }
        std::string frac(p->fraction);
        frac.resize(2, '0');
        cpp_int v = digits_value(p->whole, frac);
        return Money(to_pence(p->negative ? cpp_int(-v) : v));
    } catch (...) {
        return std::nullopt;
    }
}

Money Money::parse_rounded(std::string_view text, Rounding mode) {
    auto r = parse_decimal(text);
    if (!r) throw InvalidArgument("not a decimal amount: \"" + std::string(text) + "\"");
    return round(*r, mode);
}

Money Money::round(const Ratio& pounds, Rounding mode) {
    return Money(to_pence(round_to_integer(pounds * 100, mode)));
}

Money Money::round(int places, Rounding mode) const {
    if (places < 0 || places > 2) throw InvalidArgument("money rounds to 0, 1 or 2 decimal places");
    if (places == 2) return *this;
    const int step = places == 1 ? 10 : 100;
    cpp_int units = round_to_integer(Ratio(cpp_int(pence_), step), mode);
    return Money(to_pence(units * step));
}

Ratio Money::pounds() const { return Ratio(cpp_int(pence_), 100); }

std::string Money::to_string() const {
    cpp_int a = mp::abs(cpp_int(pence_));
    std::string frac = cpp_int(a % 100).str();
    if (frac.size() < 2) frac.insert(0, "0");
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about `"-" + std::string&&`.
    std::string out(pence_ < 0 ? "-" : "");
    out += cpp_int(a / 100).str();
    out += '.';
    out += frac;
    return out;
}

std::string Money::to_display() const {
    cpp_int a = mp::abs(cpp_int(pence_));
    std::string whole = cpp_int(a / 100).str(), frac = cpp_int(a % 100).str();
    if (frac.size() < 2) frac.insert(0, "0");
    return (pence_ < 0 ? "-\xC2\xA3" : "\xC2\xA3") + detail::group_digits(whole) + "." + frac;
}

Money& Money::operator+=(const Money& o) {
    pence_ = checked([&] { return Pence(pence_ + o.pence_); });
    return *this;
}
Money& Money::operator-=(const Money& o) {
    pence_ = checked([&] { return Pence(pence_ - o.pence_); });
    return *this;
}
Money Money::operator-() const { return Money(checked([&] { return Pence(-pence_); })); }

Money operator*(const Money& a, std::int64_t k) {
    return Money::from_pence(to_pence(cpp_int(a.pence_) * k));
}

Money Money::times(const Ratio& r, Rounding mode) const {
    return Money(to_pence(round_to_integer(Ratio(cpp_int(pence_)) * r, mode)));
}

}  // namespace pbp

/// @file money.hpp
/// @brief Exact GBP amounts (SPEC 1.3). Money is a count of pence in a checked 128-bit
/// integer; ratios are exact rationals; the only way back from a ratio to money is through a
/// named rounding mode. No binary floating point touches money anywhere in the library.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pbp {

/// An exact rational number (weights, shares, need indices, coverage).
using Ratio = boost::multiprecision::cpp_rational;

/// Pence in a signed 128-bit integer that throws instead of wrapping (2^127 pence is far beyond
/// any sum a model can hold; SPEC 1.3 asks for at least 2^100).
using Pence = boost::multiprecision::checked_int128_t;

/// How an exact value is turned into a whole number of units (SPEC 1.3).
enum class Rounding {
    half_even,  ///< to nearest, ties to the even neighbour (banker's rounding; the default)
    half_up,    ///< to nearest, ties away from zero
    half_down,  ///< to nearest, ties toward zero
    down,       ///< toward zero (truncate)
    up,         ///< away from zero
    floor,      ///< toward negative infinity
    ceiling,    ///< toward positive infinity
};

/// The mode's name as SPEC 1.3 spells it (`"half_even"`, ...).
std::string_view to_string(Rounding mode) noexcept;
/// Parses a mode name; std::nullopt for anything else.
std::optional<Rounding> parse_rounding(std::string_view name) noexcept;

/// Rounds an exact rational to an integer with the given mode. Never throws for finite input.
boost::multiprecision::cpp_int round_to_integer(const Ratio& value, Rounding mode);

/// Parses a plain decimal `-?[0-9]+(\.[0-9]+)?` (weights, need indices) exactly.
/// @return std::nullopt for anything else (exponents, spaces, `+`, empty).
std::optional<Ratio> parse_decimal(std::string_view text);

/// Formats an exact rational with `places` decimals, rounded with `mode` (coverage, scores).
std::string format_decimal(const Ratio& value, int places, Rounding mode = Rounding::half_even);

/// An exact amount of GBP: a whole number of pence with |pence| <= 2^127 - 1. Every operation
/// that would leave that range throws Overflow; nothing wraps. Parsing is strict (SPEC 1.3) and
/// printing never gives `-0.00`.
class Money {
public:
    /// Zero.
    Money() = default;

    /// An amount of `pence` pence. @pre |pence| <= 2^127 - 1 (arithmetic on a value outside
    /// that range throws Overflow).
    static Money from_pence(Pence pence) noexcept { return Money(pence); }

    /// Parses the strict form of SPEC 1.3: `-?[0-9]+(\.[0-9]{1,2})?`.
    /// @return std::nullopt for anything else, including amounts too large to hold (is_form()
    /// tells the two apart).
    static std::optional<Money> parse(std::string_view text) noexcept;

    /// True when `text` has the strict form of SPEC 1.3, whatever its size: where parse() gives
    /// nothing for such a text, the amount is out of range rather than malformed.
    static bool is_form(std::string_view text) noexcept;

    /// Parses any plain decimal (`-?[0-9]+(\.[0-9]+)?`), rounding it to pence with `mode`.
    /// @throws InvalidArgument when the text is not a decimal; Overflow when it is too large.
    static Money parse_rounded(std::string_view text, Rounding mode);

    /// The exact value of `pounds` rounded to pence with `mode`.
    /// @throws Overflow when the result does not fit.
    static Money round(const Ratio& pounds, Rounding mode);

    /// This amount rounded to `places` decimal places (0, 1 or 2) with `mode`.
    [[nodiscard]] Money round(int places, Rounding mode = Rounding::half_even) const;

    /// The amount in pence.
    [[nodiscard]] const Pence& pence() const noexcept { return pence_; }
    /// The amount in pounds as an exact rational.
    [[nodiscard]] Ratio pounds() const;

    /// Machine form: optional `-`, digits, `.`, two digits (`"1234.50"`; zero is `"0.00"`).
    [[nodiscard]] std::string to_string() const;
    /// Human form: `£1,234.50`, negative as `-£1,234.50`.
    [[nodiscard]] std::string to_display() const;

    [[nodiscard]] bool is_zero() const noexcept { return pence_ == 0; }
    [[nodiscard]] bool is_negative() const noexcept { return pence_ < 0; }

    /// @throws Overflow instead of wrapping.
    Money& operator+=(const Money& o);
    /// @throws Overflow instead of wrapping.
    Money& operator-=(const Money& o);
    friend Money operator+(Money a, const Money& b) { return a += b; }
    friend Money operator-(Money a, const Money& b) { return a -= b; }
    Money operator-() const;
    /// Multiplication by a whole number. @throws Overflow instead of wrapping.
    friend Money operator*(const Money& a, std::int64_t k);
    friend Money operator*(std::int64_t k, const Money& a) { return a * k; }
    /// Multiplication by an exact ratio, rounded back to pence with `mode`.
    [[nodiscard]] Money times(const Ratio& r, Rounding mode = Rounding::half_even) const;

    friend bool operator==(const Money& a, const Money& b) noexcept { return a.pence_ == b.pence_; }
    friend std::strong_ordering operator<=>(const Money& a, const Money& b) noexcept {
        return a.pence_ < b.pence_ ? std::strong_ordering::less
               : b.pence_ < a.pence_ ? std::strong_ordering::greater
                                     : std::strong_ordering::equal;
    }

private:
    explicit Money(Pence p) noexcept : pence_(p) {}
    Pence pence_ = 0;
};

}  // namespace pbp

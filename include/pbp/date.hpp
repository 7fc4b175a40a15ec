/// @file date.hpp
/// @brief Calendar dates (`YYYY-MM-DD`) and the half-open validity intervals of SPEC 1.1.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pbp {

/// A proleptic Gregorian calendar day, stored as days since 1970-01-01.
struct Date {
    std::int32_t days = 0;
    friend constexpr auto operator<=>(Date, Date) = default;
};

/// Parses a strict `YYYY-MM-DD` date (a real calendar day, e.g. no 2023-02-29).
/// @return the date, or std::nullopt when the text is not such a day. Never throws.
std::optional<Date> parse_date(std::string_view text) noexcept;

/// Formats a date as `YYYY-MM-DD`.
std::string to_string(Date d);

/// The dates an entity or relation exists: `from <= d < to`; a missing bound is open.
struct Validity {
    std::optional<Date> from;
    std::optional<Date> to;

    /// True when the thing exists on day `d`; with no day (a query with no as-of date)
    /// everything exists (SPEC 2.6.1: no as-of date does not mean today).
    [[nodiscard]] bool contains(std::optional<Date> d) const noexcept {
        if (!d) return true;
        if (from && *d < *from) return false;
        if (to && !(*d < *to)) return false;
        return true;
    }
};

/// A financial year, 1 April to 31 March, written `"2022/23"`; stored as its first calendar year.
struct FinancialYear {
    int start = 0;
    friend constexpr auto operator<=>(FinancialYear, FinancialYear) = default;
};

/// Parses `YYYY/YY` where the second part is the year after the first (SPEC 1.2 flows).
std::optional<FinancialYear> parse_financial_year(std::string_view text) noexcept;

/// Formats a financial year as `YYYY/YY`.
std::string to_string(FinancialYear y);

}  // namespace pbp

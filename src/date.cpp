#include "pbp/date.hpp"

#include <chrono>
#include <cstdio>

namespace pbp {
namespace {
bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
}  // namespace

std::optional<Date> parse_date(std::string_view t) noexcept {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto ys = t.substr(0, 4), ms = t.substr(5, 2), ds = t.substr(8, 2);
    if (!digits(ys) || !digits(ms) || !digits(ds)) return std::nullopt;
    using namespace std::chrono;
    year_month_day ymd{year{to_int(ys)}, month{static_cast<unsigned>(to_int(ms))},
                       day{static_cast<unsigned>(to_int(ds))}};
    if (!ymd.ok()) return std::nullopt;
    return Date{static_cast<std::int32_t>(sys_days{ymd}.time_since_epoch().count())};
}

std::string to_string(Date d) {
    using namespace std::chrono;
    year_month_day ymd{sys_days{days{d.days}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<FinancialYear> parse_financial_year(std::string_view t) noexcept {
    if (t.size() != 7 || t[4] != '/') return std::nullopt;
    auto a = t.substr(0, 4), b = t.substr(5, 2);
    if (!digits(a) || !digits(b)) return std::nullopt;
    int first = to_int(a);
    if ((first + 1) % 100 != to_int(b)) return std::nullopt;
    return FinancialYear{first};
}

std::string to_string(FinancialYear y) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d/%02d", y.start, (y.start + 1) % 100);
    return buf;
}

}  // namespace pbp

// Numbers as people read them in messages and reports: "134,217,728". One rule for counts,
// populations and pounds alike. Internal to the library: not installed.
#pragma once

#include <string>
#include <string_view>

namespace pbp::detail {

/// `digits` (an optional `-`, then decimal digits) with a comma before each group of three.
inline std::string group_digits(std::string_view digits) {
    std::string out;
    if (!digits.empty() && digits.front() == '-') {
        out += '-';
        digits.remove_prefix(1);
    }
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace pbp::detail

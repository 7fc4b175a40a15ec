// The id syntax of SPEC 1.1, one rule for the loader and the importers. Internal to the
// library: not installed.
#pragma once

#include <string_view>

namespace pbp::detail {

/// `[A-Za-z0-9][A-Za-z0-9._:-]*`, at most 128 characters. ASCII only, whatever the locale:
/// `std::isalnum` would accept letters of the C library's current locale.
constexpr bool valid_id(std::string_view id) noexcept {
    constexpr auto alnum = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (id.empty() || id.size() > 128 || !alnum(id[0])) return false;
    for (char c : id)
        if (!alnum(c) && c != '.' && c != '_' && c != ':' && c != '-') return false;
    return true;
}

}  // namespace pbp::detail

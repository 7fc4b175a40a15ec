#include "pbp/diagnostics.hpp"

#include <algorithm>

namespace pbp {

std::string_view to_string(Severity s) noexcept { return s == Severity::error ? "error" : "warning"; }

Severity severity_of(std::string_view code) noexcept {
    return !code.empty() && code.front() == 'W' ? Severity::warning : Severity::error;
}

std::size_t count_errors(const Diagnostics& ds) noexcept {
    return static_cast<std::size_t>(
        std::count_if(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

}  // namespace pbp

/// @file diagnostics.hpp
/// @brief Problems found in a model, as data (SPEC 3). Diagnostics are never exceptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pbp {

enum class Severity { error, warning };

/// `"error"` or `"warning"`.
std::string_view to_string(Severity s) noexcept;

/// One problem: a stable code (`E004`), a sentence for a governance officer naming the
/// entities, the ids involved, and where it is in the file (a JSON Pointer, and the line and
/// column when the source text is known; both 1-based, columns counted in characters).
struct Diagnostic {
    std::string code;
    Severity severity = Severity::error;
    std::string message;
    std::vector<std::string> ids;
    std::string path;
    std::optional<int> line;
    std::optional<int> column;
};

using Diagnostics = std::vector<Diagnostic>;

/// The severity a code carries: codes starting `W` are warnings, all others errors.
Severity severity_of(std::string_view code) noexcept;

/// Number of errors in `ds`.
std::size_t count_errors(const Diagnostics& ds) noexcept;

}  // namespace pbp

// Source positions for JSON Pointers. Boost.JSON's DOM keeps no positions, so after a
// successful parse this scanner walks the (already valid) text once more and records where
// each value starts. It understands exactly what the parser accepted: comments and trailing
// commas.
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pbp::detail {

/// Where the values at `wanted` JSON Pointers (and their ancestors) start in `text`. Subtrees
/// that hold none of them are skipped without building their pointers.
std::unordered_map<std::string, SourcePosition> map_positions(std::string_view text,
                                                              const std::vector<std::string>& wanted);

/// Fills in the line and column of every diagnostic in `ds` that has none, from its JSON
/// Pointer in `text` (or its nearest ancestor that is there), in one pass. Model::locate().
void locate(std::vector<Diagnostic>& ds, std::string_view text);

/// A key written twice in one JSON object: the parser keeps only the last value.
struct DuplicateKey {
    std::string pointer;  ///< of the second occurrence's value
    std::string key;
    SourcePosition position;  ///< of the second (or later) occurrence's key
    SourcePosition first;     ///< of the first occurrence's key
};

/// Every key that appears more than once in the same object, in text order.
std::vector<DuplicateKey> duplicate_keys(std::string_view text);

/// Line and column (1-based, columns in characters) of byte `offset` in `text`.
SourcePosition position_of(std::string_view text, std::size_t offset);

/// Escapes one JSON Pointer reference token (`~` -> `~0`, `/` -> `~1`).
std::string pointer_token(std::string_view key);

}  // namespace pbp::detail

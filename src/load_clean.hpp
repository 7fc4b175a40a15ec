// The quick reading of a model. Most files a tool loads are sound: for them the full reading
// (two passes over the text, a Boost.JSON document per entry, every field looked up by name:
// entry_stream.hpp, load.cpp) does work that only a faulty file needs. This reading builds
// the model straight from the parser's events in one pass, and gives way at the first thing
// that the full reading would word a diagnostic for (any E0xx or W009): load.cpp then reads
// the text again in full. So it needs no words of its own, every diagnostic is still the full
// reading's, and a model it does build is the one the full reading builds
// (tests/load_clean_test.cpp compares the two on every model of the project and on many
// broken ones). Internal to the library: not installed.
#pragma once

#include "pbp/load.hpp"
#include "pbp/model.hpp"

#include <cstddef>
#include <string_view>

namespace pbp::detail {

/// The largest text read this way. The quick reading grows its lists as it goes, where the
/// full one counts the entries first and makes room once; past this size (about 600,000
/// entities) that difference in peak memory outweighs the time saved.
inline constexpr std::size_t clean_reading_bytes = std::size_t{64} << 20;

/// The offset of the first byte of `s` that is not part of well-formed UTF-8 (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF), or npos. load_model() checks every
/// text with it first (E001), so the readings after it need not check again.
std::size_t invalid_utf8(std::string_view s);

/// Reads `m.source`, the text of a model without its byte order mark, into the empty model
/// `m`: its name, entities, relations, flows, assessments and ids, exactly as the full reading
/// would, but not its graph (load.cpp builds that for both). True when the text is a model the
/// full reading would load without a single diagnostic; false at the first thing it would
/// report, and then `m` is to be discarded, all but `m.source`, which is left as it was.
/// @pre `m.source` is well-formed UTF-8 (invalid_utf8() finds nothing): the parser does not
///      check it again.
bool read_clean(Model& m);

/// load_model() without the quick reading: what load_model() gives way to, for tests that
/// compare the two.
LoadResult load_model_in_full(std::string_view text);

}  // namespace pbp::detail

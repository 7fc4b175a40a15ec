// Loading a model both ways, the quick reading (src/load_clean.hpp) first and the full one
// only, and checking that the two give the same: for load_clean_test.cpp, and for the tests of
// the loader's diagnostics, each of whose hand-made models is so checked as well.
#pragma once

#include "load_clean.hpp"
#include "model_dump.hpp"

#include "pbp/load.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace pbp::test {

// Whether the quick reading reads `text` (without a byte order mark) to the end.
inline bool quick_reads(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (detail::invalid_utf8(text) != std::string_view::npos) return false;  // as load_model(): E001 first
    Model m;
    m.source = std::string(text);
    return detail::read_clean(m);
}

// True when the two loads give the same; else fails the test, naming `what` and the first
// line of the two dumps that differs.
inline bool same_loads(const LoadResult& full, const LoadResult& either, const std::string& what) {
    const std::string expected = dump(full), got = dump(either);
    if (expected == got) return true;
    std::istringstream a(expected), b(got);
    std::string la, lb;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) {}
    FAIL_CHECK(what << "\n  full:  " << la << "\n  quick: " << lb);
    return false;
}

// Loads `text` both ways and checks they agree; true when the quick reading read it. The quick
// reading must read exactly the models in which the full one finds nothing wrong (the rare
// exceptions of load_clean.hpp do not occur where this is used).
inline bool same_both_ways(const std::string& text, const std::string& what) {
    const LoadResult full = detail::load_model_in_full(text);
    if (!same_loads(full, load_model(text), what)) return false;
    const bool quick = quick_reads(text);
    const bool clean = full.model && full.diagnostics.empty();
    CHECK_MESSAGE(quick == clean, what << ": quick " << quick << ", diagnostics " << full.diagnostics.size());
    return quick;
}

/// load_model(text), checked to give what the full reading alone gives.
inline LoadResult checked_load(std::string_view text) {
    LoadResult r = load_model(text);
    same_loads(detail::load_model_in_full(text), r, "the model of this test");
    return r;
}

}  // namespace pbp::test

// Tests for src/page_advice.hpp: advice to the kernel may change how memory is mapped, never
// what it holds, and must accept any range it is given.
#include "page_advice.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

TEST_CASE("page advice: what the memory holds is unchanged, whatever the range") {
    // 5 MiB: many whole pages inside, and a part of a page at either end.
    std::vector<std::uint32_t> words(5 << 18);
    std::iota(words.begin(), words.end(), 7u);
    const std::vector<std::uint32_t> before = words;
    pbp::detail::prepare_to_fill(words.data(), words.size() * sizeof(words[0]));
    CHECK(words == before);
    // Ranges that start or end inside a page, or hold no whole page at all.
    pbp::detail::prepare_to_fill(reinterpret_cast<char*>(words.data()) + 1, 4096 * 3 + 5);
    pbp::detail::prepare_to_fill(words.data() + 3, 10);
    CHECK(words == before);

    // A small string, on the heap beside other allocations: mapping its pages must not touch them.
    std::string small(100, 'x');
    std::string beside(100, 'y');
    pbp::detail::prepare_to_fill(small.data(), small.size());
    CHECK(small == std::string(100, 'x'));
    CHECK(beside == std::string(100, 'y'));

    // Nothing, and a null pointer with a size: no advice, no fault.
    pbp::detail::prepare_to_fill(nullptr, 0);
    pbp::detail::prepare_to_fill(nullptr, 1 << 22);
    pbp::detail::prepare_to_fill(words.data(), 0);
    CHECK(words == before);
}

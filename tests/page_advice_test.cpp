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

namespace {
using pbp::detail::PageMapper;

struct Wide {  // an element several to a page, as entities are
    std::uint64_t n = 0;
    char pad[312] = {};
};

// Fills two vectors through one mapper, interleaved as the loader fills entities and
// relations, and checks every element. `room`: what each vector reserves first (0: none, so
// it grows, and its room moves, many times).
void fill_and_check(bool threaded, std::size_t room) {
    constexpr std::size_t narrow_count = 400'000, wide_count = 40'000;  // about 3 and 12 MiB
    std::vector<std::uint64_t> narrow;
    std::vector<Wide> wide;
    narrow.reserve(room);
    wide.reserve(room / 10);
    {
        PageMapper pages(threaded);
        for (std::size_t i = 0; i < narrow_count; ++i) {
            pages.append(0, narrow) = i * 3;
            if (i % 10 == 0) pages.append(1, wide).n = i;
        }
        pages.stop();
        pages.stop();  // a second stop does nothing
    }
    REQUIRE(narrow.size() == narrow_count);
    REQUIRE(wide.size() == wide_count);
    bool same = true;
    for (std::size_t i = 0; i < narrow_count; ++i) same = same && narrow[i] == i * 3;
    for (std::size_t i = 0; i < wide_count; ++i) same = same && wide[i].n == i * 10 && wide[i].pad[0] == 0;
    CHECK(same);
}

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
// Whether each page of [data, data + bytes) is mapped (mincore), one flag a page.
std::vector<unsigned char> resident(const void* data, std::size_t bytes) {
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const std::uintptr_t first = reinterpret_cast<std::uintptr_t>(data) & ~(page - 1);
    const std::uintptr_t last = (reinterpret_cast<std::uintptr_t>(data) + bytes + page - 1) & ~(page - 1);
    std::vector<unsigned char> flags((last - first) / page);
    REQUIRE(::mincore(reinterpret_cast<void*>(first), last - first, flags.data()) == 0);
    return flags;
}

bool kernel_populates() {  // MADV_POPULATE_WRITE came with Linux 5.14
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    void* p = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return false;
    const bool ok = ::madvise(p, page, MADV_POPULATE_WRITE) == 0;
    ::munmap(p, page);
    return ok;
}
#endif
}  // namespace

TEST_CASE("page mapper: what is appended is kept, on the filling thread or another, in reserved room or growing") {
    for (bool threaded : {false, true}) {
        CAPTURE(threaded);
        fill_and_check(threaded, 0);          // the room moves again and again
        fill_and_check(threaded, 100'000);    // too small: moves a few times
        fill_and_check(threaded, 400'000);    // exactly enough
        fill_and_check(threaded, 4'000'000);  // far too much, as an estimate may be
    }
    // A mapper given nothing to follow, and one destroyed without stop(): both end cleanly.
    { PageMapper idle(true); }
    {
        std::vector<std::uint64_t> v;
        v.reserve(1 << 20);
        PageMapper pages(true);
        for (int i = 0; i < 100'000; ++i) pages.append(0, v) = 1;
        CHECK(v.size() == 100'000);
    }
}

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
TEST_CASE("page mapper: on the filling thread, pages are mapped ahead of the last element, and not far past it") {
    if (!kernel_populates()) {
        MESSAGE("this kernel has no MADV_POPULATE_WRITE: nothing is mapped ahead, nothing to check");
        return;
    }
    // 64 MiB of room, fresh from the kernel (above malloc's mmap threshold): no page mapped yet.
    std::vector<std::uint64_t> v;
    v.reserve(std::size_t{8} << 20);
    const std::size_t room = v.capacity() * sizeof(std::uint64_t);
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    PageMapper pages(false);
    pages.append(0, v) = 42;  // one element: the next `ahead` bytes are mapped
    const auto flags = resident(v.data(), room);
    const std::size_t ahead_pages = PageMapper::ahead / page;
    std::size_t near = 0, far = 0;
    for (std::size_t i = 1; i + 1 < ahead_pages; ++i) near += flags[i] & 1;
    for (std::size_t i = 2 * ahead_pages; i < flags.size(); ++i) far += flags[i] & 1;
    CHECK(near == ahead_pages - 2);  // every whole page of the stretch ahead
    CHECK(far == 0);                 // and nothing twice as far on
    CHECK(v.front() == 42);
}
#endif

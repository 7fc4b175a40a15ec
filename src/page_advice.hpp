// Advice to the kernel about the few large arrays the loader fills as soon as it has made room
// for them. Internal to the library: not installed.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace pbp::detail {

/// Says that `[data, data + bytes)` is about to be written from end to end: its whole 2 MiB
/// blocks are better backed by huge pages, and every page is mapped now, in one call.
///
/// Why: memory is mapped a 4 KiB page at a time on first touch, each a trip into the kernel.
/// Loading the national model touched about 11,000 pages that way, a fifth of the time of
/// `pbp validate` (perf); its entities alone fill 15 MB at once. This is advice only: a
/// kernel without transparent huge pages or MADV_POPULATE_WRITE (before Linux 5.14) ignores
/// it, and nothing else changes, since the pages are written straight after. Only whole pages
/// inside the range are advised, never one shared with another allocation.
inline void prepare_to_fill(const void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (data == nullptr || bytes == 0) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(data), end = begin + bytes;
    constexpr std::uintptr_t huge = std::uintptr_t{1} << 21, page = 4096;
    const auto down = [](std::uintptr_t a, std::uintptr_t to) { return a & ~(to - 1); };
    const auto up = [&](std::uintptr_t a, std::uintptr_t to) { return down(a + to - 1, to); };
    if (down(end, huge) > up(begin, huge))
        (void)::madvise(reinterpret_cast<void*>(up(begin, huge)), down(end, huge) - up(begin, huge), MADV_HUGEPAGE);
#if defined(MADV_POPULATE_WRITE)
    if (down(end, page) > up(begin, page))
        (void)::madvise(reinterpret_cast<void*>(up(begin, page)), down(end, page) - up(begin, page), MADV_POPULATE_WRITE);
#endif
#else
    (void)data;
    (void)bytes;
#endif
}

}  // namespace pbp::detail

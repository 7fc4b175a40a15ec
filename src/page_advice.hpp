// Advice to the kernel about the few large arrays the loader fills as soon as it has made room
// for them. Internal to the library: not installed.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace pbp::detail {

/// Says that `[data, data + bytes)` is about to be written from end to end, so that the kernel
/// maps all its pages now, in one call (MADV_POPULATE_WRITE), not one fault at a time.
///
/// Why: memory is mapped a page (4 KiB on x86-64) at a time on first touch, each a trip into
/// the kernel. Loading the national model touched about 11,000 pages that way, a fifth of the
/// time of `pbp validate` (perf); its entities alone fill 15 MB at once. Huge pages
/// (MADV_HUGEPAGE) were tried as well: as fast on the national model, but on a million
/// entities the kernel's work to find 2 MiB blocks doubled the system time and made the whole
/// run half as slow again. This is advice only: a kernel without MADV_POPULATE_WRITE (before
/// Linux 5.14) ignores it, and nothing else changes, since the pages are written straight
/// after. Only whole pages inside the range are advised, never one shared with another
/// allocation.
inline void prepare_to_fill(void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    if (data == nullptr || bytes == 0) return;
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));  // 4 KiB on x86-64
    if (page == 0 || (page & (page - 1)) != 0) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + page - 1) & ~(page - 1), last = (begin + bytes) & ~(page - 1);
    if (last > first) (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
#else
    (void)data;
    (void)bytes;
#endif
}

}  // namespace pbp::detail

// Advice to the kernel about the few large arrays the loader fills as soon as it has made room
// for them. Internal to the library: not installed.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

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

/// Appends a default `T` to `v`, whose room was reserved beforehand for about as many as will
/// come, preparing the pages of that room (prepare_to_fill) about a mebibyte at a time as the
/// elements reach them: the whole room at once would map pages that an estimate too large
/// never uses. `ready`: where the prepared stretch of `v`'s room ends, in elements; 0 at
/// first.
template <class T>
T& append_prepared(std::vector<T>& v, std::size_t& ready) {
    if (v.size() == v.capacity()) {  // new room, moved into: prepared from its next element
        T& t = v.emplace_back();
        ready = v.size();
        return t;
    }
    if (v.size() >= ready) {
        const std::size_t more = std::min(v.capacity() - v.size(), std::max<std::size_t>(1, (std::size_t{1} << 20) / sizeof(T)));
        prepare_to_fill(v.data() + v.size(), more * sizeof(T));
        ready = v.size() + more;
    }
    return v.emplace_back();
}

}  // namespace pbp::detail

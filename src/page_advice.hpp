// Advice to the kernel about the few large arrays the loader fills as soon as it has made room
// for them. Internal to the library: not installed (src/page_advice.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace pbp::detail {

/// The size of a page of memory (4 KiB on x86-64), or 0 where it is not known or not a power
/// of two: then no page is advised.
inline std::uintptr_t page_size() noexcept {
#if defined(__linux__)
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    return page != 0 && (page & (page - 1)) == 0 ? page : 0;
#else
    return 0;
#endif
}

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
    const std::uintptr_t page = page_size();
    if (page == 0) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + page - 1) & ~(page - 1), last = (begin + bytes) & ~(page - 1);
    if (last > first) (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
#else
    (void)data;
    (void)bytes;
#endif
}

/// Keeps the pages of a few vectors' reserved room mapped (prepare_to_fill) a little ahead of
/// the thread that fills them, either on a thread of its own or, for rooms too small to pay
/// for one, on the filling thread as it goes.
///
/// Why a thread: mapped on the filling thread, a mebibyte at a time, the entities and relations
/// of the national model still cost a seventh of `pbp validate` (perf: the kernel clearing and
/// charging each page), time the reader spends waiting. The helper does that on the other core
/// while the reader parses. It only ever asks the kernel to map pages of rooms that are still
/// there: before a room moves (a vector outgrowing its estimate) the filling thread waits for
/// the helper to let go of it (forget()). Why only a little ahead: the room is an estimate,
/// and pages mapped past the last element are memory held for nothing.
class PageMapper {
public:
    static constexpr std::size_t lanes = 2;                             ///< vectors followed at once
    static constexpr std::size_t ahead = std::size_t{2} << 20;          ///< mapped this far past the last element

    /// `threaded`: map on a thread of its own when one can be started; otherwise on the
    /// filling thread.
    explicit PageMapper(bool threaded);
    ~PageMapper();
    PageMapper(const PageMapper&) = delete;
    PageMapper& operator=(const PageMapper&) = delete;

    /// Appends a default `T` to `v`, the vector followed in `lane`, and returns it.
    template <class T>
    T& append(std::size_t lane, std::vector<T>& v) {
        std::size_t& next = next_report_[lane];
        if (v.size() == v.capacity()) {  // the room moves: let go of the old one first
            forget(lane);
            T& t = v.emplace_back();
            next = v.size();
            return t;
        }
        if (v.size() >= next) {
            next = v.size() + std::max<std::size_t>(1, report_step / sizeof(T));
            filled(lane, v.data(), v.capacity() * sizeof(T), v.size() * sizeof(T));
        }
        return v.emplace_back();
    }

    /// Stops mapping and waits for the helper, if any, to end. Call it before any followed
    /// vector moves or goes other than through append().
    void stop() noexcept;

private:
    static constexpr std::size_t report_step = std::size_t{256} << 10;  // the filler reports this often
    static constexpr std::size_t chunk = std::size_t{512} << 10;        // at most this much per call

    struct Lane {
        std::uintptr_t end = 0;     // the room's last whole page ends here (0: no room followed)
        std::uintptr_t filled = 0;  // written up to here
        std::uintptr_t mapped = 0;  // mapped (or written) up to here
    };
    void filled(std::size_t lane, const void* data, std::size_t room_bytes, std::size_t filled_bytes);
    void forget(std::size_t lane);
    bool next_chunk(std::size_t& lane, std::uintptr_t& first, std::uintptr_t& last) const;
    void run();

    std::array<std::size_t, lanes> next_report_{};  // the filling thread's own: no lock
    std::array<Lane, lanes> lanes_{};
    std::mutex mutex_;
    std::condition_variable work_, idle_;
    bool stopping_ = false;
    std::size_t busy_ = lanes;  // the lane the helper is mapping outside the lock, or `lanes`
    std::jthread helper_;  // takes no signals (quiet_thread.hpp)
};

}  // namespace pbp::detail

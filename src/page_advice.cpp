#include "page_advice.hpp"

#include "quiet_thread.hpp"

#include <system_error>

namespace pbp::detail {

PageMapper::PageMapper(bool threaded) {
    if (!threaded || page_size() == 0) return;
    try {
        helper_ = start_quiet_thread([this] { run(); });
    } catch (const std::system_error&) {
        // No thread to be had (a process at its limit): map on the filling thread instead.
    }
}

PageMapper::~PageMapper() { stop(); }

void PageMapper::stop() noexcept {
    if (!helper_.joinable()) return;
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_.notify_one();
    helper_.join();
}

void PageMapper::filled(std::size_t k, const void* data, std::size_t room_bytes, std::size_t filled_bytes) {
    const std::uintptr_t page = page_size();
    if (page == 0) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first_whole = (begin + page - 1) & ~(page - 1);
    const std::uintptr_t end = (begin + room_bytes) & ~(page - 1);
    const std::uintptr_t written = (begin + filled_bytes) & ~(page - 1);
    std::unique_lock lock(mutex_, std::defer_lock);
    if (helper_.joinable()) lock.lock();
    Lane& lane = lanes_[k];
    if (lane.end != end) lane = Lane{end, written, std::max(written, first_whole)};  // a room new to the mapper
    lane.filled = written;
    if (lock.owns_lock()) {
        lock.unlock();
        work_.notify_one();
        return;
    }
    // No helper: what is due is mapped now, on this thread.
    std::size_t due = 0;
    for (std::uintptr_t first = 0, last = 0; next_chunk(due, first, last);) {
        prepare_to_fill(reinterpret_cast<void*>(first), last - first);
        lanes_[due].mapped = last;
    }
}

void PageMapper::forget(std::size_t k) {
    if (!helper_.joinable()) {
        lanes_[k] = Lane{};
        return;
    }
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return busy_ != k; });
    lanes_[k] = Lane{};
}

// The next stretch to map: of the lane whose mapping lags its filling most, from where mapping
// or filling got to, up to `ahead` past the filling, at most `chunk` long.
bool PageMapper::next_chunk(std::size_t& k, std::uintptr_t& first, std::uintptr_t& last) const {
    bool found = false;
    for (std::size_t i = 0; i < lanes; ++i) {
        const Lane& lane = lanes_[i];
        if (lane.end == 0) continue;
        const std::uintptr_t from = std::max(lane.mapped, lane.filled);
        const std::uintptr_t want = std::min(lane.end, lane.filled + ahead);
        if (from >= want) continue;
        if (!found || from - lane.filled < first - lanes_[k].filled) {
            found = true;
            k = i;
            first = from;
            last = std::min(want, from + chunk);
        }
    }
    return found;
}

void PageMapper::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        std::size_t k = 0;
        std::uintptr_t first = 0, last = 0;
        work_.wait(lock, [&] { return stopping_ || next_chunk(k, first, last); });
        if (stopping_) return;
        busy_ = k;
        lock.unlock();
        prepare_to_fill(reinterpret_cast<void*>(first), last - first);
        lock.lock();
        busy_ = lanes;
        // A lane forgotten meanwhile waited for busy_ and so cannot have changed.
        lanes_[k].mapped = std::max(lanes_[k].mapped, last);
        idle_.notify_all();
    }
}

}  // namespace pbp::detail

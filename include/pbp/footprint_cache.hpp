/// @file footprint_cache.hpp
/// @brief Footprints computed once per model and day, and shared by every geographic query that
/// asks about that day: a long-lived holder of a model (the C API's handle, a service) keeps one.
#pragma once

#include "pbp/date.hpp"
#include "pbp/geography.hpp"

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace pbp {

/// The Footprints of one model on the days asked about, each computed once (building them is
/// the costly part of a query: about 14 ms for the 33,755 LSOAs of England, against 4 ms for a
/// national coterminosity table). Thread-safe: many threads may call get() at once; a day being
/// computed by one thread is computed, at worst, once more by another, never half-seen.
///
/// The model must outlive the cache and must not change while the cache is in use (footprints
/// keep a pointer to it). Days are kept most recently used first, at most `capacity` of them.
class FootprintCache {
public:
    explicit FootprintCache(std::size_t capacity = 8) noexcept : capacity_(capacity ? capacity : 1) {}
    FootprintCache(const FootprintCache&) = delete;
    FootprintCache& operator=(const FootprintCache&) = delete;

    /// The footprints of `m` on `as_of` (every day when absent), computed on first use.
    /// @pre every call passes the same model.
    std::shared_ptr<const Footprints> get(const Model& m, std::optional<Date> as_of);

private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::vector<std::pair<std::optional<Date>, std::shared_ptr<const Footprints>>> days_;  // most recent first
};

}  // namespace pbp

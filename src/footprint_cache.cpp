#include "pbp/footprint_cache.hpp"

#include <algorithm>

namespace pbp {

std::shared_ptr<const Footprints> FootprintCache::get(const Model& m, std::optional<Date> as_of) {
    {
        std::lock_guard lock(mutex_);
        auto it = std::find_if(days_.begin(), days_.end(), [&](const auto& d) { return d.first == as_of; });
        if (it != days_.end()) {
            std::rotate(days_.begin(), it, it + 1);
            return days_.front().second;
        }
    }
    // Computed outside the lock, so that one thread's new day does not stall queries on others.
    auto fp = std::make_shared<const Footprints>(m, as_of);
    std::lock_guard lock(mutex_);
    auto it = std::find_if(days_.begin(), days_.end(), [&](const auto& d) { return d.first == as_of; });
    if (it != days_.end()) return it->second;  // another thread got there first: share its value
    days_.emplace(days_.begin(), as_of, fp);
    if (days_.size() > capacity_) days_.pop_back();
    return fp;
}

}  // namespace pbp

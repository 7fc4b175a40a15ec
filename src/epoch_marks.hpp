// A mark per entity that a query clears in constant time. Internal to the library: not installed.
#pragma once

#include "pbp/graph.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace pbp::detail {

/// Marks on entities 0..n-1, kept by a thread from one query to the next: an entity is marked
/// when its slot holds the current epoch, so start() forgets every mark by bumping the epoch
/// instead of clearing an array as large as the model.
class EpochMarks {
public:
    /// Forgets every mark; makes room for `entities`.
    void start(std::size_t entities) {
        if (marks_.size() < entities) marks_.resize(entities, 0);
        if (++epoch_ == 0) {  // wrapped: a slot could hold an old query's epoch
            std::fill(marks_.begin(), marks_.end(), 0);
            epoch_ = 1;
        }
    }
    [[nodiscard]] bool marked(Index i) const { return marks_[i] == epoch_; }
    /// Marks `i`; false when it was already marked.
    bool mark(Index i) {
        if (marks_[i] == epoch_) return false;
        marks_[i] = epoch_;
        return true;
    }

private:
    std::vector<std::uint32_t> marks_;
    std::uint32_t epoch_ = 0;
};

}  // namespace pbp::detail

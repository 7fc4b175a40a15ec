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

    /// The marks of the current epoch as two plain values, for a tight loop: the compiler keeps
    /// them in registers, where it must reload a member of a thread-local EpochMarks after every
    /// store it cannot prove unrelated. Valid until the next start().
    struct Now {
        std::uint32_t* marks;
        std::uint32_t epoch;
        [[nodiscard]] bool marked(Index i) const { return marks[i] == epoch; }
        void mark(Index i) const { marks[i] = epoch; }
    };
    [[nodiscard]] Now now() noexcept { return Now{marks_.data(), epoch_}; }

private:
    std::vector<std::uint32_t> marks_;
    std::uint32_t epoch_ = 0;
};

}  // namespace pbp::detail

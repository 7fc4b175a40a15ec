// Which of a set of areas hold each leaf: the geography queries and rules that compare two
// sets of areas (coterminosity, partitions, E206) go leaf by leaf.
#pragma once

#include "pbp/geography.hpp"

#include <gsl/span>

#include <cstdint>
#include <numeric>
#include <vector>

namespace pbp::detail {

/// For each leaf (by entity index), the positions in `set` of the areas whose footprint holds
/// it, in ascending order. Kept in compressed rows, one array for every leaf: a national model
/// has nearly a million leaves, and a vector each was as many allocations.
class LeafMembership {
public:
    LeafMembership(const Footprints& fp, const std::vector<Index>& set) : first_(fp.model().entities.size() + 1, 0) {
        for (Index area : set)
            for (Index leaf : fp.leaves(area)) ++first_[leaf + 1];
        std::partial_sum(first_.begin(), first_.end(), first_.begin());
        positions_.resize(first_.back());
        std::vector<std::size_t> next(first_.begin(), first_.end() - 1);
        for (std::uint32_t j = 0; j < set.size(); ++j)
            for (Index leaf : fp.leaves(set[j])) positions_[next[leaf]++] = j;
    }

    /// The positions in `set` of the areas holding `leaf`. @pre leaf < size()
    [[nodiscard]] gsl::span<const std::uint32_t> operator[](Index leaf) const noexcept {
        return {positions_.data() + first_[leaf], first_[leaf + 1] - first_[leaf]};
    }
    /// One past the largest entity index (the model's number of entities).
    [[nodiscard]] std::size_t size() const noexcept { return first_.size() - 1; }

private:
    std::vector<std::size_t> first_;  // by entity index, and one more: where its row starts
    std::vector<std::uint32_t> positions_;
};

}  // namespace pbp::detail

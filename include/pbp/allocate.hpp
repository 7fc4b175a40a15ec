/// @file allocate.hpp
/// @brief Splitting a money total into pence shares that sum to it exactly (SPEC 1.3).
#pragma once

#include "pbp/money.hpp"

#include <gsl/span>

#include <vector>

namespace pbp {

/// Splits `total` into shares proportional to `weights` (largest-remainder method).
///
/// Each share is the exact quotient rounded toward zero; the leftover pence then go one each
/// to the shares with the largest fractional remainders, ties to the earlier position. The
/// shares always sum to `total` exactly and no share is a penny or more from its exact value.
/// A negative total is split as the negation of splitting its absolute value.
/// @param weights non-negative, at least one positive.
/// @throws InvalidArgument when `weights` is empty, has a negative weight or sums to zero.
std::vector<Money> allocate(const Money& total, gsl::span<const Ratio> weights);

}  // namespace pbp

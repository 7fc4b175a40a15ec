/// @file fair_shares.hpp
/// @brief Splitting a budget among areas by population weighted for need (SPEC 1.3, 2.6.9),
/// with an optional floor per area: the Lancashire and South Cumbria paper (001 5.1.7-5.1.8)
/// notes that small places may need funding above their fair share to stay viable.
#pragma once

#include "pbp/geography.hpp"
#include "pbp/money.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pbp {

/// One area's share.
struct FairShare {
    std::string area;
    Money amount;
    Ratio weight;          ///< the sum of the area's leaf populations x its own need_index
    bool floored = false;  ///< true when the area was lifted to the floor
    int round = 0;         ///< the round (1, 2, ...) in which it was lifted; 0 when not lifted
};

/// A budget split among areas.
struct FairShares {
    Money total;
    std::vector<FairShare> shares;  ///< sorted byte-wise by area id, zero shares included
};

/// Splits `total` among the selected areas in proportion to population x need (SPEC 2.6.9).
///
/// Weight of an area = the sum of its leaves' populations (a stated population on the area
/// itself is not used) x the area's own `need_index`. Without a floor the areas go to
/// allocate() in ascending id order. With a floor: each round computes every remaining area's
/// exact share of the remaining total; every area whose exact share is strictly below the floor
/// gets exactly the floor and leaves the pool; rounds repeat until none is below; then the rest
/// is allocated among the remaining areas. The shares always sum to `total` to the penny.
///
/// @throws InvalidArgument when no area is selected (or a selection is invalid, as
///         select_areas()), when every weight is 0, when the floors (floor x number of areas)
///         exceed the total, or when a floor is given with a negative total.
FairShares fair_shares(const Footprints& fp, const Money& total, const AreaSelection& areas,
                       std::optional<Money> floor = std::nullopt);

/// Same, computing the footprints for `as_of` first.
FairShares fair_shares(const Model& m, const Money& total, const AreaSelection& areas,
                       std::optional<Money> floor = std::nullopt, std::optional<Date> as_of = std::nullopt);

/// `{"total", "shares": [{"area", "amount"}]}`, money as strings with two decimals (SPEC 4.1).
boost::json::object to_json(const FairShares& f);

}  // namespace pbp

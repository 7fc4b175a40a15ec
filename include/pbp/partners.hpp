/// @file partners.hpp
/// @brief Who must this ICB work with? The councils that are, with the ICB, the statutory members
/// of its integrated care partnership: each upper-tier ("responsible") local authority whose area
/// coincides with or falls wholly or partly within the ICB's area (Local Government and Public
/// Involvement in Health Act 2007 s116ZA, inserted by the Health and Care Act 2022 s26; s103 of
/// the 2007 Act names the responsible authorities: county councils, district councils where there
/// is no county council, London boroughs, the Isles of Scilly and the City of London), with the
/// people they share.
///
/// Footprints are sets of leaf areas (geography.hpp): an organisation's is the union of the
/// areas it `serves`. Everything is exact: populations are whole numbers, shares exact rationals.
#pragma once

#include "pbp/geography.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pbp {

/// One upper-tier council whose footprint overlaps the node's.
struct PartnerCouncil {
    std::string council;             ///< the organisation's id
    std::vector<std::string> areas;  ///< the areas it serves, sorted
    Population population = 0;       ///< people in its footprint
    Population overlap = 0;          ///< of them, people in the node's footprint too
    Ratio share;                     ///< overlap / population (0 when it has no people)
    bool whole = false;              ///< every leaf of the council lies in the node's footprint
};

/// The answer for one ICB (or any organisation or area) on one day.
struct Partners {
    std::string node;
    std::vector<std::string> areas;  ///< the node's footprint: the areas it serves (or itself), sorted
    Population population = 0;       ///< people in the node's footprint
    /// Every `county_council` and `unitary_authority` existing on the day that shares at least
    /// one leaf with the node, sorted byte-wise by id.
    std::vector<PartnerCouncil> councils;
    /// People of the node living in none of those councils' areas (0 when councils cover it).
    Population uncovered = 0;
};

/// The upper-tier councils whose footprints overlap that of `node` on the footprints' day: an
/// organisation (its footprint is the union of the areas it serves that exist on the day) or an
/// area (its own footprint).
/// @throws InvalidArgument naming the id when `node` is not in the model or does not exist on the
///         day, is neither an organisation nor an area, or is an organisation that serves no area.
Partners partners(const Footprints& fp, std::string_view node);

/// Same, computing the footprints for `as_of` first.
Partners partners(const Model& m, std::string_view node, std::optional<Date> as_of = std::nullopt);

/// `{"node", "areas", "population", "uncovered", "councils": [{"council", "areas", "population",
/// "overlap", "share", "whole"}]}`; `share` a decimal string with 4 places (half_even), as
/// coterminosity's `coverage`.
boost::json::object to_json(const Partners& p);

}  // namespace pbp

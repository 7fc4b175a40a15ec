/// @file diff.hpp
/// @brief What changed between two days (SPEC 2.5): entities and relations that exist on one
/// day and not the other, and every function and place whose decision maker or accountability
/// chain changed — e.g. the CCGs' functions moving to ICBs on 1 July 2022 (DOMAIN.md), or a
/// place sub-committee's delegation starting on 1 April 2023.
#pragma once

#include "pbp/delegation.hpp"
#include "pbp/model.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pbp {

/// A relation that exists on one day and not the other.
struct RelationChange {
    Index relation = npos;  ///< index into Model::relations
    std::string pointer;    ///< its JSON Pointer, e.g. `/relations/14`
    std::string id;         ///< its optional `id` (empty when it has none)
    RelationKind kind = RelationKind::reports_to;
    std::string from, to;
};

/// A function at a place whose decision maker or accountability chain differs between the days.
struct DecisionChange {
    std::string function;
    std::string place;
    std::optional<Decision> before;  ///< none when the function, place or holder did not exist
    std::optional<Decision> after;
};

/// The differences between day `from` and day `to`.
struct Diff {
    Date from, to;
    std::vector<std::string> entities_appeared;     ///< exist on `to` only; sorted by id
    std::vector<std::string> entities_disappeared;  ///< exist on `from` only; sorted by id
    std::vector<RelationChange> relations_appeared;     ///< in file order
    std::vector<RelationChange> relations_disappeared;  ///< in file order
    std::vector<DecisionChange> decisions;  ///< sorted by function id, then place id
};

/// Compares the model on day `from` with the model on day `to`.
///
/// An entity exists on a day when it is valid on it; a relation when it is valid and both its
/// ends exist (SPEC 2.6.1: a link to an entity that does not exist is ignored). Decisions are
/// compared for every function and every area of kind `place` that exist on either day: a pair
/// is listed when decides() names a different decision maker or accountability chain, or can
/// answer on one day only (the function, the place or the holder exists on one day only).
/// Flows are chosen by financial year, not by date, and are not compared.
/// Cost: one pass over entities and relations, plus, only when something starts or ends between
/// the days (otherwise no decision can differ), decides() for every function and place on both.
/// Thread-safe: reads the model only.
Diff diff(const Model& m, Date from, Date to);

/// `{"from", "to", "entities": {"appeared": [id...], "disappeared": [id...]},
/// "relations": {"appeared": [{"pointer", "id", "kind", "from", "to"}...], "disappeared": [...]},
/// "decisions": [{"function", "place", "before", "after"}...]}` where `before`/`after` are
/// `{"decision_maker", "delegation_chain", "accountability_chain", "limit"}` or null, and a
/// relation's `id` is null when it has none.
boost::json::object to_json(const Diff& d);

}  // namespace pbp

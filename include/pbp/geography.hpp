/// @file geography.hpp
/// @brief Footprints of areas (SPEC 1.2, 2.4): the leaves each area covers through `within`
/// links on a day, the people living there, and the questions the papers ask of them — is a
/// place coterminous with a council (001 2.4-2.5, 004), do parts cover a whole without gaps
/// or overlaps, do delivery units respect district boundaries (001 5.1.4).
///
/// Everything here is exact: populations are whole numbers, coverage and scores are exact
/// rationals printed with format_decimal(); no binary floating point is used.
#pragma once

#include "pbp/model.hpp"

#include <boost/json/object.hpp>
#include <boost/multiprecision/cpp_int.hpp>
#include <gsl/span>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pbp {

/// A number of people. Wide enough that summing any number of stated (64-bit) populations
/// cannot overflow silently: it throws Overflow instead.
using Population = boost::multiprecision::checked_int128_t;

/// The ten area kinds of SPEC 1.2, in the order the SPEC lists them.
const std::vector<std::string>& area_kinds();

/// True when `kind` is one of area_kinds().
bool is_area_kind(std::string_view kind) noexcept;

/// The leaves of every area on one day, computed once and shared by every geographic query.
///
/// An area *exists* on day d when it is valid on d; a `within` link counts only when both its
/// ends exist (SPEC 2.6.1). A *leaf* is an existing area with no existing child; its footprint
/// is itself. Any other area's footprint is the set of leaves that reach it through one or more
/// `within` links (several parents are allowed, so footprints may overlap). An area's
/// population is the sum of its leaves' stated populations (a leaf with none counts 0); a
/// stated population on a non-leaf area is never used here (W010 reports a disagreement).
///
/// Built in O(sum over leaves of their ancestors): each leaf walks up its own ancestors once.
/// The value keeps a pointer to the model, which must outlive it. Immutable and thread-safe.
class Footprints {
public:
    /// Computes every area's leaves on day `as_of` (every day when absent).
    /// @throws Overflow only if a population sum exceeds 2^127 (not possible with 64-bit inputs
    ///         and fewer than 2^63 leaves).
    Footprints(const Model& m, std::optional<Date> as_of);
    /// The same for some areas alone: only the leaves among `areas` are walked up, and only
    /// the areas among them that exist on the day are areas here (is_area(), areas()). An
    /// area's leaves and population are those of the whole model's footprints when every area
    /// within it is among `areas`; its ancestors need not be. For a rule that looks at a few
    /// areas on many days: each look costs the part of the model it reads, not all of it.
    /// @pre `areas` ascending, without repeats, each below `m.entities.size()`
    Footprints(const Model& m, std::optional<Date> as_of, gsl::span<const Index> areas);

    [[nodiscard]] const Model& model() const noexcept { return *model_; }
    [[nodiscard]] std::optional<Date> as_of() const noexcept { return as_of_; }

    /// True when entity `i` is an area that exists on the day.
    [[nodiscard]] bool is_area(Index i) const noexcept;
    /// True when `i` is an existing area with no existing child.
    [[nodiscard]] bool is_leaf(Index i) const noexcept;
    /// The leaves of area `i`, as entity indices in ascending order; empty when `i` is not an
    /// existing area. The span stays valid as long as this Footprints does.
    [[nodiscard]] gsl::span<const Index> leaves(Index i) const noexcept;
    /// True when every leaf of `a` is a leaf of `w` (SPEC 2.6.8: `a` lies within `w`), leaves
    /// as leaves() gives them: so always when `a` has none.
    [[nodiscard]] bool lies_within(Index a, Index w) const noexcept;
    /// The footprint of organisation `i`: the leaves of the areas it `serves` that exist on the
    /// day, ascending, without repeats; empty when it serves none (or `i` is no organisation).
    [[nodiscard]] std::vector<Index> served_leaves(Index i) const;
    /// The sum of the stated populations of area `i`'s leaves (0 when `i` is not an area).
    [[nodiscard]] Population population(Index i) const noexcept;
    /// The sum of the stated populations of some leaves.
    [[nodiscard]] Population population_of(gsl::span<const Index> leaves) const;
    /// Every area that exists on the day, in file order.
    [[nodiscard]] const std::vector<Index>& areas() const noexcept { return areas_; }

private:
    // Lists entity i as an area when it is one that exists on the day.
    void keep_if_area(Index i);
    // Marks the leaves among areas_ and walks up from each: the rest of either constructor.
    void walk_up_from_leaves();

    const Model* model_;
    std::optional<Date> as_of_;
    std::vector<Index> areas_;
    std::vector<char> is_area_, is_leaf_;
    std::vector<std::size_t> first_leaf_;     // by entity index, and one more: where its leaves start in leaf_list_
    std::vector<Index> leaf_list_;            // every area's leaves, one area after another
    std::vector<Population> population_;      // by entity index
};

/// Which areas a query is about (SPEC 2.4, 2.6.8): either a list of ids, used as given
/// (duplicates dropped; `within` does not apply), or every area of a kind, optionally only
/// those whose leaves all lie within one area.
struct AreaSelection {
    std::vector<std::string> ids;       ///< when non-empty, exactly these areas
    std::string kind;                   ///< otherwise every area of this kind...
    std::optional<std::string> within;  ///< ...whose leaf set is a subset of this area's (with
                                        ///< ids: checked to be an area, not applied)

    /// Every area of `kind`, restricted to those within `within` when given.
    static AreaSelection of_kind(std::string kind, std::optional<std::string> within = std::nullopt);
    /// Exactly these areas.
    static AreaSelection of_ids(std::vector<std::string> ids);
    /// The command-line form: an area kind (see area_kinds()) or comma-separated ids.
    /// `within` restricts a kind; with ids it is kept only to be checked (SPEC 2.6.8).
    /// @throws InvalidArgument when `text` is empty or has an empty id (`"a,,b"`).
    static AreaSelection parse(std::string_view text, std::optional<std::string> within = std::nullopt);
};

/// The areas a selection names on the footprints' day, sorted byte-wise by id, no duplicates.
/// @throws InvalidArgument naming the id when an id (or `within`) is not an area that exists on
///         the day, when the kind is not an area kind, or when nothing is selected (SPEC 2.6.8:
///         an empty side is an error).
std::vector<Index> select_areas(const Footprints& fp, const AreaSelection& sel);

/// How one area's footprint relates to another's (SPEC 2.4).
enum class AreaRelation {
    coterminous,  ///< the same leaves
    within,       ///< a's leaves are a subset of b's
    contains,     ///< b's leaves are a subset of a's
    overlaps,     ///< they share people but neither holds the other
    disjoint,     ///< no one lives in both
};

/// `"coterminous"`, `"within"`, `"contains"`, `"overlaps"` or `"disjoint"`.
std::string_view to_string(AreaRelation r) noexcept;

/// One area of side A and the area of side B that fits it best.
struct CoterminosityRow {
    std::string area;          ///< the area of A
    std::string best;          ///< the area of B sharing the most people (ties: smallest id)
    Ratio coverage;            ///< overlap / population(area); 0 when the area has no people
    AreaRelation relation = AreaRelation::disjoint;
    Population population = 0;       ///< people in the area
    Population best_population = 0;  ///< people in `best`
    Population overlap = 0;          ///< people in both
};

/// How well two sets of areas line up (SPEC 2.4).
struct Coterminosity {
    /// Sum of best overlaps / sum of the rows' populations; 0 when that is 0.
    Ratio score;
    /// One row per area of A, sorted byte-wise by id.
    std::vector<CoterminosityRow> areas;
};

/// Coterminosity of side `a` against side `b` (SPEC 2.4, 2.6.8), on the footprints' day.
/// For each area of A: `best` is the area of B whose leaves it shares the most people with
/// (ties: smallest id); with no positive overlap, `best` is B's smallest id and the relation
/// is `disjoint`. `coverage` = overlap / population of the area (0 when that is 0).
/// @throws InvalidArgument as select_areas() does, for either side.
Coterminosity coterminosity(const Footprints& fp, const AreaSelection& a, const AreaSelection& b);

/// Same, computing the footprints for `as_of` first.
Coterminosity coterminosity(const Model& m, const AreaSelection& a, const AreaSelection& b,
                            std::optional<Date> as_of = std::nullopt);

/// `{"score", "areas": [{"area", "best", "coverage", "relation"}]}`, decimals with 4 places
/// (half_even), as SPEC 4.1 prints it.
boost::json::object to_json(const Coterminosity& c);

/// Leaves that two or more parts share.
struct PartitionOverlap {
    std::vector<std::string> areas;   ///< the parts sharing these leaves, sorted
    std::vector<std::string> leaves;  ///< sorted
    Population population = 0;
};

/// Leaves of one part that lie outside the whole.
struct PartitionSpill {
    std::string area;
    std::vector<std::string> leaves;  ///< sorted
    Population population = 0;
};

/// Whether a set of parts covers a whole exactly (e.g. do the places of an ICS cover it).
struct Partition {
    std::string whole;
    std::vector<std::string> parts;  ///< sorted
    bool partitions = false;         ///< no gap, no overlap and nothing outside the whole
    std::vector<std::string> gap;    ///< leaves of the whole in no part, sorted
    Population gap_population = 0;
    std::vector<PartitionOverlap> overlaps;  ///< grouped by the set of parts sharing them
    std::vector<PartitionSpill> outside;     ///< per part, sorted by part id
};

/// Do `parts` partition `whole`: every leaf of the whole in exactly one part, and no part
/// reaching beyond it? Reports the people in every gap, overlap and spill.
/// @throws InvalidArgument as select_areas() does, or when `whole` is not an existing area.
Partition partitions(const Footprints& fp, const AreaSelection& parts, std::string_view whole);

/// Same, computing the footprints for `as_of` first.
Partition partitions(const Model& m, const AreaSelection& parts, std::string_view whole,
                     std::optional<Date> as_of = std::nullopt);

/// `{"whole", "parts", "partitions", "gap": {"leaves", "population"}, "overlaps": [{"areas",
/// "leaves", "population"}], "outside": [{"area", "leaves", "population"}]}`.
boost::json::object to_json(const Partition& p);

/// How one unit sits among the areas of another set.
struct UnitFit {
    std::string unit;
    /// The area (smallest id) holding all the unit's leaves; none when no one area does.
    std::optional<std::string> within;
    /// Every area sharing people with the unit, with how many, sorted by area id.
    std::vector<std::pair<std::string, Population>> pieces;
    Population outside = 0;  ///< the unit's people in none of the areas
};

/// Whether units respect the boundaries of a set of areas (001 5.1.4: delivery units inside a
/// place should respect district boundaries).
struct BoundaryRespect {
    bool respects = false;       ///< every unit lies within one area
    std::vector<UnitFit> units;  ///< sorted by unit id
};

/// Does each unit's footprint lie within a single area of `areas`?
/// @throws InvalidArgument as select_areas() does, for either set.
BoundaryRespect respects_boundaries(const Footprints& fp, const AreaSelection& units, const AreaSelection& areas);

/// Same, computing the footprints for `as_of` first.
BoundaryRespect respects_boundaries(const Model& m, const AreaSelection& units, const AreaSelection& areas,
                                    std::optional<Date> as_of = std::nullopt);

/// `{"respects", "units": [{"unit", "within" (id or null), "pieces": [{"area", "population"}],
/// "outside"}]}`.
boost::json::object to_json(const BoundaryRespect& r);

/// A population as JSON: a number (or a decimal string in the impossible case it exceeds 64
/// bits).
boost::json::value population_json(const Population& p);

/// A number of people for reading: 12345 -> "12,345".
std::string format_people(const Population& p);
/// A share as a percentage with two decimals (half_even): 1/3 -> "33.33%".
std::string format_percent(const Ratio& r);

}  // namespace pbp

/// @file delegation.hpp
/// @brief Who decides what where (SPEC 2.2): the delegation chain for a function at a place,
/// who answers for it, the financial limit it carries, and who may approve a commitment.
///
/// Delegation moves decisions, never accountability (000 section 4: "The ICB retains
/// accountability to NHS England and Improvement for PBP delegated functions"; 004: "ICBs will
/// remain formally accountable for any functions and resources they delegate").
#pragma once

#include "pbp/model.hpp"

#include <boost/json/object.hpp>
#include <gsl/span>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pbp {

/// How closely a delegate's place fits the place asked about (SPEC 2.2 ranking, best first).
enum class PlaceFit : std::uint8_t {
    exact,     ///< its place (or one of an organisation's `serves`) is the place itself
    contains,  ///< its place contains the place (reachable by one or more `within` links)
    no_place,  ///< it has no place at all: in scope everywhere, but not specific to any place
};

/// `"exact"`, `"contains"` or `"no_place"`.
std::string_view to_string(PlaceFit f) noexcept;

/// One `delegates` relation the chain follows.
struct DelegationStep {
    std::string delegator;
    std::string delegate;
    Index relation = npos;        ///< index into Model::relations
    std::string pointer;          ///< the relation's JSON Pointer, e.g. `/relations/14`
    Mechanism mechanism = Mechanism::scheme_of_delegation;
    std::optional<Money> limit;   ///< the relation's own `limit`; none = no limit of its own
    PlaceFit fit = PlaceFit::no_place;
};

/// The answer to "who decides function F at place P?" (SPEC 2.2).
struct Decision {
    std::string function;
    std::string place;
    std::string holder;          ///< the organisation that holds F in law
    std::string decision_maker;  ///< the last node of `delegation_chain`
    /// The first delegator (H, or a body or post of H) followed by each delegate in turn;
    /// `[H]` when nothing in scope for P is delegated.
    std::vector<std::string> delegation_chain;
    /// `delegation_chain` reversed, then the accountability chain (SPEC 2.1) of its first
    /// node without repeating that node.
    std::vector<std::string> accountability_chain;
    /// The smallest `limit` on the delegations followed; none when no step sets one.
    std::optional<Money> limit;
    /// The delegations followed, in order (`steps[k]` leads to `delegation_chain[k+1]`).
    /// Not part of the JSON result; kept for reports and authority().
    std::vector<DelegationStep> steps;
};

/// Who decides function `function` at area `place` on day `as_of` (every day when absent).
///
/// The chain starts from an originator of F (its holder H, or a body or post belonging to H
/// through `of`/`in` that has not itself received F by a delegation valid on the day), and
/// follows `delegates` relations listing F to delegates in scope for the place: first a
/// delegate whose place is the place, then one whose place contains it, then one with no place;
/// then the smallest delegate id, the smallest delegator id, the earlier relation. A delegate
/// may hand on only what it received with `may_subdelegate: true`; a chain never returns to a
/// node already on it. Entities not valid on the day, and every link to or from them, are
/// ignored (SPEC 2.6.1, 2.6.3).
/// @throws InvalidArgument when `function` is not a function or `place` not an area existing
/// on the day, or when F's holder does not exist on the day.
/// Thread-safe: reads the model only; the result owns all its data.
Decision decides(const Model& m, Index function, Index place, std::optional<Date> as_of = std::nullopt);

/// Same, by id. @throws InvalidArgument naming the id that is unknown, not valid on `as_of`,
/// or of the wrong kind (the function must be a function, the place an area).
Decision decides(const Model& m, std::string_view function, std::string_view place,
                 std::optional<Date> as_of = std::nullopt);

/// The same answer as entity and relation indices, for callers that ask many questions (a
/// decides matrix, a service, a benchmark): decides(const Model&, Index, Index,
/// std::optional<Date>, DecisionIndices&) refills one of these without allocating once its
/// vectors have grown. to_ids() turns it into a Decision.
struct DecisionIndices {
    /// One delegation followed: the relation (index into Model::relations) and how its delegate
    /// fits the place.
    struct Step {
        Index relation = npos;
        PlaceFit fit = PlaceFit::no_place;
    };
    Index function = npos, place = npos, holder = npos;
    std::vector<Index> delegation_chain;      ///< as Decision::delegation_chain; the decision maker is its last
    std::vector<Index> accountability_chain;  ///< as Decision::accountability_chain
    std::optional<Money> limit;               ///< as Decision::limit
    std::vector<Step> steps;                  ///< `steps[k]` leads to `delegation_chain[k+1]`
};

/// decides() into `out`, reusing its storage. Same answer, same exceptions.
/// Thread-safe: reads the model only (each thread keeps its own working space).
void decides(const Model& m, Index function, Index place, std::optional<Date> as_of, DecisionIndices& out);

/// The ids (and each step's delegator, delegate, pointer, mechanism and limit) of an answer
/// given as indices.
Decision to_ids(const Model& m, const DecisionIndices& d);

/// `{"function", "place", "holder", "decision_maker", "delegation_chain",
/// "accountability_chain", "limit"}`; `limit` is a money string such as `"400000.00"` or null.
boost::json::object to_json(const Decision& d);

/// Who decides `function` at each of `places` on one day, in the order given: the batch form
/// (the decides matrix of a function) that the C API, the bindings and `pbp decides --all-places`
/// use. Answer k is decides(m, function, places[k], as_of).
/// @throws InvalidArgument as decides() does, for the first place that fails.
std::vector<Decision> decides(const Model& m, Index function, gsl::span<const Index> places,
                              std::optional<Date> as_of = std::nullopt);

/// The places decides() is asked about in a batch: every area of kind `place` existing on
/// `as_of` (all of them with no day), in byte-wise order of their ids.
std::vector<Index> places_on(const Model& m, std::optional<Date> as_of = std::nullopt);

/// The answer to "who may approve a single commitment of `amount`?" (SPEC 2.2).
struct Authority {
    std::string function;
    std::string place;
    Money amount;
    /// The first node, walking from the decision maker back along the delegation chain, whose
    /// effective limit is at least `amount`.
    std::string approver;
    /// The approver's effective limit: the smallest limit on the chain from its first node
    /// down to the approver. None = unlimited (the chain's first node is always unlimited).
    std::optional<Money> effective_limit;
    /// From the decision maker up to and including the approver.
    std::vector<std::string> chain;
};

/// Who may approve a single commitment of `amount` for `function` at `place` on `as_of`.
///
/// Walks decides()'s delegation chain from the decision maker back towards its first node and
/// stops at the first node whose effective limit is >= `amount` (an amount equal to a limit is
/// within it). A step with no limit leaves the effective limit unchanged; the search never goes
/// beyond `delegation_chain[0]` (SPEC 2.6.4), whose effective limit is unlimited. A negative
/// amount is within every limit.
/// @throws InvalidArgument as decides().
/// Thread-safe: reads the model only.
Authority authority(const Model& m, Index function, Index place, const Money& amount,
                    std::optional<Date> as_of = std::nullopt);

/// The same answer as indices (see DecisionIndices), refilled without allocating once grown.
struct AuthorityIndices {
    DecisionIndices decision;              ///< the decides() answer it walks
    Money amount;
    Index approver = npos;                 ///< as Authority::approver
    std::optional<Money> effective_limit;  ///< as Authority::effective_limit
    std::vector<Index> chain;              ///< as Authority::chain
    /// Per node of `decision.delegation_chain`, its effective limit (none = unlimited).
    std::vector<std::optional<Money>> effective;
};

/// authority() into `out`, reusing its storage. Same answer, same exceptions.
/// Thread-safe: reads the model only.
void authority(const Model& m, Index function, Index place, const Money& amount, std::optional<Date> as_of,
               AuthorityIndices& out);

/// The ids of an answer given as indices.
Authority to_ids(const Model& m, const AuthorityIndices& a);

/// Same, by id. @throws InvalidArgument as decides().
Authority authority(const Model& m, std::string_view function, std::string_view place, const Money& amount,
                    std::optional<Date> as_of = std::nullopt);

/// `{"function", "place", "amount", "approver", "effective_limit", "chain"}`; money as strings,
/// `effective_limit` null when unlimited.
boost::json::object to_json(const Authority& a);

/// How a node's place(s) fit `place` on day `as_of`: none when the node has a place but no
/// place of it is or contains `place` (it is out of scope there). A body's place is its own
/// `place`; a post's is the place of the body named by its `in` (none when `in` is an
/// organisation); an organisation's places are its `serves` (SPEC 2.6.3).
/// @pre `node` and `place` exist on the day.
std::optional<PlaceFit> place_fit(const Model& m, Index node, Index place, std::optional<Date> as_of);

}  // namespace pbp

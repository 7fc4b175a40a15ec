/// @file accountability.hpp
/// @brief Who answers to whom (SPEC 2.1): the chain from any organisation, body or post up to
/// an apex of accountability (Parliament, an electorate).
#pragma once

#include "pbp/model.hpp"

#include <boost/json/object.hpp>
#include <gsl/span>

#include <optional>
#include <string>
#include <vector>

namespace pbp {

/// The answer to "who does this answer to?" for one node on one day.
struct Accountability {
    std::string node;
    /// Shortest path from the node to a terminal (a node that answers to no one); among equal
    /// lengths the byte-wise smallest sequence of ids. `[node]` when no terminal is reachable.
    std::vector<std::string> chain;
    /// Every node the node answers to, directly or indirectly, sorted byte-wise.
    std::vector<std::string> reachable;
    /// The terminals among `reachable` (or the node itself when it is one), sorted.
    std::vector<std::string> apexes;
};

/// The same answer as entity indices, for callers that ask many questions (a batch, a service,
/// a loop over every organisation): accountability(const Model&, Index, std::optional<Date>,
/// AccountabilityIndices&) refills one of these without allocating once its vectors have grown.
struct AccountabilityIndices {
    Index node = npos;
    std::vector<Index> chain;      ///< as Accountability::chain
    std::vector<Index> reachable;  ///< as Accountability::reachable, in the same (id) order
    std::vector<Index> apexes;     ///< as Accountability::apexes, in the same (id) order
};

/// Accountability of `node` on day `as_of` into `out`, reusing its storage. The cost follows the
/// answer (the nodes reached and the edges between them), not the model: no apex's in-edges
/// are read however many nodes answer to it, and ids are compared by Model::id_ranks().
/// @throws InvalidArgument when `node` is not in the model, is not an organisation, body or
/// post (an area, function or fund answers to no one), or does not exist on `as_of`.
/// Thread-safe: reads the model only (each thread keeps its own working space).
void accountability(const Model& m, Index node, std::optional<Date> as_of, AccountabilityIndices& out);

/// The chain alone (Accountability::chain) of `node` on day `as_of`, into `chain`: one read per
/// link up (each vertex's first step is worked out with Model::apex_distances(), once per
/// period), with no search of what else the node answers to. decides() uses it for its
/// accountability chain.
/// @throws InvalidArgument when `node` is not in the model, is not an organisation, body or
/// post (an area, function or fund answers to no one), or does not exist on `as_of`.
/// Thread-safe: reads the model only.
void accountability_chain(const Model& m, Index node, std::optional<Date> as_of, std::vector<Index>& chain);

/// The ids of an answer given as indices.
Accountability to_ids(const Model& m, const AccountabilityIndices& a);

/// The ids of entities given as indices, in the same order.
std::vector<std::string> to_ids(const Model& m, gsl::span<const Index> entities);

/// Accountability of `node` on day `as_of` (every day when absent). Edges: `accountable_to`
/// relations; a body to each id in its `of`; a post to its `in`; a delegate to its delegator.
/// @throws InvalidArgument when `node` is not in the model, is not an organisation, body or
/// post (an area, function or fund answers to no one), or does not exist on `as_of`.
/// Thread-safe: reads the model only.
Accountability accountability(const Model& m, Index node, std::optional<Date> as_of = std::nullopt);

/// Same, by id. @throws InvalidArgument naming the id when it is unknown, of another section, or
/// not valid on `as_of`.
Accountability accountability(const Model& m, std::string_view node, std::optional<Date> as_of = std::nullopt);

/// Accountability of many nodes on one day, in the order given: the batch form that the C API,
/// the bindings and `pbp accountability --all` use. Answer k is accountability(m, nodes[k], as_of).
/// @throws InvalidArgument for the first node that is not in the model, of another section, or
/// not valid on `as_of`.
std::vector<Accountability> accountability(const Model& m, gsl::span<const Index> nodes,
                                           std::optional<Date> as_of = std::nullopt);

/// The nodes accountability is asked about: every organisation, body and post existing on
/// `as_of` (all of them with no day), in byte-wise order of their ids.
std::vector<Index> accountable_nodes(const Model& m, std::optional<Date> as_of = std::nullopt);

/// `{"node", "chain", "reachable", "apexes"}` as SPEC 4.1 prints it.
boost::json::object to_json(const Accountability& a);

/// Checks `node` as every accountability query does: in the model, an organisation, body or
/// post, existing on `as_of`. For callers that check a whole list before answering any of it.
/// @throws InvalidArgument naming the node otherwise.
void require_accountable(const Model& m, Index node, std::optional<Date> as_of);

/// The entity with id `id` on day `as_of`, for query arguments.
/// @throws InvalidArgument naming the id (and the day) when there is none.
Index require_entity(const Model& m, std::string_view id, std::optional<Date> as_of);

}  // namespace pbp

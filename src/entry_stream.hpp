// Reading a model's JSON text without holding it all as one document. A million-entity file
// parses into about 540 MB of Boost.JSON values; read whole, that sat beside the model being
// built and set the peak of a load. Instead the text is read twice with Boost.JSON's
// basic_parser: once for its outline (the top level, each entry's id, the limits of SPEC 3)
// and once more handing over one entry of a list at a time, each freed before the next.
#pragma once

#include <boost/json/error.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <gsl/span>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pbp::detail {

/// One entry of a list, as the first reading saw it.
struct ListEntry {
    bool object = false;        ///< written as an object ({...})
    bool has_id = false;        ///< the object has an "id" (the last one, if written twice)
    boost::json::value id;      ///< that id's value, whatever its type
};

/// The first value past a limit on the file as a whole (E013, E014), in text order.
struct Oversize {
    enum class What { string, key, number } what = What::string;
    std::string pointer;     ///< JSON Pointer of the value (of a key: its start, then "...")
    std::size_t bytes = 0;   ///< of a string or key
};

/// What the first reading of a model's text found.
struct Outline {
    bool object = false;  ///< the top level is an object
    /// The top level, as the whole document would hold it (the last of a key written twice),
    /// except that each list given to outline() that is an array stands there as an empty one.
    boost::json::object root;
    /// Per list (in the order given): its entries, when that list is an array at the top level.
    std::vector<std::vector<ListEntry>> entries;
    /// Per list: which writing of its key (0 = the first) is the array whose entries are
    /// streamed; none when the list is absent or its last writing is not an array.
    std::vector<std::optional<std::size_t>> listed;
    std::optional<Oversize> oversize;
    /// Some object may hold a key twice (E009). Keys are compared by hash: a false alarm is
    /// possible, a miss is not; detail::duplicate_keys() finds the exact repeats.
    bool repeated_key = false;
};

/// Reads `text` as pbp reads JSON (comments and trailing commas allowed, nesting bounded by
/// limits::depth). `lists`: the top-level keys whose arrays are read entry by entry. On a
/// syntax error `ec` is set and `consumed` is where the parser stopped, as with
/// boost::json::stream_parser.
Outline outline(std::string_view text, gsl::span<const std::string_view> lists, boost::json::error_code& ec,
                std::size_t& consumed);

/// Calls `visit(list, index, entry)` for every entry of every list that `outline` found
/// listed, in text order. Each entry and its memory live only during its call: a copy must be
/// given storage of its own (`json::value(entry, json::storage_ptr{})`). `text` must be the text that
/// `outline` read without error.
void for_each_entry(std::string_view text, gsl::span<const std::string_view> lists, const Outline& outline,
                    const std::function<void(std::size_t list, std::size_t index, const boost::json::value& entry)>& visit);

}  // namespace pbp::detail

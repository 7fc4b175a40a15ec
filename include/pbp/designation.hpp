/// @file designation.hpp
/// @brief Which functions are decided at place and which at system (SPEC 2.4): the question
/// BOB's Appendix 2 answers in a table (002 paragraph 24: "how ICB programmes of work may be
/// designated effectively between System and Place").
#pragma once

#include "pbp/model.hpp"

#include <boost/json/object.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pbp {

/// Where decisions on a function are taken for one place.
enum class DesignationLevel : std::uint8_t {
    place,          ///< the decision maker is in scope for that place specifically
    system,         ///< F is delegated somewhere, but for this place nothing in scope is, or
                    ///< the decision maker has no place (it decides for the whole system)
    not_delegated,  ///< F is not delegated anywhere on the day: its holder decides everywhere
};

/// `"place"`, `"system"` or `"not_delegated"`.
std::string_view to_string(DesignationLevel l) noexcept;

/// One function at one place.
struct Designation {
    std::string function;
    std::string service_area;
    std::string place;
    DesignationLevel level = DesignationLevel::not_delegated;
    std::string decision_maker;  ///< as decides() finds it
};

/// Every designation on a day.
struct Designations {
    std::optional<Date> as_of;
    /// One row per function with a `service_area` and per area of kind `place`, both existing
    /// on the day; sorted byte-wise by function id, then place id.
    std::vector<Designation> rows;
};

/// Where each function with a `service_area` is decided at each area of kind `place`, on day
/// `as_of` (every day when absent). The decision maker is decides()'s; the level is `place`
/// when it is specific to the place (its place is the place or contains it), `system` when the
/// function is delegated somewhere on the day but the decision maker here has no place (or
/// nothing in scope for the place is delegated), and `not_delegated` when no delegation of the
/// function exists on the day. Functions whose holder does not exist on the day are left out.
/// Thread-safe: reads the model only.
Designations designation(const Model& m, std::optional<Date> as_of = std::nullopt);

/// `{"as_of": "YYYY-MM-DD" | null, "designations": [{"function", "service_area", "place",
/// "level", "decision_maker"}, ...]}`.
boost::json::object to_json(const Designations& d);

/// pretty_json(to_json(d)), the same text, written to `out` row by row without the document:
/// a model of ten times national has 7.6 million rows.
void write_json(std::ostream& out, const Designations& d);

}  // namespace pbp

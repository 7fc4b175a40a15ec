/// @file maturity.hpp
/// @brief Maturity self-assessments against the BOB place-based partnership maturity matrix
/// (002 Appendix One): ten themes, each at one of four stages.
#pragma once

#include "pbp/model.hpp"

#include <boost/json/object.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pbp {

/// The ten themes, in the matrix's order (002 Appendix One).
inline constexpr std::array<std::string_view, 10> maturity_themes{
    "shared_vision",         "systems_mindset",  "shifting_power",      "trusted_relationships",
    "coordinated_delivery",  "shared_governance", "aligned_resources",  "collective_leadership",
    "evaluation_and_learning", "shared_data"};

/// The four stages, from least to most mature.
inline constexpr std::array<std::string_view, 4> maturity_stages{"emerging", "developing", "maturing", "thriving"};

/// One theme of one subject: the latest assessment on or before the day (or the latest of all).
struct ThemeStage {
    std::string theme;
    std::optional<std::string> stage;  ///< none when never assessed by then
    std::optional<Date> date;          ///< of the assessment used
    std::string evidence;
};

/// A subject's (a body's or an area's) stage on every theme, at one date or as a change.
struct SubjectMaturity {
    std::string subject;
    std::vector<ThemeStage> themes;         ///< at `to` (or as of / latest)
    std::vector<ThemeStage> themes_before;  ///< at `from`, only for a change between two dates
};

/// Maturity of every assessed subject (or of `subject` only), as of `as_of` (latest when absent),
/// sorted by subject id; themes always in the matrix's order, unassessed ones with no stage.
/// @throws InvalidArgument when `subject` is given and is not a body or area of the model.
std::vector<SubjectMaturity> maturity(const Model& m, std::optional<std::string_view> subject,
                                      std::optional<Date> as_of);

/// The change between two dates: `themes_before` at `from`, `themes` at `to`.
/// @throws InvalidArgument when `subject` is given and is not a body or area of the model, or
/// `to` < `from`.
std::vector<SubjectMaturity> maturity_change(const Model& m, std::optional<std::string_view> subject, Date from, Date to);

/// `{"subjects": [{"subject", "themes": [{"theme", "stage", "date", "evidence"}]}]}`; for a change,
/// each theme has `"from_stage"`, `"stage"` and `"change"` (stages moved: +1 emerging -> developing;
/// null when either end is unassessed).
boost::json::object to_json(const std::vector<SubjectMaturity>& result);

}  // namespace pbp

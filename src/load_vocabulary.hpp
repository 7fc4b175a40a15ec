// The words a model file may use (SPEC 1): the keys of each kind of object, the kinds of each
// section, the maturity matrix's themes and stages. One list for both readings of a model:
// the full one (load.cpp), which words a diagnostic for anything else, and the quick one
// (load_clean.cpp), which gives way to it. Internal to the library: not installed.
#pragma once

#include "pbp/model.hpp"
#include "pbp/money.hpp"

#include <gsl/span>

#include <array>
#include <charconv>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace pbp::detail {

/// `/<list>/<index>`, the JSON Pointer of an entry of a top-level list, made in one go: built
/// from temporaries it was a twentieth of all the instructions of `pbp validate` on a
/// national model (callgrind).
inline std::string entry_pointer(std::string_view list, std::size_t index) {
    char digits[20];  // 2^64 has 20 digits
    char* end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    std::string p;
    p.reserve(list.size() + 2 + static_cast<std::size_t>(end - digits));
    p += '/';
    p += list;
    p += '/';
    p.append(digits, static_cast<std::size_t>(end - digits));
    return p;
}

/// A short list of words.
using Keys = gsl::span<const std::string_view>;

/// Sets of sections, for what a reference may name.
constexpr unsigned bit(Section s) { return 1u << static_cast<unsigned>(s); }
inline constexpr unsigned kOrg = bit(Section::organisation), kBody = bit(Section::body), kPost = bit(Section::post),
                          kArea = bit(Section::area), kFunction = bit(Section::function), kFund = bit(Section::fund);
inline constexpr unsigned kAny = kOrg | kBody | kPost | kArea | kFunction | kFund;

/// The sections a relation of kind `k` may run from and to (SPEC 1.2).
struct RelationEnds {
    unsigned from = kAny, to = kAny;
};
constexpr RelationEnds relation_ends(RelationKind k) {
    switch (k) {
        case RelationKind::accountable_to:
        case RelationKind::delegates: return {kOrg | kBody | kPost, kOrg | kBody | kPost};
        case RelationKind::member_of: return {kOrg | kPost, kBody | kOrg};
        case RelationKind::commissions: return {kOrg | kBody, kOrg};
        case RelationKind::hosts: return {kOrg, kBody | kPost};
        case RelationKind::chairs: return {kPost, kBody};
        default: return {};
    }
}

/// The kinds of section `s` (SPEC 1.2); none for posts and functions, whose `kind` is free.
inline Keys kinds_of(Section s) {
    static constexpr std::array<std::string_view, 10> areas{
        "country", "region", "ics", "place", "neighbourhood", "local_authority", "district", "ward", "lsoa", "unit"};
    static constexpr std::array<std::string_view, 23> orgs{
        "parliament", "electorate", "department", "nhs_england", "icb", "nhs_trust", "foundation_trust",
        "county_council", "district_council", "unitary_authority", "combined_authority", "gp_practice", "pcn",
        "gp_federation", "vcse", "healthwatch", "hospice", "care_provider", "independent_provider", "police",
        "fire_rescue", "university", "other"};
    static constexpr std::array<std::string_view, 10> bodies{
        "board", "committee", "sub_committee", "joint_committee", "partnership", "health_and_wellbeing_board",
        "provider_collaborative", "place_board", "s75_board", "team"};
    static constexpr std::array<std::string_view, 6> funds{"allocation", "programme", "running_cost",
                                                           "pooled", "bcf", "other"};
    switch (s) {
        case Section::area: return areas;
        case Section::organisation: return orgs;
        case Section::body: return bodies;
        case Section::fund: return funds;
        default: return {};
    }
}

/// True when `kind` is one of kinds_of(s). A look along a short list of views: the ordered
/// set this was before compared whole strings at each level of its tree (callgrind: 3% of
/// the quick reading's instructions on a national model).
inline bool is_kind_of(Section s, std::string_view kind) {
    for (std::string_view k : kinds_of(s))
        if (k == kind) return true;
    return false;
}

// The keys an object may have. A handful each: a look along the list is quicker than a tree.
inline constexpr std::array<std::string_view, 8> kCommonKeys{"id", "name", "kind", "codes", "valid_from", "valid_to",
                                                             "notes", "attrs"};
inline Keys section_keys(Section s) {
    static constexpr std::array<std::string_view, 3> area{"within", "population", "need_index"};
    static constexpr std::array<std::string_view, 1> organisation{"serves"};
    static constexpr std::array<std::string_view, 4> body{"of", "place", "members", "quorum"};
    static constexpr std::array<std::string_view, 6> post{"title", "in", "employer", "holder", "appointed_by", "approved_by"};
    static constexpr std::array<std::string_view, 4> function{"holder", "statutory", "basis", "service_area"};
    static constexpr std::array<std::string_view, 3> fund{"holder", "year", "host"};
    switch (s) {
        case Section::area: return area;
        case Section::organisation: return organisation;
        case Section::body: return body;
        case Section::post: return post;
        case Section::function: return function;
        case Section::fund: return fund;
    }
    return {};
}
inline constexpr std::array<std::string_view, 4> kMemberKeys{"member", "voting", "role", "attrs"};
inline constexpr std::array<std::string_view, 2> kQuorumKeys{"count", "must_include"};
inline constexpr std::array<std::string_view, 8> kRelationKeys{"kind", "from", "to", "id", "valid_from", "valid_to", "notes", "attrs"};
inline constexpr std::array<std::string_view, 5> kDelegationKeys{"functions", "mechanism", "limit", "instrument", "may_subdelegate"};
inline constexpr std::array<std::string_view, 2> kMembershipKeys{"voting", "role"};
inline constexpr std::array<std::string_view, 11> kFlowKeys{"from", "to", "amount", "year", "purpose", "restriction",
                                                            "id", "valid_from", "valid_to", "notes", "attrs"};
inline constexpr std::array<std::string_view, 8> kAssessmentKeys{"subject", "date", "theme", "stage", "evidence", "id", "notes", "attrs"};

/// A member's role, in a body's `members` or on a `member_of` relation.
inline bool is_member_role(std::string_view r) { return r == "chair" || r == "vice_chair" || r == "member" || r == "attendee"; }

/// The ten themes and four stages of the maturity matrix (002 Appendix One).
inline const std::set<std::string, std::less<>>& maturity_themes() {
    static const std::set<std::string, std::less<>> themes{
        "shared_vision", "systems_mindset", "shifting_power", "trusted_relationships", "coordinated_delivery",
        "shared_governance", "aligned_resources", "collective_leadership", "evaluation_and_learning", "shared_data"};
    return themes;
}
inline const std::set<std::string, std::less<>>& maturity_stages() {
    static const std::set<std::string, std::less<>> stages{"emerging", "developing", "maturing", "thriving"};
    return stages;
}

/// The number of digits in `s` when it is written `-?[0-9]+(\.[0-9]+)?`, whatever its length;
/// 0 for anything else.
inline std::size_t decimal_digits(std::string_view s) {
    if (!s.empty() && s.front() == '-') s.remove_prefix(1);
    std::size_t digits = 0, dots = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') ++digits;
        else if (s[i] == '.' && i > 0 && i + 1 < s.size() && dots++ == 0) continue;
        else return 0;
    }
    return digits;
}

/// The most a year's flows may add up to (E017): 2^127 - 1 pence.
inline const Pence& max_pence() {
    static const Pence p = Money::parse("1701411834604692317316873037158841057.27")->pence();
    return p;
}

}  // namespace pbp::detail

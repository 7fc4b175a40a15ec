// The bundled england-areas model, built at build time from data/england by pbp import-areas,
// against what the data says. The expected figures are not pbp's output: they are the checks
// data/england/README.md records for its files, and the figures data/england/facts.py computes
// from the CSVs with Python's standard library alone (a second, independent method).
#include "bundled_support.hpp"

#include "pbp/geography.hpp"
#include "pbp/validate.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace {

using pbp::AreaSelection;
using pbp::Footprints;

std::shared_ptr<const pbp::Model> england_areas() {
    static const auto model = pbp::test::load_bundled("england-areas");
    return model;
}

// ONS codes say what a council is: E06 unitary authority, E07 non-metropolitan district, E08
// metropolitan borough, E09 London borough, E10 county. Unitary authorities, metropolitan and
// London boroughs are both lower and upper tier, so the import makes each one area.
std::vector<std::string> areas_with_code_prefix(const pbp::Model& m, std::initializer_list<std::string_view> prefixes) {
    std::vector<std::string> ids;
    for (const auto& e : m.entities)
        if (e.section == pbp::Section::area &&
            std::any_of(prefixes.begin(), prefixes.end(), [&](auto p) { return e.id.starts_with(p); }))
            ids.push_back(e.id);
    return ids;
}

std::size_t count_kind(const pbp::Model& m, std::string_view kind) {
    return static_cast<std::size_t>(std::count_if(m.entities.begin(), m.entities.end(), [&](const auto& e) {
        return e.section == pbp::Section::area && e.kind == kind;
    }));
}

std::set<std::string> names_of(const pbp::Model& m, const std::vector<std::string>& ids) {
    std::set<std::string> out;
    for (const auto& id : ids) out.insert(m.at(m.find(id).value()).name);
    return out;
}

}  // namespace

TEST_CASE("england-areas: validates with no error") {
    CHECK(pbp::count_errors(pbp::validate(*england_areas())) == 0);
}

TEST_CASE("england-areas: the counts data/england/README.md states") {
    const auto& m = *england_areas();
    CHECK(count_kind(m, "lsoa") == 33755);
    CHECK(count_kind(m, "unit") == 106);  // sub-ICB locations
    CHECK(count_kind(m, "ics") == 42);
    CHECK(count_kind(m, "region") == 7);
    CHECK(count_kind(m, "country") == 1);
    // Counted by code, as the issue asks: a unitary authority is one area of both tiers.
    CHECK(areas_with_code_prefix(m, {"E06", "E07", "E08", "E09"}).size() == 296);  // LADs
    CHECK(areas_with_code_prefix(m, {"E06", "E08", "E09", "E10"}).size() == 153);  // upper tier
    CHECK(areas_with_code_prefix(m, {"E06", "E07", "E08", "E09", "E10"}).size() == 317);  // councils
    CHECK(count_kind(m, "district") == 164);  // the E07 districts: 296 LADs less 132 of both tiers
    CHECK(count_kind(m, "local_authority") == 153);
}

TEST_CASE("england-areas: England's people, and the largest and smallest ICB") {
    const auto& m = *england_areas();
    const Footprints fp(m, std::nullopt);
    CHECK(fp.population(m.find("E92000001").value()) == 57106398);
    CHECK(fp.leaves(m.find("E92000001").value()).size() == 33755);
    // README 2a: "ICB sums range from NHS North East and North Cumbria 3,005,519 (largest) to
    // NHS Shropshire, Telford and Wrekin 516,049 (smallest)".
    pbp::Population largest = 0, smallest = 57106398;
    std::string largest_id, smallest_id;
    for (pbp::Index i : fp.areas()) {
        if (m.at(i).kind != "ics") continue;
        if (fp.population(i) > largest) largest = fp.population(i), largest_id = m.at(i).id;
        if (fp.population(i) < smallest) smallest = fp.population(i), smallest_id = m.at(i).id;
    }
    CHECK(largest == 3005519);
    CHECK(m.at(m.find(largest_id).value()).name == "NHS North East and North Cumbria Integrated Care Board");
    CHECK(smallest == 516049);
    CHECK(m.at(m.find(smallest_id).value()).name == "NHS Shropshire, Telford and Wrekin Integrated Care Board");
}

TEST_CASE("england-areas: every sub-ICB location lies in one ICB, every district in one upper tier") {
    const auto& m = *england_areas();
    const Footprints fp(m, std::nullopt);
    const auto sicbl = pbp::respects_boundaries(fp, AreaSelection::of_kind("unit"), AreaSelection::of_kind("ics"));
    CHECK(sicbl.respects);
    CHECK(sicbl.units.size() == 106);
    // The upper tier came through each LAD (make_lookup.py), so LADs nest in it exactly.
    const auto lads = areas_with_code_prefix(m, {"E06", "E07", "E08", "E09"});
    const auto tiers = pbp::respects_boundaries(fp, AreaSelection::of_ids(lads), AreaSelection::of_kind("local_authority"));
    CHECK(tiers.respects);
}

TEST_CASE("england-areas: 13 LADs lie in more than one ICB, Cherwell through one LSOA") {
    const auto& m = *england_areas();
    const Footprints fp(m, std::nullopt);
    const auto lads = areas_with_code_prefix(m, {"E06", "E07", "E08", "E09"});
    const auto fit = pbp::respects_boundaries(fp, AreaSelection::of_ids(lads), AreaSelection::of_kind("ics"));
    CHECK_FALSE(fit.respects);
    std::vector<std::string> split;
    for (const auto& u : fit.units)
        if (!u.within) split.push_back(u.unit);
    CHECK(names_of(m, split) == std::set<std::string>{
                                    "Buckinghamshire", "Cherwell", "Cumberland", "East Suffolk", "Guildford", "Hart",
                                    "North Hertfordshire", "North Yorkshire", "Runnymede", "Surrey Heath",
                                    "Vale of White Horse", "Waverley", "Westmorland and Furness"});

    // Cherwell (E07000177) is in BOB ICB except LSOA E01027305 (1,864 people), which the ONS
    // LSOA-ward-LAD best fit puts in Cherwell and the LSOA-UTLA best fit in West
    // Northamptonshire (README 1a caveat).
    const auto cherwell = std::find_if(fit.units.begin(), fit.units.end(), [](const auto& u) { return u.unit == "E07000177"; });
    REQUIRE(cherwell != fit.units.end());
    REQUIRE(cherwell->pieces.size() == 2);
    CHECK(cherwell->pieces[0].first == "E54000044");  // Buckinghamshire, Oxfordshire and Berkshire West
    CHECK(cherwell->pieces[1].first == "E54000059");  // Northamptonshire
    CHECK(cherwell->pieces[1].second == 1864);
    const auto e01027305 = m.find("E01027305").value();
    CHECK(m.at(e01027305).name == "West Northamptonshire 048E");
    CHECK(fp.population(e01027305) == 1864);
}

TEST_CASE("england-areas: ICBs and sub-ICB locations against upper-tier councils") {
    const auto& m = *england_areas();
    const Footprints fp(m, std::nullopt);
    const auto icbs = pbp::coterminosity(fp, AreaSelection::of_kind("ics"), AreaSelection::of_kind("local_authority"));
    REQUIRE(icbs.areas.size() == 42);
    std::vector<std::string> coterminous;
    for (const auto& r : icbs.areas)
        if (r.relation == pbp::AreaRelation::coterminous) coterminous.push_back(r.best);
    // Three ICBs have exactly one county's or unitary's footprint.
    CHECK(names_of(m, coterminous) == std::set<std::string>{"Gloucestershire", "Lincolnshire", "Somerset"});
    // Half of England lives in the upper-tier council that best matches its ICB.
    CHECK(icbs.score == pbp::Ratio(28459980, 57106398));

    const auto sicbls = pbp::coterminosity(fp, AreaSelection::of_kind("unit"), AreaSelection::of_kind("local_authority"));
    REQUIRE(sicbls.areas.size() == 106);
    CHECK(std::count_if(sicbls.areas.begin(), sicbls.areas.end(),
                        [](const auto& r) { return r.relation == pbp::AreaRelation::coterminous; }) == 44);
    CHECK(sicbls.score == pbp::Ratio(41336337, 57106398));

    // Ten upper-tier councils are split between ICBs.
    const auto councils = pbp::respects_boundaries(fp, AreaSelection::of_kind("local_authority"), AreaSelection::of_kind("ics"));
    std::vector<std::string> split;
    for (const auto& u : councils.units)
        if (!u.within) split.push_back(u.unit);
    CHECK(names_of(m, split) == std::set<std::string>{"Buckinghamshire", "Cumberland", "Essex", "Hampshire",
                                                      "Hertfordshire", "North Yorkshire", "Oxfordshire", "Suffolk",
                                                      "Surrey", "Westmorland and Furness"});
}

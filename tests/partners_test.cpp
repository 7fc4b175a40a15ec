// Tests for partners.hpp on a model made by hand: an ICB over four LSOAs, a county council
// sharing two of them, a unitary authority wholly inside, another wholly outside, and a district
// council (lower tier: never a statutory partner). Every figure is worked out from the populations
// written in the model.
#include "pbp/error.hpp"
#include "pbp/load.hpp"
#include "pbp/partners.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

using namespace pbp;

namespace {
constexpr const char* kPartnersModel = R"({
  "format": "pbp/1", "name": "partners",
  "areas": [
    {"id": "ics.a", "kind": "ics"},
    {"id": "la.c", "kind": "local_authority"}, {"id": "la.u", "kind": "local_authority"},
    {"id": "la.v", "kind": "local_authority"}, {"id": "lad.d", "kind": "district"},
    {"id": "l1", "kind": "lsoa", "population": 100, "within": ["ics.a", "la.u"]},
    {"id": "l2", "kind": "lsoa", "population": 200, "within": ["ics.a", "la.c", "lad.d"]},
    {"id": "l3", "kind": "lsoa", "population": 300, "within": ["ics.a", "la.c"]},
    {"id": "l4", "kind": "lsoa", "population": 400, "within": ["ics.a"]},
    {"id": "l5", "kind": "lsoa", "population": 500, "within": ["la.c"]},
    {"id": "l6", "kind": "lsoa", "population": 600, "within": ["la.v"]}
  ],
  "organisations": [
    {"id": "icb", "kind": "icb", "serves": ["ics.a"]},
    {"id": "cc", "kind": "county_council", "serves": ["la.c"]},
    {"id": "ua", "kind": "unitary_authority", "serves": ["la.u"], "valid_to": "2020-01-01"},
    {"id": "vv", "kind": "unitary_authority", "serves": ["la.v"]},
    {"id": "dd", "kind": "district_council", "serves": ["lad.d"]},
    {"id": "gp", "kind": "gp_practice"}
  ],
  "bodies": [{"id": "icb.board", "kind": "board", "of": "icb"}]
})";

const Model& fixture() {
    static const auto m = load_model(kPartnersModel).model;
    REQUIRE(m);
    return *m;
}
}  // namespace

TEST_CASE("partners: the upper-tier councils an ICB's area overlaps, whole or in part") {
    const Partners p = partners(fixture(), "icb");
    CHECK(p.node == "icb");
    CHECK(p.areas == std::vector<std::string>{"ics.a"});
    CHECK(p.population == 1000);  // 100 + 200 + 300 + 400
    REQUIRE(p.councils.size() == 2);  // vv shares no one; dd is a district council
    CHECK(p.councils[0].council == "cc");
    CHECK(p.councils[0].population == 1000);  // 200 + 300 + 500
    CHECK(p.councils[0].overlap == 500);      // l2 and l3
    CHECK(p.councils[0].share == Ratio(1, 2));
    CHECK_FALSE(p.councils[0].whole);
    CHECK(p.councils[1].council == "ua");
    CHECK(p.councils[1].overlap == 100);
    CHECK(p.councils[1].whole);
    CHECK(p.uncovered == 400);  // l4 is in no council's area
}

TEST_CASE("partners: on a day, councils that do not exist are left out") {
    const Partners p = partners(fixture(), "icb", parse_date("2021-01-01"));
    REQUIRE(p.councils.size() == 1);
    CHECK(p.councils[0].council == "cc");
    CHECK(p.uncovered == 500);  // l1 and l4
}

TEST_CASE("partners: an area has its own footprint") {
    const Partners p = partners(fixture(), "ics.a");
    CHECK(p.areas == std::vector<std::string>{"ics.a"});
    CHECK(p.councils.size() == 2);
}

TEST_CASE("partners: JSON keys, share with four places") {
    const auto j = to_json(partners(fixture(), "icb"));
    CHECK(boost::json::serialize(j) ==
          R"({"node":"icb","areas":["ics.a"],"population":1000,"uncovered":400,"councils":[)"
          R"({"council":"cc","areas":["la.c"],"population":1000,"overlap":500,"share":"0.5000","whole":false},)"
          R"({"council":"ua","areas":["la.u"],"population":100,"overlap":100,"share":"1.0000","whole":true}]})");
}

TEST_CASE("partners: a node with no footprint is an error naming it") {
    CHECK_THROWS_WITH_AS(partners(fixture(), "nobody"), doctest::Contains("nobody"), InvalidArgument);
    CHECK_THROWS_WITH_AS(partners(fixture(), "gp"), doctest::Contains("'gp' serves no area"), InvalidArgument);
    CHECK_THROWS_WITH_AS(partners(fixture(), "icb.board"), doctest::Contains("neither an organisation nor an area"),
                         InvalidArgument);
}

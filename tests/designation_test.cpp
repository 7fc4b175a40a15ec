// Tests for designation.hpp (SPEC 2.4): where each function is decided, place by place.
// Expectations are worked by hand from tests/data/delegation/chains.json (see its header).
#include "pbp/designation.hpp"
#include "pbp/load.hpp"

#include "bundled_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <sstream>

using namespace pbp;

namespace {
std::shared_ptr<const Model> load_chains() {
    auto r = load_model_file(std::string(PBP_TEST_DATA) + "/delegation/chains.json");
    REQUIRE(r.model);
    return r.model;
}

std::string row(const Designation& d) {
    return d.function + " " + d.place + " " + std::string(to_string(d.level)) + " " + d.decision_maker;
}
}  // namespace

TEST_CASE("designation: functions with a service area, at every area of kind place") {
    auto m = load_chains();
    Designations d = designation(*m);
    // fn.loop has no service_area; nbhd.a1, ics and england are not of kind place.
    REQUIRE(d.rows.size() == 4);
    // Sorted by function id, then place id.
    CHECK(row(d.rows[0]) == "fn.planned place.a place ics.cttee");  // ics.cttee's place contains place.a
    CHECK(row(d.rows[1]) == "fn.planned place.b place sc.b");       // exact
    CHECK(row(d.rows[2]) == "fn.ucc place.a place officer.a");      // officer.a inherits sc.a's place
    CHECK(row(d.rows[3]) == "fn.ucc place.b system trust");         // the trust has no place
    CHECK(d.rows[2].service_area == "Urgent care");
}

TEST_CASE("designation: as of a day before the place delegation starts, urgent care is decided at system") {
    auto m = load_chains();
    Designations d = designation(*m, *parse_date("2023-03-31"));
    REQUIRE(d.rows.size() == 4);
    CHECK(row(d.rows[2]) == "fn.ucc place.a system trust");
}

TEST_CASE("designation: not_delegated when the function is delegated nowhere: system when not here") {
    auto r = load_model(R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "p1", "kind": "place"}, {"id": "p2", "kind": "place"}],
      "organisations": [{"id": "icb", "kind": "icb"}],
      "bodies": [{"id": "sc1", "kind": "sub_committee", "of": "icb", "place": "p1"}],
      "functions": [{"id": "cancer", "holder": "icb", "service_area": "Cancer"},
                    {"id": "community", "holder": "icb", "service_area": "Community services"},
                    {"id": "maternity", "holder": "icb", "service_area": "Maternity"}],
      "relations": [{"kind": "delegates", "from": "icb", "to": "sc1", "functions": ["community"]},
                    {"kind": "delegates", "from": "icb", "to": "sc1", "functions": ["maternity"],
                     "valid_to": "2023-04-01"}]})");
    REQUIRE(r.model);
    Designations d = designation(*r.model);
    REQUIRE(d.rows.size() == 6);
    // BOB Appendix 2 (002 paragraph 24): cancer kept at system, community services at place.
    CHECK(row(d.rows[0]) == "cancer p1 not_delegated icb");
    CHECK(row(d.rows[1]) == "cancer p2 not_delegated icb");
    CHECK(row(d.rows[2]) == "community p1 place sc1");
    CHECK(row(d.rows[3]) == "community p2 system icb");  // delegated, but not for p2
    CHECK(row(d.rows[4]) == "maternity p1 place sc1");
    // After its delegation ends, maternity is delegated nowhere.
    Designations later = designation(*r.model, *parse_date("2023-06-01"));
    CHECK(row(later.rows[4]) == "maternity p1 not_delegated icb");

    auto j = to_json(d);
    CHECK(j.at("as_of").is_null());
    auto& first = j.at("designations").as_array().at(0).as_object();
    CHECK(first.size() == 5);
    CHECK(first.at("function").as_string() == "cancer");
    CHECK(first.at("service_area").as_string() == "Cancer");
    CHECK(first.at("place").as_string() == "p1");
    CHECK(first.at("level").as_string() == "not_delegated");
    CHECK(first.at("decision_maker").as_string() == "icb");
    CHECK(to_json(later).at("as_of").as_string() == "2023-06-01");
}

TEST_CASE("designation: write_json() writes, row by row, the text of the whole document") {
    auto check = [](const Designations& d) {
        std::ostringstream out;
        write_json(out, d);
        CHECK(out.str() == pretty_json(to_json(d)));
    };
    std::size_t rows = 0;
    for (std::string_view name : bundled_model_names()) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        for (const auto& day : test::days_of(*m)) {
            const Designations d = designation(*m, day);
            rows += d.rows.size();
            check(d);
        }
    }
    CHECK(rows > 0);
    // No rows; and strings that need escaping, with more rows than one 64 KiB piece of output holds.
    check(Designations{});
    Designations many{parse_date("2024-04-01"), {}};
    for (int i = 0; i < 2000; ++i)
        many.rows.push_back({"fn." + std::to_string(i), "Care \"at home\"\n\u00e9 \\ \x01", "place." + std::to_string(i % 7),
                             static_cast<DesignationLevel>(i % 3), "icb"});
    check(many);
}

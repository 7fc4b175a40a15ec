// Tests on the bundled Buckinghamshire, Oxfordshire and Berkshire West model
// (examples/models/bob.json, compiled into the library; seed paper 002, BOB ICB board,
// 21 March 2023, agenda item 10). Each expectation was worked out by hand from the model's
// links and checks a statement of the paper, cited in the comment.
#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/delegation.hpp"
#include "pbp/designation.hpp"
#include "pbp/error.hpp"
#include "pbp/load.hpp"
#include "pbp/maturity.hpp"
#include "pbp/validate.hpp"

#include "bundled_support.hpp"
#include "test_support.hpp"
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace pbp;
using Ids = std::vector<std::string>;

namespace {

std::shared_ptr<const Model> bob() { return test::load_bundled("bob"); }

using pbp::test::day;

// Appendix Two: the rows designated to place ("Responsibility delegated to Place", "Majority of
// responsibility ... delegated at Place", CHC brokerage "at Place") and to system ("Not delegated
// to Place"; CHC standardisation of assessment is a BOB-wide remit).
const std::set<std::string> kPlaceFns{"fn.uec", "fn.community", "fn.children-ld-autism-send", "fn.chc-brokerage"};
const std::set<std::string> kSystemFns{"fn.maternity", "fn.planned-care", "fn.cancer",
                                       "fn.ltc",       "fn.pod",          "fn.chc-assessment"};
const Ids kPlaces{"place.berks-west", "place.bucks", "place.oxon"};

}  // namespace

TEST_CASE("bob: validates with no diagnostics at all") {
    pbp::test::check_bundled_clean("bob");
}

TEST_CASE("bob: designation reproduces Appendix Two (place vs system)") {
    auto m = bob();
    Designations d = designation(*m);
    // 10 functions with a service area x 3 places.
    REQUIRE(d.rows.size() == 30);
    std::map<std::pair<std::string, std::string>, Designation> by;
    for (const auto& row : d.rows) by[{row.function, row.place}] = row;
    for (const auto& place : kPlaces) {
        // Paragraph 21 / Appendix Two: place remits are discharged by that place's Place Director.
        const std::string director = place.substr(std::string("place.").size()) + ".place-director";
        for (const auto& f : kPlaceFns) {
            CAPTURE(f);
            CAPTURE(place);
            const Designation& row = by.at({f, place});
            CHECK(row.level == DesignationLevel::place);
            CHECK(row.decision_maker == director);
        }
        // "Not delegated to Place": nothing is delegated, the ICB decides for every place.
        for (const auto& f : kSystemFns) {
            CAPTURE(f);
            CAPTURE(place);
            const Designation& row = by.at({f, place});
            CHECK(row.level != DesignationLevel::place);
            CHECK(row.level == DesignationLevel::not_delegated);
            CHECK(row.decision_maker == "bob-icb");
        }
    }
    // Before the operating model takes effect (delegations dated 1 April 2023) nothing is at place.
    for (const auto& row : designation(*m, day("2023-03-31")).rows) {
        CAPTURE(row.function);
        CHECK(row.level == DesignationLevel::not_delegated);
    }
}

TEST_CASE("bob: the Oxfordshire Place Director decides place functions, accountable through the CDO and CEO") {
    auto m = bob();
    // Paragraph 21: "The Place Director will be accountable to the ICB for the discharge of
    // delegated authority through the Chief Delivery Officer and CEO in line with the formal ICB
    // scheme of delegation." Board -> CEO (no limit) -> CDO (5m, illustrative) -> Place Director
    // (1m, illustrative); the CEO and CDO have no place, the Oxfordshire Place Director's team is
    // at place.oxon, so only that director is in scope.
    Decision d = decides(*m, "fn.community", "place.oxon");
    CHECK(d.holder == "bob-icb");
    CHECK(d.decision_maker == "oxon.place-director");
    CHECK(d.delegation_chain == Ids{"bob-icb.board", "bob-icb.ceo", "bob-icb.cdo", "oxon.place-director"});
    CHECK(d.accountability_chain == Ids{"oxon.place-director", "bob-icb.cdo", "bob-icb.ceo", "bob-icb.board",
                                        "bob-icb", "nhse", "dhsc", "parliament"});
    REQUIRE(d.limit.has_value());
    CHECK(d.limit->to_string() == "1000000.00");

    // The same for urgent care (paragraph 9, Appendix Two) at Oxfordshire.
    CHECK(decides(*m, "fn.uec", "place.oxon").decision_maker == "oxon.place-director");

    // 2,000,000 is above the Place Director's limit but within the CDO's.
    Authority a = authority(*m, "fn.community", "place.oxon", *Money::parse("2000000"));
    CHECK(a.approver == "bob-icb.cdo");

    // A system function at Oxfordshire: held and decided by the ICB itself.
    Decision s = decides(*m, "fn.maternity", "place.oxon");
    CHECK(s.decision_maker == "bob-icb");
    CHECK(s.delegation_chain == Ids{"bob-icb"});

    // The Place Director's own accountability reaches the CDO, the CEO and Parliament only.
    Accountability pd = accountability(*m, "oxon.place-director");
    CHECK(pd.apexes == Ids{"parliament"});
    const std::set<std::string> reach(pd.reachable.begin(), pd.reachable.end());
    CHECK(reach.count("bob-icb.cdo") == 1);
    CHECK(reach.count("bob-icb.ceo") == 1);
}

TEST_CASE("bob: councils answer to their electorates, partnerships start on 1 April 2023") {
    auto m = bob();
    CHECK(accountability(*m, "oxfordshire-council").chain == Ids{"oxfordshire-council", "electorate.oxfordshire"});
    CHECK(accountability(*m, "wokingham-council").chain == Ids{"wokingham-council", "electorate.wokingham"});
    // Paragraph 28a: formal forums on executive authority by 1 April 2023.
    CHECK_THROWS_AS(accountability(*m, "pbp.oxon", day("2023-03-31")), InvalidArgument);
    Accountability p = accountability(*m, "pbp.berks-west", day("2023-04-01"));
    CHECK(p.apexes == Ids{"electorate.reading", "electorate.west-berkshire", "electorate.wokingham", "parliament"});
    // The conflict of interest category of the cover sheet is kept on the memberships.
    const auto& doc = m->document();
    bool found = false;
    for (const auto& b : doc.as_object().at("bodies").as_array()) {
        if (b.as_object().at("id").as_string() != "bob-icb.board") continue;
        for (const auto& mem : b.as_object().at("members").as_array()) {
            const auto& o = mem.as_object();
            if (o.at("member").as_string() == "bob-icb.partner-member.local-authorities") {
                CHECK(o.at("attrs").as_object().at("conflict_of_interest").as_string() ==
                      "conflict noted: conflicted party can participate in discussion and decision");
                found = true;
            }
        }
    }
    CHECK(found);
}

TEST_CASE("bob: maturity gives the latest stage per theme (illustrative stages)") {
    auto m = bob();
    // Illustrative: a baseline on 1 April 2023 (paragraph 11), all ten themes "emerging"; a
    // year-end self-assessment on 1 March 2024 (paragraph 28e) moving three themes.
    auto all = maturity(*m, std::string_view("pbp.oxon"), std::nullopt);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].themes.size() == 10);
    std::map<std::string, ThemeStage> t;
    for (const auto& ts : all[0].themes) t[ts.theme] = ts;
    CHECK(t.at("shared_vision").stage == std::optional<std::string>("developing"));
    CHECK(t.at("shared_governance").stage == std::optional<std::string>("developing"));
    CHECK(t.at("trusted_relationships").stage == std::optional<std::string>("maturing"));
    CHECK(t.at("shared_data").stage == std::optional<std::string>("emerging"));
    CHECK(t.at("shared_vision").date == std::optional<Date>(day("2024-03-01")));
    CHECK(t.at("shared_data").date == std::optional<Date>(day("2023-04-01")));
    // As of 31 December 2023, only the baseline counts.
    auto mid = maturity(*m, std::string_view("pbp.oxon"), day("2023-12-31"));
    REQUIRE(mid.size() == 1);
    for (const auto& ts : mid[0].themes) {
        CAPTURE(ts.theme);
        CHECK(ts.stage == std::optional<std::string>("emerging"));
    }
    // All three partnerships are assessed.
    CHECK(maturity(*m, std::nullopt, std::nullopt).size() == 3);
}

TEST_CASE("bob: save then load gives the same document and the same answers") {
    auto m = bob();
    const auto again = pbp::test::saved_and_loaded(*m);
    Designations a = designation(*m);
    Designations b = designation(*again);
    REQUIRE(a.rows.size() == b.rows.size());
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
        CHECK(a.rows[i].function == b.rows[i].function);
        CHECK(a.rows[i].level == b.rows[i].level);
        CHECK(a.rows[i].decision_maker == b.rows[i].decision_maker);
    }
    for (Index i : accountable_nodes(*m)) {
        const std::string& id = m->id(i);
        CAPTURE(id);
        CHECK(accountability(*m, id).chain == accountability(*again, id).chain);
    }
    CHECK(accountable_nodes(*m).size() == accountable_nodes(*again).size());
}

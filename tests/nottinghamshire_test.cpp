// Tests on the bundled Nottingham and Nottinghamshire model (examples/models/nottinghamshire.json,
// compiled into the library; seed paper 000). Every expectation below was worked out by hand
// from the model's links, as each comment says; they are the answers a governance officer
// reading paper 000 sections 3-5 would give.
#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/delegation.hpp"
#include "pbp/error.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include "bundled_support.hpp"
#include "test_support.hpp"
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace pbp;
using Ids = std::vector<std::string>;

namespace {

std::shared_ptr<const Model> notts() { return test::load_bundled("nottinghamshire"); }

using pbp::test::day;

const std::set<std::string> kElectorates{
    "electorate.ashfield",  "electorate.bassetlaw",       "electorate.broxtowe",
    "electorate.gedling",   "electorate.mansfield",       "electorate.newark-sherwood",
    "electorate.nottingham", "electorate.nottinghamshire", "electorate.rushcliffe"};

}  // namespace

TEST_CASE("nottinghamshire: is the default model and validates with no diagnostics at all") {
    CHECK(default_model_name == "nottinghamshire");
    pbp::test::check_bundled_clean("nottinghamshire");
}

TEST_CASE("nottinghamshire: the NHS officer for Bassetlaw answers up to Parliament") {
    auto m = notts();
    // bassetlaw.nhs-officer: `in` the Bassetlaw sub-committee (also accountable_to it, and its
    // delegate); the sub-committee is `of` the ICB board (and the board's delegate); the board
    // is `of` the ICB; ICB -> NHS England -> DHSC -> Parliament (accountable_to). Every step
    // has a single target, so the shortest path is unique.
    Accountability a = accountability(*m, "bassetlaw.nhs-officer");
    CHECK(a.chain == Ids{"bassetlaw.nhs-officer", "notts-icb.sc.bassetlaw", "notts-icb.board", "notts-icb", "nhse",
                         "dhsc", "parliament"});
    CHECK(a.reachable == Ids{"dhsc", "nhse", "notts-icb", "notts-icb.board", "notts-icb.sc.bassetlaw", "parliament"});
    CHECK(a.apexes == Ids{"parliament"});
    // On 1 April 2022 (the paper's start date) the same chain; the day before, the officer
    // does not exist yet.
    CHECK(accountability(*m, "bassetlaw.nhs-officer", day("2022-04-01")).chain == a.chain);
    CHECK_THROWS_AS(accountability(*m, "bassetlaw.nhs-officer", day("2022-03-31")), InvalidArgument);
}

TEST_CASE("nottinghamshire: councils answer to their electorates: apexes are terminals") {
    auto m = notts();
    Accountability c = accountability(*m, "rushcliffe-bc");
    CHECK(c.chain == Ids{"rushcliffe-bc", "electorate.rushcliffe"});
    CHECK(c.reachable == Ids{"electorate.rushcliffe"});
    CHECK(c.apexes == Ids{"electorate.rushcliffe"});

    // An electorate answers to no one: it is its own apex and its chain is itself.
    Accountability e = accountability(*m, "electorate.rushcliffe");
    CHECK(e.chain == Ids{"electorate.rushcliffe"});
    CHECK(e.reachable.empty());
    CHECK(e.apexes == Ids{"electorate.rushcliffe"});
    Accountability p = accountability(*m, "parliament");
    CHECK(p.chain == Ids{"parliament"});
    CHECK(p.apexes == Ids{"parliament"});

    // The county HWB is a committee `of` the county council.
    CHECK(accountability(*m, "hwb.nottinghamshire").chain ==
          Ids{"hwb.nottinghamshire", "notts-county-council", "electorate.nottinghamshire"});
}

TEST_CASE("nottinghamshire: the ICP answers to three organisations and so to three apexes") {
    auto m = notts();
    // icp is `of` notts-icb, nottingham-city-council and notts-county-council. Both councils give
    // a 3-node chain to their electorate; "nottingham-city-council" < "notts-county-council"
    // byte-wise ('i' < 's' after "nott"), so the city's chain wins the tie.
    Accountability a = accountability(*m, "icp");
    CHECK(a.chain == Ids{"icp", "nottingham-city-council", "electorate.nottingham"});
    CHECK(a.reachable == Ids{"dhsc", "electorate.nottingham", "electorate.nottinghamshire", "nhse",
                             "nottingham-city-council", "notts-county-council", "notts-icb", "parliament"});
    CHECK(a.apexes == Ids{"electorate.nottingham", "electorate.nottinghamshire", "parliament"});
    CHECK_THROWS_AS(accountability(*m, "icp", day("2022-03-31")), InvalidArgument);
}

TEST_CASE("nottinghamshire: shadow arrangements before 1 April 2022, the ICB after") {
    auto m = notts();
    // Section 5: shadow PBP committees from quarter 4 (January 2022) under the CCG of the day.
    Accountability s = accountability(*m, "shadow.bassetlaw", day("2022-02-01"));
    CHECK(s.chain == Ids{"shadow.bassetlaw", "bassetlaw-ccg.gb", "bassetlaw-ccg", "nhse", "dhsc", "parliament"});
    CHECK(accountability(*m, "shadow.city", day("2022-03-31")).chain ==
          Ids{"shadow.city", "notts-ccg.gb", "notts-ccg", "nhse", "dhsc", "parliament"});
    CHECK_THROWS_AS(accountability(*m, "shadow.city", day("2021-12-31")), InvalidArgument);
    CHECK_THROWS_AS(accountability(*m, "shadow.city", day("2022-04-01")), InvalidArgument);

    // The partnership itself: the paper describes no accountability before the ICB, so on
    // 31 March 2022 it is a terminal (its own apex); from 1 April it answers to the ICB.
    Accountability before = accountability(*m, "pbp.bassetlaw", day("2022-03-31"));
    CHECK(before.chain == Ids{"pbp.bassetlaw"});
    CHECK(before.reachable.empty());
    CHECK(before.apexes == Ids{"pbp.bassetlaw"});
    Accountability after = accountability(*m, "pbp.bassetlaw", day("2022-04-01"));
    CHECK(after.chain == Ids{"pbp.bassetlaw", "notts-icb", "nhse", "dhsc", "parliament"});
    CHECK(after.apexes == Ids{"parliament"});

    // Mid-Notts already had an Executive Lead ("Currently Mid Notts, City and South PBPs have",
    // section 3): the post exists on both days, but answers further only from 1 April.
    CHECK(accountability(*m, "mid-notts.executive-lead", day("2022-03-31")).chain ==
          Ids{"mid-notts.executive-lead", "pbp.mid-notts"});
    CHECK(accountability(*m, "mid-notts.executive-lead", day("2022-04-01")).chain ==
          Ids{"mid-notts.executive-lead", "pbp.mid-notts", "notts-icb", "nhse", "dhsc", "parliament"});
    // Bassetlaw's team is aligned only from April 2022.
    CHECK_THROWS_AS(accountability(*m, "bassetlaw.executive-lead", day("2022-03-31")), InvalidArgument);
}

TEST_CASE("nottinghamshire: from 1 April 2022 every organisation, body and post reaches Parliament or an electorate") {
    auto m = notts();
    const Date d = day("2022-04-01");
    int checked = 0;
    for (Index i = 0; i < m->entities.size(); ++i) {
        const Entity& e = m->entities[i];
        if (e.section != Section::organisation && e.section != Section::body && e.section != Section::post) continue;
        if (!m->exists(i, d)) continue;
        CAPTURE(e.id);
        Accountability a = accountability(*m, i, d);
        REQUIRE_FALSE(a.apexes.empty());
        for (const auto& apex : a.apexes) CHECK((apex == "parliament" || kElectorates.count(apex) == 1));
        ++checked;
    }
    // 24 organisations less the two CCGs, 18 bodies less two governing bodies and four shadow
    // committees, and all 21 posts: 22 + 12 + 21.
    CHECK(checked == 55);
}

TEST_CASE("nottinghamshire: who decides the section 2.2 functions at place") {
    auto m = notts();
    // Board -> place sub-committee (limit 1,000,000, may sub-delegate) -> NHS officer (250,000).
    Decision d = decides(*m, "fn.pcn-development", "place.mid-notts");
    CHECK(d.holder == "notts-icb");
    CHECK(d.decision_maker == "mid-notts.nhs-officer");
    CHECK(d.delegation_chain == Ids{"notts-icb.board", "notts-icb.sc.mid-notts", "mid-notts.nhs-officer"});
    CHECK(d.accountability_chain == Ids{"mid-notts.nhs-officer", "notts-icb.sc.mid-notts", "notts-icb.board",
                                        "notts-icb", "nhse", "dhsc", "parliament"});
    REQUIRE(d.limit.has_value());
    CHECK(d.limit->to_string() == "250000.00");

    // 500,000 is above the officer's limit but within the sub-committee's; 2,000,000 goes to
    // the board, the chain's first node, whose limit is unlimited.
    Authority a = authority(*m, "fn.medicines-optimisation", "place.city", *Money::parse("500000"));
    CHECK(a.approver == "notts-icb.sc.city");
    REQUIRE(a.effective_limit.has_value());
    CHECK(a.effective_limit->to_string() == "1000000.00");
    CHECK(a.chain == Ids{"city.nhs-officer", "notts-icb.sc.city"});
    Authority b = authority(*m, "fn.medicines-optimisation", "place.city", *Money::parse("2000000.00"));
    CHECK(b.approver == "notts-icb.board");
    CHECK_FALSE(b.effective_limit.has_value());
}

TEST_CASE("nottinghamshire: LSOA leaves make places and council footprints comparable") {
    auto m = notts();
    Footprints fp(*m, std::nullopt);
    // The leaves are the ICB's LSOAs (2021) with their ONS mid-2022 populations, written by
    // scripts/models/nottinghamshire.py. Each figure below was computed from the data files,
    // independently of the generator, with
    //   zcat data/england/lsoa21_sicbl24_icb24_lad24_en.csv.gz | awk -F, -v lad=E07000171 \
    //     'NR==FNR{p[$1]=$2; next} $9==lad{n++; s+=p[$1]} END{print n, s}' \
    //     data/england/ons_lsoa21_population_mid2022_ew.csv -
    // (one run per district code; `$4==x` with x=02Q or 52R for a sub-ICB location, `$6=="E54000060"`
    // for the ICB): Nottingham E06000018 179 LSOAs, 328,513 people; Ashfield 77, 127,179;
    // Bassetlaw 69, 120,012; Broxtowe 71, 112,113; Gedling 77, 117,730; Mansfield 68, 111,117;
    // Newark and Sherwood 74, 125,089; Rushcliffe 69, 121,582; 02Q 69, 120,012; 52R 615,
    // 1,043,323; the ICB 684, 1,163,335. So Mid-Notts = 127,179 + 111,117 + 125,089 = 363,385 in
    // 77 + 68 + 74 = 219 LSOAs and South Notts = 112,113 + 117,730 + 121,582 = 351,425 in
    // 71 + 77 + 69 = 217. (The populations are the same as when the leaves were the districts,
    // whose figures were these sums: only the resolution changed.)
    const std::tuple<const char*, std::int64_t, std::size_t> places[] = {{"place.bassetlaw", 120012, 69},
                                                                       {"place.mid-notts", 363385, 219},
                                                                       {"place.city", 328513, 179},
                                                                       {"place.south-notts", 351425, 217}};
    for (const auto& [id, people, lsoas] : places) {
        CAPTURE(id);
        CHECK(fp.population(*m->find(id)) == people);
        CHECK(fp.leaves(*m->find(id)).size() == lsoas);
        for (Index l : fp.leaves(*m->find(id))) CHECK(m->at(l).kind == "lsoa");
    }
    CHECK(fp.population(*m->find("ics.notts")) == 1163335);
    CHECK(fp.leaves(*m->find("ics.notts")).size() == 684);
    CHECK(fp.population(*m->find("la.nottinghamshire")) == 1163335 - 328513);
    CHECK(fp.population(*m->find("sicbl.52r")) == 1043323);

    // The four places cover the ICB with no gap and no overlap. The ICB's footprint also comes
    // from the lookup's sub-ICB column (sicbl.02q, sicbl.52r), independently of the districts the
    // places are built from, so an LSOA missing from every place would show as a gap.
    Partition part = partitions(fp, AreaSelection::of_kind("place"), "ics.notts");
    CHECK(part.partitions);
    CHECK(part.gap_population == 0);
    // Bassetlaw is the former Bassetlaw CCG's footprint (sub-ICB location 02Q, section 2.3); the
    // other three places lie within the former Nottingham and Nottinghamshire CCG's (52R).
    Coterminosity sub = coterminosity(fp, AreaSelection::of_kind("place"), AreaSelection::of_kind("unit"));
    REQUIRE(sub.areas.size() == 4);
    CHECK(sub.areas[0].best == "sicbl.02q");
    CHECK(sub.areas[0].relation == AreaRelation::coterminous);
    for (std::size_t i = 1; i < 4; ++i) {
        CAPTURE(sub.areas[i].area);
        CHECK(sub.areas[i].best == "sicbl.52r");
        CHECK(sub.areas[i].relation == AreaRelation::within);
    }

    // 004: one place is co-terminous with the city council, one with a district council, and
    // two cover several districts each.
    Coterminosity c = coterminosity(
        fp, AreaSelection::of_kind("place"),
        AreaSelection::of_ids({"la.nottingham", "lad.ashfield", "lad.bassetlaw", "lad.broxtowe", "lad.gedling",
                               "lad.mansfield", "lad.newark-sherwood", "lad.rushcliffe"}));
    REQUIRE(c.areas.size() == 4);
    CHECK(c.areas[0].area == "place.bassetlaw");
    CHECK(c.areas[0].best == "lad.bassetlaw");
    CHECK(c.areas[0].relation == AreaRelation::coterminous);
    CHECK(c.areas[1].area == "place.city");
    CHECK(c.areas[1].best == "la.nottingham");
    CHECK(c.areas[1].relation == AreaRelation::coterminous);
    CHECK(c.areas[2].area == "place.mid-notts");
    CHECK(c.areas[2].best == "lad.ashfield");  // the largest of its three districts
    CHECK(c.areas[2].relation == AreaRelation::contains);
    CHECK(c.areas[3].area == "place.south-notts");
    CHECK(c.areas[3].best == "lad.rushcliffe");
    CHECK(c.areas[3].relation == AreaRelation::contains);
}

TEST_CASE("nottinghamshire: save then load gives the same document and the same answers") {
    auto m = notts();
    const auto again = pbp::test::saved_and_loaded(*m);
    const std::optional<Date> days[] = {std::nullopt, day("2022-02-01"), day("2022-04-01")};
    for (auto d : days) {
        for (Index i : accountable_nodes(*m, d)) {
            const std::string& id = m->id(i);
            CAPTURE(id);
            Accountability a = accountability(*m, id, d);
            Accountability b = accountability(*again, id, d);
            CHECK(a.chain == b.chain);
            CHECK(a.reachable == b.reachable);
            CHECK(a.apexes == b.apexes);
        }
    }
}

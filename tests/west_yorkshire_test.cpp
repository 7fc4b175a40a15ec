// Tests on the bundled West Yorkshire model (examples/models/west-yorkshire.json, compiled into
// the library; seed paper 004, The King's Fund, "Place-based partnerships explained", November
// 2022). Each expectation was worked out by hand from the model's links, as the comments say.
// The £5bn allocation is the paper's round figure; the split between places and the limits are
// illustrative (see the model's notes).
#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/delegation.hpp"
#include "pbp/flows.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include "bundled_support.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace pbp;

namespace {

using Ids = std::vector<std::string>;

std::shared_ptr<const Model> wy() { return test::load_bundled("west-yorkshire"); }

// place id suffix, place committee, council, electorate
struct Place {
    const char* place;
    const char* committee;
    const char* council;
    const char* electorate;
    const char* lead;
};
const Place kWestYorkshirePlaces[] = {
    {"place.bdc", "wy-icb.pc.bdc", "bradford-mdc", "electorate.bdc", "bdc.place-lead"},
    {"place.calderdale", "wy-icb.pc.calderdale", "calderdale-mbc", "electorate.calderdale", "calderdale.place-lead"},
    {"place.kirklees", "wy-icb.pc.kirklees", "kirklees-c", "electorate.kirklees", "kirklees.place-lead"},
    {"place.leeds", "wy-icb.pc.leeds", "leeds-cc", "electorate.leeds", "leeds.place-lead"},
    {"place.wakefield", "wy-icb.pc.wakefield", "wakefield-mdc", "electorate.wakefield", "wakefield.place-lead"},
};

Money inflow_of(const Balances& b, const std::string& id) {
    auto it = std::find_if(b.nodes.begin(), b.nodes.end(), [&](const NodeBalance& n) { return n.id == id; });
    REQUIRE(it != b.nodes.end());
    return it->inflow;
}

}  // namespace

TEST_CASE("west-yorkshire: is bundled and validates with no diagnostics at all") {
    pbp::test::check_bundled_clean("west-yorkshire");
}

TEST_CASE("west-yorkshire: the five place committees control at least 90% of the ICB's £5bn") {
    // 004, resources section: "almost all the ICB's £5 billion budget is being put under the
    // control of its five place committees". Model: NHS England -> ICB £5,000,000,000 (the
    // paper's round figure); ICB -> committees 1,190m + 408m + 854m + 1,602m + 696m = 4,750m
    // (illustrative split), i.e. 95%.
    auto m = wy();
    const FinancialYear y = *parse_financial_year("2022/23");
    Balances b = balances(*m, y);
    const Money icb_in = inflow_of(b, "wy-icb");
    CHECK(icb_in == *Money::parse("5000000000.00"));
    Money places;
    for (const auto& p : kWestYorkshirePlaces) places += inflow_of(b, p.committee);
    CHECK(places == *Money::parse("4750000000.00"));
    // Exact comparison, no floating point: places / icb_in >= 9/10.
    const Ratio share = places.pounds() / icb_in.pounds();
    CHECK(share >= Ratio(9, 10));
    CHECK(share == Ratio(19, 20));
    // Equivalently in pence: 10 * places >= 9 * icb_in.
    CHECK(places * 10 >= icb_in * 9);

    // Each committee passes its money on to providers in full, and every pound a provider
    // receives traces back to NHS England.
    for (const auto& p : kWestYorkshirePlaces) {
        CAPTURE(p.committee);
        auto it = std::find_if(b.nodes.begin(), b.nodes.end(), [&](const NodeBalance& n) { return n.id == p.committee; });
        REQUIRE(it != b.nodes.end());
        CHECK(it->outflow == it->inflow);
        CHECK(it->net.is_zero());
        Trace t = trace(*m, p.committee, y);
        REQUIRE(t.sources.size() == 1);
        CHECK(t.sources[0].source == "nhse");
        CHECK(t.sources[0].amount == t.total);
    }
    // Calderdale and Huddersfield FT is paid by two place committees: 408m + 854m = 1,262m.
    Trace chft = trace(*m, "chft", y);
    CHECK(chft.total == *Money::parse("1262000000"));
    REQUIRE(chft.sources.size() == 1);
    CHECK(chft.sources[0].source == "nhse");
    // The ICB itself keeps 250m (5%) for system-level use (illustrative).
    auto icb = std::find_if(b.nodes.begin(), b.nodes.end(), [](const NodeBalance& n) { return n.id == "wy-icb"; });
    REQUIRE(icb != b.nodes.end());
    CHECK(icb->net == *Money::parse("250000000"));
}

TEST_CASE("west-yorkshire: at each place the place committee decides") {
    // 004: "maximum delegation approach". Board -> place committee by scheme of delegation,
    // no sub-delegation, illustrative limit £100,000,000.
    auto m = wy();
    for (const char* fn : {"fn.commissioning", "fn.primary-care"}) {
        for (const auto& p : kWestYorkshirePlaces) {
            CAPTURE(fn);
            CAPTURE(p.place);
            Decision d = decides(*m, fn, p.place);
            CHECK(d.holder == "wy-icb");
            CHECK(d.decision_maker == p.committee);
            CHECK(d.delegation_chain == Ids{"wy-icb.board", p.committee});
            CHECK(d.accountability_chain == Ids{p.committee, "wy-icb.board", "wy-icb", "nhse", "dhsc", "parliament"});
            REQUIRE(d.limit.has_value());
            CHECK(*d.limit == *Money::parse("100000000.00"));
        }
    }
}

TEST_CASE("west-yorkshire: each place lead answers to the ICB and to the council") {
    // 004, governance section: "a single place lead accountable to both the ICB and the local
    // authority". Lead -> council -> electorate is 3 nodes; lead -> ICB -> NHSE -> DHSC ->
    // Parliament is 5, so the shortest chain runs to the electorate.
    auto m = wy();
    for (const auto& p : kWestYorkshirePlaces) {
        CAPTURE(p.lead);
        Accountability a = accountability(*m, p.lead);
        CHECK(a.chain == Ids{p.lead, p.council, p.electorate});
        std::vector<std::string> apexes{p.electorate, "parliament"};
        std::sort(apexes.begin(), apexes.end());
        CHECK(a.apexes == apexes);
        CHECK(std::find(a.reachable.begin(), a.reachable.end(), "wy-icb") != a.reachable.end());
        CHECK(std::find(a.reachable.begin(), a.reachable.end(), p.committee) != a.reachable.end());
    }
    // Councils answer only to their electorates.
    CHECK(accountability(*m, "leeds-cc").apexes == Ids{"electorate.leeds"});
}

TEST_CASE("west-yorkshire: save then load gives the same document and the same answers") {
    auto m = wy();
    const auto again = pbp::test::saved_and_loaded(*m);
    pbp::test::check_validates_clean(*again);
    const FinancialYear y = *parse_financial_year("2022/23");
    Balances b1 = balances(*m, y);
    Balances b2 = balances(*again, y);
    REQUIRE(b1.nodes.size() == b2.nodes.size());
    for (std::size_t i = 0; i < b1.nodes.size(); ++i) {
        CHECK(b1.nodes[i].id == b2.nodes[i].id);
        CHECK(b1.nodes[i].inflow == b2.nodes[i].inflow);
        CHECK(b1.nodes[i].outflow == b2.nodes[i].outflow);
    }
}

// Tests on the bundled Greater Manchester model (examples/models/greater-manchester.json,
// compiled into the library; seed paper 004, The King's Fund, "Place-based partnerships
// explained", November 2022, resources section: "in Greater Manchester, the bulk of NHS budgets
// will flow directly from the ICB to providers and those providers will then come together ...
// in place-based 'locality boards'", which "operate with the principle of joint stewardship of
// the total resource"). Every amount and limit in the model is illustrative (see its notes).
#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/delegation.hpp"
#include "pbp/flows.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include <boost/json.hpp>
#include "bundled_support.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace pbp;

namespace {

using Ids = std::vector<std::string>;

std::shared_ptr<const Model> gm() { return test::load_bundled("greater-manchester"); }

const char* const kLocalities[] = {"bolton",   "bury",      "manchester", "oldham",  "rochdale",
                                   "salford",  "stockport", "tameside",   "trafford", "wigan"};

bool is_locality_board(const Model& m, const std::string& id) {
    auto i = m.find(id);
    REQUIRE(i.has_value());
    return m.entities[*i].kind == "place_board";
}

}  // namespace

TEST_CASE("greater-manchester: is bundled and validates with no diagnostics at all") {
    pbp::test::check_bundled_clean("greater-manchester");
}

TEST_CASE("greater-manchester: no function is ever decided by a locality board") {
    // The locality boards steward money but hold no delegated statutory function. By hand:
    // fn.community goes board -> ICB place committee of the locality (illustrative limit
    // £20,000,000); fn.acute is kept by the ICB (nothing delegated), so the chain is [gm-icb].
    auto m = gm();
    for (const char* loc : kLocalities) {
        const std::string place = std::string("place.") + loc;
        CAPTURE(place);
        for (const char* fn : {"fn.community", "fn.acute"}) {
            CAPTURE(fn);
            Decision d = decides(*m, fn, place);
            CHECK(d.holder == "gm-icb");
            CHECK_FALSE(is_locality_board(*m, d.decision_maker));
            for (const auto& node : d.delegation_chain) CHECK_FALSE(is_locality_board(*m, node));
        }
        Decision c = decides(*m, "fn.community", place);
        const std::string pc = std::string("gm-icb.pc.") + loc;
        CHECK(c.decision_maker == pc);
        CHECK(c.delegation_chain == Ids{"gm-icb.board", pc});
        REQUIRE(c.limit.has_value());
        CHECK(*c.limit == *Money::parse("20000000"));
        Decision a = decides(*m, "fn.acute", place);
        CHECK(a.decision_maker == "gm-icb");
        CHECK(a.delegation_chain == Ids{"gm-icb"});
        CHECK(a.accountability_chain == Ids{"gm-icb", "nhse", "dhsc", "parliament"});
        CHECK_FALSE(a.limit.has_value());
    }
}

TEST_CASE("greater-manchester: delegating a statutory function to a locality board is E204") {
    // 004 (via docs/model-format.md): a place_board has no legal personality for NHS purposes.
    // Edit the loaded document: the ICB delegates fn.community to Bolton's locality board.
    auto m = gm();
    boost::json::value doc = m->document();
    doc.as_object()["relations"].as_array().push_back(boost::json::object{
        {"kind", "delegates"}, {"from", "gm-icb"}, {"to", "lb.bolton"}, {"functions", boost::json::array{"fn.community"}}});
    auto r = load_model(boost::json::serialize(doc));
    REQUIRE(r.model);
    CHECK(r.diagnostics.empty());
    Diagnostics all = validate(*r.model);
    REQUIRE(all.size() == 1);
    CHECK(all[0].code == "E204");
    CHECK(all[0].severity == Severity::error);
    CHECK(std::find(all[0].ids.begin(), all[0].ids.end(), "lb.bolton") != all[0].ids.end());
}

TEST_CASE("greater-manchester: money flows from the ICB to providers and traces back to NHS England") {
    // NHS England -> ICB £6,600,000,000 (illustrative); ICB -> providers directly, one flow per
    // locality. Northern Care Alliance: Bury 420m + Oldham 530m + Rochdale 490m + Salford 590m
    // = 2,030m. Manchester University FT: Manchester 1,200m + Trafford 510m = 1,710m.
    auto m = gm();
    const FinancialYear y = *parse_financial_year("2022/23");
    Balances b = balances(*m, y);
    auto node = [&](const char* id) {
        auto it = std::find_if(b.nodes.begin(), b.nodes.end(), [&](const NodeBalance& n) { return n.id == id; });
        REQUIRE(it != b.nodes.end());
        return *it;
    };
    CHECK(node("gm-icb").inflow == *Money::parse("6600000000"));
    CHECK(node("gm-icb").outflow == *Money::parse("6250000000"));
    // No money flows to or through a locality board: they steward, they do not hold.
    for (const char* loc : kLocalities) {
        const std::string lb = std::string("lb.") + loc;
        CHECK(std::none_of(b.nodes.begin(), b.nodes.end(), [&](const NodeBalance& n) { return n.id == lb; }));
    }
    struct Expect {
        const char* provider;
        const char* total;
    };
    const Expect expects[] = {{"bolton-ft", "650000000"},    {"nca", "2030000000"},        {"mft", "1710000000"},
                              {"stockport-ft", "640000000"}, {"tameside-ft", "500000000"}, {"wwl-ft", "720000000"}};
    Money providers;
    for (const auto& e : expects) {
        CAPTURE(e.provider);
        Trace t = trace(*m, e.provider, y);
        CHECK(t.total == *Money::parse(e.total));
        REQUIRE(t.sources.size() == 1);
        CHECK(t.sources[0].source == "nhse");
        CHECK(t.sources[0].amount == t.total);
        providers += t.total;
    }
    CHECK(providers == node("gm-icb").outflow);
}

TEST_CASE("greater-manchester: place leads answer to the ICB and the council") {
    // 004, governance section: "a single place lead accountable to both the ICB and the local
    // authority"; the lead sits `in` the ICB place committee.
    auto m = gm();
    Accountability a = accountability(*m, "bolton.place-lead");
    CHECK(a.chain == Ids{"bolton.place-lead", "bolton-c", "electorate.bolton"});
    CHECK(a.apexes == Ids{"electorate.bolton", "parliament"});
    // The locality board belongs jointly to the ICB and the council.
    CHECK(accountability(*m, "lb.wigan").apexes == Ids{"electorate.wigan", "parliament"});
    CHECK(accountability(*m, "gm-ca").apexes == Ids{"electorate.gm"});
}

TEST_CASE("greater-manchester: save then load gives the same document") {
    auto m = gm();
    const auto again = pbp::test::saved_and_loaded(*m);
    pbp::test::check_validates_clean(*again);
}

// Tests for delegation.hpp: decides() and authority() (SPEC 2.2, 2.6.3-2.6.5).
//
// The hand-worked cases use tests/data/delegation/chains.json, whose header comment describes
// every delegation; each expectation below says how it follows from the SPEC. The last test
// compares decides(), authority() and accountability() on randomly generated models (fixed
// seed) against a deliberately plain second implementation that reads the JSON directly into
// std::map adjacency and walks it with breadth-first search.
#include "pbp/accountability.hpp"
#include "pbp/delegation.hpp"
#include "pbp/error.hpp"
#include "pbp/load.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>

using namespace pbp;
using Ids = std::vector<std::string>;

namespace {
std::shared_ptr<const Model> delegation_model(const char* name) { return pbp::test::load_test_model("delegation", name); }

using pbp::test::day;
using pbp::test::gbp;
}  // namespace

TEST_CASE("decides: ICB board -> place sub-committee -> NHS officer (000 section 4)") {
    auto m = delegation_model("chains.json");
    // The board is an originator (a body of the ICB that has not received fn.ucc); its
    // delegation to sc.a is exact for place.a and beats the place-less s65Z5 delegation to the
    // trust; sc.a may sub-delegate, so its officer (whose place is sc.a's) decides.
    Decision d = decides(*m, "fn.ucc", "place.a");
    CHECK(d.function == "fn.ucc");
    CHECK(d.place == "place.a");
    CHECK(d.holder == "icb");
    CHECK(d.delegation_chain == Ids{"icb.board", "sc.a", "officer.a"});
    CHECK(d.decision_maker == "officer.a");
    // Reversed chain, then accountability(icb.board) = icb.board -> icb -> nhse -> dhsc ->
    // parliament without repeating icb.board.
    CHECK(d.accountability_chain == Ids{"officer.a", "sc.a", "icb.board", "icb", "nhse", "dhsc", "parliament"});
    REQUIRE(d.limit);
    CHECK(d.limit->to_string() == "250000.00");  // min(5,000,000, 250,000)
    REQUIRE(d.steps.size() == 2);
    CHECK(d.steps[0].fit == PlaceFit::exact);
    CHECK(d.steps[1].fit == PlaceFit::exact);  // a post inherits its `in` body's place
    CHECK(d.steps[0].pointer == "/relations/6");

    // A neighbourhood inside place.a: sc.a's place contains it.
    Decision n = decides(*m, "fn.ucc", "nbhd.a1");
    CHECK(n.delegation_chain == Ids{"icb.board", "sc.a", "officer.a"});
    CHECK(n.steps[0].fit == PlaceFit::contains);
}

TEST_CASE("decides: an s65Z5 delegation to a trust with no place applies everywhere else") {
    auto m = delegation_model("chains.json");
    // place.b: sc.a's place is place.a, which neither is nor contains place.b, so it is out of
    // scope; the trust has no place at all, so it is in scope.
    Decision d = decides(*m, "fn.ucc", "place.b");
    CHECK(d.delegation_chain == Ids{"icb", "trust"});
    CHECK(d.accountability_chain == Ids{"trust", "icb", "nhse", "dhsc", "parliament"});
    REQUIRE(d.limit);
    CHECK(d.limit->to_string() == "3000000.00");
    CHECK(d.steps[0].mechanism == Mechanism::s65z5);
    CHECK(d.steps[0].fit == PlaceFit::no_place);
    // The ICS itself: place.a does not contain the ICS (containment goes up, not down).
    CHECK(decides(*m, "fn.ucc", "ics").delegation_chain == Ids{"icb", "trust"});
}

TEST_CASE("decides: as of a day before and after a delegation starts") {
    auto m = delegation_model("chains.json");
    // Both place A delegations start on 2023-04-01 (valid_from is inclusive).
    Decision before = decides(*m, "fn.ucc", "place.a", day("2023-03-31"));
    CHECK(before.delegation_chain == Ids{"icb", "trust"});
    CHECK(before.limit->to_string() == "3000000.00");
    Decision on = decides(*m, "fn.ucc", "place.a", day("2023-04-01"));
    CHECK(on.delegation_chain == Ids{"icb.board", "sc.a", "officer.a"});
    // No as-of date sees everything, whatever its dates (SPEC 2.6.1).
    CHECK(decides(*m, "fn.ucc", "place.a").delegation_chain == on.delegation_chain);
}

TEST_CASE("decides: place-specific beats place-less, then the tie-breaks") {
    auto m = delegation_model("chains.json");
    // place.b: exact candidates sc.b (from icb, from icb.board, and again from icb) and trust.b;
    // "sc.b" < "trust.b"; of the two delegators "icb" < "icb.board"; of the two relations from
    // icb, the earlier one (limit 2,000,000, not 9,000,000). committee.sys (no place) and
    // ics.cttee (contains) lose on rank though their ids sort first.
    Decision b = decides(*m, "fn.planned", "place.b");
    CHECK(b.delegation_chain == Ids{"icb", "sc.b"});
    CHECK(b.limit->to_string() == "2000000.00");
    CHECK(b.steps[0].pointer == "/relations/11");
    // place.a: nothing exact; ics.cttee's place (ics) contains place.a and beats committee.sys.
    Decision a = decides(*m, "fn.planned", "place.a");
    CHECK(a.delegation_chain == Ids{"icb", "ics.cttee"});
    CHECK(a.steps[0].fit == PlaceFit::contains);
    // england: ics.cttee's place does not contain england; only the place-less one is in scope.
    Decision e = decides(*m, "fn.planned", "england");
    CHECK(e.delegation_chain == Ids{"icb", "committee.sys"});
    CHECK(e.limit->to_string() == "1000000.00");
}

TEST_CASE("decides: a chain never returns to a node already on it") {
    auto m = delegation_model("chains.json");
    // From sc.a, "sc.a -> icb" would rank best (icb serves ics, which contains place.a) but icb
    // is already on the chain; "sc.a -> cfo" (no place) is taken instead.
    Decision d = decides(*m, "fn.loop", "place.a");
    CHECK(d.delegation_chain == Ids{"icb", "sc.a", "cfo"});
    CHECK(d.limit->to_string() == "10000.00");
    // place.b: sc.a is out of scope, so nothing is delegated: [H], limit null.
    Decision b = decides(*m, "fn.loop", "place.b");
    CHECK(b.delegation_chain == Ids{"icb"});
    CHECK(b.decision_maker == "icb");
    CHECK(!b.limit);
    CHECK(b.steps.empty());
    CHECK(b.accountability_chain == Ids{"icb", "nhse", "dhsc", "parliament"});
}

TEST_CASE("decides: sub-delegation is refused without permission") {
    // e104.json: icb -> icb.sc with may_subdelegate false; icb.sc -> icb.officer is ignored.
    auto m = delegation_model("e104.json");
    Decision d = decides(*m, "fn.icb", "place");
    CHECK(d.delegation_chain == Ids{"icb", "icb.sc"});
    CHECK(d.decision_maker == "icb.sc");
}

TEST_CASE("decides: a body that has not received F is an originator: one that has is not") {
    // As of 2023-03-31 nothing reaches sc.a in chains.json, but had sc.a's own delegation to
    // its officer been valid then, sc.a (a body of the ICB) would have been an originator.
    auto r = load_model(R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "p", "kind": "place"}],
      "organisations": [{"id": "icb", "kind": "icb"}],
      "bodies": [{"id": "board", "kind": "board", "of": "icb"},
                 {"id": "sc", "kind": "sub_committee", "of": "board", "place": "p"}],
      "posts": [{"id": "officer", "in": "sc"}],
      "functions": [{"id": "f", "holder": "icb"}],
      "relations": [
        {"kind": "delegates", "from": "board", "to": "sc", "functions": ["f"], "valid_from": "2023-04-01"},
        {"kind": "delegates", "from": "sc", "to": "officer", "functions": ["f"], "limit": "5.00"}]})");
    REQUIRE(r.model);
    // Before 2023-04-01 sc has received nothing, so it originates: [sc, officer].
    CHECK(decides(*r.model, "f", "p", day("2023-01-01")).delegation_chain == Ids{"sc", "officer"});
    // From 2023-04-01 sc has received f (without permission to sub-delegate): [board, sc].
    CHECK(decides(*r.model, "f", "p", day("2023-06-01")).delegation_chain == Ids{"board", "sc"});
}

TEST_CASE("decides: an entity not valid on the day takes its links with it") {
    // The sub-committee's place ends on 2023-04-01: afterwards the sub-committee has no place
    // (SPEC 2.6.1), so it is in scope everywhere as a place-less delegate; the post in a body
    // that has ended does not belong to the ICB and is not an originator.
    auto r = load_model(R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "p", "kind": "place", "valid_to": "2023-04-01"}, {"id": "q", "kind": "place"}],
      "organisations": [{"id": "icb", "kind": "icb"}],
      "bodies": [{"id": "sc", "kind": "sub_committee", "of": "icb", "place": "p"},
                 {"id": "gone", "kind": "committee", "of": "icb", "valid_to": "2022-01-01"}],
      "posts": [{"id": "lead", "in": "gone"}],
      "functions": [{"id": "f", "holder": "icb"}],
      "relations": [
        {"kind": "delegates", "from": "icb", "to": "sc", "functions": ["f"]},
        {"kind": "delegates", "from": "lead", "to": "sc", "functions": ["f"]}]})");
    REQUIRE(r.model);
    CHECK(decides(*r.model, "f", "q", day("2023-01-01")).delegation_chain == Ids{"icb"});
    CHECK(decides(*r.model, "f", "q", day("2023-06-01")).delegation_chain == Ids{"icb", "sc"});
    // With no date the post's body exists, so "lead" belongs to the ICB and is an originator;
    // its delegation ties with the ICB's on rank and delegate, and "icb" < "lead".
    CHECK(decides(*r.model, "f", "q").delegation_chain == Ids{"icb"});
    CHECK(decides(*r.model, "f", "p").delegation_chain == Ids{"icb", "sc"});
}

TEST_CASE("decides: a delegation counts only while it and both its ends exist") {
    // Worked by hand: "sc" < "sc2", so sc is chosen while it exists; the delegation to sc2
    // starts in 2023 and sc ends on 2023-04-01.
    auto r = load_model(R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "q", "kind": "place"}],
      "organisations": [{"id": "icb", "kind": "icb"}],
      "bodies": [{"id": "sc", "kind": "sub_committee", "of": "icb", "valid_to": "2023-04-01"},
                 {"id": "sc2", "kind": "sub_committee", "of": "icb"}],
      "functions": [{"id": "f", "holder": "icb"}],
      "relations": [
        {"kind": "delegates", "from": "icb", "to": "sc2", "functions": ["f"], "valid_from": "2023-01-01"},
        {"kind": "delegates", "from": "icb", "to": "sc", "functions": ["f"]}]})");
    REQUIRE(r.model);
    CHECK(decides(*r.model, "f", "q", day("2022-06-01")).delegation_chain == Ids{"icb", "sc"});
    CHECK(decides(*r.model, "f", "q", day("2023-02-01")).delegation_chain == Ids{"icb", "sc"});
    CHECK(decides(*r.model, "f", "q", day("2023-06-01")).delegation_chain == Ids{"icb", "sc2"});
    CHECK(decides(*r.model, "f", "q").delegation_chain == Ids{"icb", "sc"});
}

TEST_CASE("decides: arguments are checked by id") {
    auto m = delegation_model("chains.json");
    auto message = [&](auto&& f) {
        try {
            f();
        } catch (const InvalidArgument& e) {
            return std::string(e.what());
        }
        return std::string("no exception");
    };
    CHECK(message([&] { decides(*m, "fn.nope", "place.a"); }).find("fn.nope") != std::string::npos);
    CHECK(message([&] { decides(*m, "fn.ucc", "nowhere"); }).find("nowhere") != std::string::npos);
    CHECK(message([&] { decides(*m, "icb", "place.a"); }).find("not a function") != std::string::npos);
    CHECK(message([&] { decides(*m, "fn.ucc", "icb"); }).find("not an area") != std::string::npos);
    CHECK(message([&] { authority(*m, "fn.ucc", "sc.a", gbp("1.00")); }).find("sc.a") != std::string::npos);

    auto r = load_model(R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "p", "kind": "place", "valid_from": "2024-01-01"}],
      "organisations": [{"id": "icb", "kind": "icb", "valid_to": "2022-07-01"}],
      "functions": [{"id": "f", "holder": "icb"}]})");
    REQUIRE(r.model);
    CHECK(message([&] { decides(*r.model, "f", "p", day("2023-01-01")); }).find("'p'") != std::string::npos);
    // The holder (a CCG-era body, say) has gone: no one holds the function on that day.
    CHECK(message([&] { decides(*r.model, "f", "p", day("2024-06-01")); }).find("'icb'") != std::string::npos);
    CHECK(decides(*r.model, "f", "p").delegation_chain == Ids{"icb"});  // no date: everything exists
}

TEST_CASE("authority: walks back from the decision maker: an amount equal to a limit is within it") {
    auto m = delegation_model("chains.json");
    // Effective limits along [icb.board, sc.a, officer.a]: unlimited, 5,000,000, 250,000.
    Authority a = authority(*m, "fn.ucc", "place.a", gbp("250000.00"));
    CHECK(a.approver == "officer.a");
    CHECK(a.effective_limit->to_string() == "250000.00");
    CHECK(a.chain == Ids{"officer.a"});
    Authority b = authority(*m, "fn.ucc", "place.a", gbp("250000.01"));
    CHECK(b.approver == "sc.a");
    CHECK(b.effective_limit->to_string() == "5000000.00");
    CHECK(b.chain == Ids{"officer.a", "sc.a"});
    Authority c = authority(*m, "fn.ucc", "place.a", gbp("5000000.01"));
    CHECK(c.approver == "icb.board");
    CHECK(!c.effective_limit);
    // The search stops at delegation_chain[0]; it never continues to the holder (SPEC 2.6.4).
    CHECK(c.chain == Ids{"officer.a", "sc.a", "icb.board"});
    // Nothing delegated: the holder approves anything.
    Authority d = authority(*m, "fn.loop", "place.b", gbp("99999999999.99"));
    CHECK(d.approver == "icb");
    CHECK(d.chain == Ids{"icb"});
}

TEST_CASE("authority: a delegation with no limit leaves the effective limit unchanged") {
    auto r = load_model(R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "p", "kind": "place"}],
      "organisations": [{"id": "icb", "kind": "icb"}],
      "bodies": [{"id": "a", "kind": "committee", "of": "icb", "place": "p"},
                 {"id": "b", "kind": "committee", "of": "icb", "place": "p"}],
      "posts": [{"id": "c", "in": "b"}],
      "functions": [{"id": "f", "holder": "icb"}],
      "relations": [
        {"kind": "delegates", "from": "icb", "to": "a", "functions": ["f"], "limit": "100.00", "may_subdelegate": true},
        {"kind": "delegates", "from": "a", "to": "b", "functions": ["f"], "may_subdelegate": true},
        {"kind": "delegates", "from": "b", "to": "c", "functions": ["f"], "limit": "40.00"}]})");
    REQUIRE(r.model);
    // Effective limits along [icb, a, b, c]: unlimited, 100, 100 (b's delegation has none), 40.
    Authority x = authority(*r.model, "f", "p", gbp("50.00"));
    CHECK(x.approver == "b");
    CHECK(x.effective_limit->to_string() == "100.00");
    CHECK(x.chain == Ids{"c", "b"});
    CHECK(decides(*r.model, "f", "p").limit->to_string() == "40.00");
}

TEST_CASE("place_fit: a body's place, a post's body's place, an organisation's serves (SPEC 2.6.3)") {
    // E > sys > {pa > n1, pb}; the area pb and the body sc.old end in 2024.
    auto r = load_model(R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "E", "kind": "country"}, {"id": "sys", "kind": "ics", "within": ["E"]},
                {"id": "pa", "kind": "place", "within": ["sys"]},
                {"id": "pb", "kind": "place", "within": ["sys"], "valid_to": "2024-04-01"},
                {"id": "n1", "kind": "neighbourhood", "within": ["pa"]}],
      "organisations": [{"id": "icb", "kind": "icb", "serves": ["sys"]}, {"id": "trust", "kind": "nhs_trust"},
                        {"id": "council", "kind": "unitary_authority", "serves": ["pa", "pb"]}],
      "bodies": [{"id": "board", "kind": "board", "of": "icb"},
                 {"id": "sc.a", "kind": "sub_committee", "of": "board", "place": "pa"},
                 {"id": "sc.b", "kind": "sub_committee", "of": "board", "place": "pb"},
                 {"id": "sc.old", "kind": "sub_committee", "of": "board", "place": "pa", "valid_to": "2024-04-01"}],
      "posts": [{"id": "officer.a", "title": "Officer", "in": "sc.a"}, {"id": "ceo", "title": "Chief executive", "in": "icb"},
                {"id": "officer.old", "title": "Officer", "in": "sc.old"}]})");
    REQUIRE(r.model);
    const Model& m = *r.model;
    const auto fit = [&](const char* node, const char* place, std::optional<Date> as_of = std::nullopt) {
        return place_fit(m, *m.find(node), *m.find(place), as_of);
    };
    const std::optional<PlaceFit> out_of_scope;

    // A body: its own place is exact; an area it lies in (n1 within pa) is contained; a
    // sibling place or the system above is out of scope; a body with no place has none.
    CHECK(fit("sc.a", "pa") == PlaceFit::exact);
    CHECK(fit("sc.a", "n1") == PlaceFit::contains);
    CHECK(fit("sc.a", "pb") == out_of_scope);
    CHECK(fit("sc.a", "sys") == out_of_scope);
    CHECK(fit("board", "pa") == PlaceFit::no_place);
    // A post takes the place of the body it is in; a post in an organisation has none.
    CHECK(fit("officer.a", "pa") == PlaceFit::exact);
    CHECK(fit("officer.a", "n1") == PlaceFit::contains);
    CHECK(fit("officer.a", "pb") == out_of_scope);
    CHECK(fit("ceo", "pa") == PlaceFit::no_place);
    // An organisation: any area it serves; the ICB serves the system, which contains both
    // places and n1; an organisation serving nothing has no place.
    CHECK(fit("council", "pb") == PlaceFit::exact);
    CHECK(fit("council", "n1") == PlaceFit::contains);
    CHECK(fit("council", "sys") == out_of_scope);
    CHECK(fit("icb", "sys") == PlaceFit::exact);
    CHECK(fit("icb", "n1") == PlaceFit::contains);
    CHECK(fit("trust", "pa") == PlaceFit::no_place);

    // On a day after pb ends, the council's link to it is ignored (SPEC 2.6.1): it still serves
    // pa, so it is out of scope at sys, as before, and exact at pa. sc.b's only place has
    // gone, so it has none; officer.old's body has gone, so it has none either.
    const Date later = day("2025-01-01");
    CHECK(fit("council", "pa", later) == PlaceFit::exact);
    CHECK(fit("council", "sys", later) == out_of_scope);
    CHECK(fit("sc.b", "pa", later) == PlaceFit::no_place);
    CHECK(fit("officer.old", "pa", later) == PlaceFit::no_place);
    CHECK(fit("officer.old", "pa") == PlaceFit::exact);
    // And on a day before, with no dates asked, both are seen.
    CHECK(fit("sc.b", "pa", day("2023-01-01")) == out_of_scope);
}

TEST_CASE("to_json: every key present, money as strings, null where none") {
    auto m = delegation_model("chains.json");
    auto j = to_json(decides(*m, "fn.loop", "place.b"));
    CHECK(j.size() == 7);
    CHECK(j.at("limit").is_null());
    CHECK(boost::json::serialize(j.at("delegation_chain")) == R"(["icb"])");
    auto k = to_json(decides(*m, "fn.ucc", "place.a"));
    CHECK(k.at("limit").as_string() == "250000.00");
    CHECK(k.at("decision_maker").as_string() == "officer.a");
    auto a = to_json(authority(*m, "fn.ucc", "place.a", gbp("100000")));
    CHECK(a.size() == 6);
    CHECK(a.at("amount").as_string() == "100000.00");  // echoed inputs are normalised
    CHECK(a.at("effective_limit").as_string() == "250000.00");
    CHECK(to_json(authority(*m, "fn.ucc", "place.a", gbp("9000000"))).at("effective_limit").is_null());
}

// ---------------------------------------------------------------------------------------------
// Differential test: a second, deliberately plain implementation over the JSON text.
namespace {

// A fixed-seed linear congruential generator: the same models on every platform.
struct Lcg {
    std::uint64_t s;
    std::uint32_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(s >> 33);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))]; }
};

namespace json = boost::json;

void maybe_dates(Lcg& g, json::object& o, int percent) {
    static const std::vector<std::string> dates{"2022-04-01", "2022-07-01", "2023-04-01"};
    if (!g.chance(percent)) return;
    int a = g.below(3), b = g.below(4);
    if (g.chance(50)) o["valid_from"] = dates[static_cast<std::size_t>(a)];
    if (b > a) o["valid_to"] = b == 3 ? "2024-04-01" : dates[static_cast<std::size_t>(b)];
}

std::string generate(std::uint64_t seed) {
    Lcg g{seed};
    json::array areas, orgs, bodies, posts, functions, relations;
    std::vector<std::string> places, all_areas, nodes, icbs, councils;
    areas.push_back(json::object{{"id", "E"}, {"kind", "country"}});
    all_areas.push_back("E");
    for (int i = 0; i < 2; ++i) {
        std::string ics = "ics" + std::to_string(i);
        areas.push_back(json::object{{"id", ics}, {"kind", "ics"}, {"within", json::array{"E"}}});
        all_areas.push_back(ics);
        for (int p = 0; p < 3; ++p) {
            std::string place = ics + ".p" + std::to_string(p);
            json::object a{{"id", place}, {"kind", "place"}, {"within", json::array{ics.c_str()}}};
            maybe_dates(g, a, 10);
            areas.push_back(a);
            places.push_back(place);
            all_areas.push_back(place);
            for (int n = 0; n < 2; ++n) {
                std::string nb = place + ".n" + std::to_string(n);
                json::array within{place.c_str()};
                if (g.chance(20)) within.push_back(json::string(g.pick(places)));  // several parents
                areas.push_back(json::object{{"id", nb}, {"kind", "neighbourhood"}, {"within", within}});
                all_areas.push_back(nb);
            }
        }
    }
    auto serves = [&](int percent) {
        json::array a;
        while (g.chance(percent)) a.push_back(json::string(g.pick(all_areas)));
        return a;
    };
    for (const char* apex : {"parliament", "dhsc", "nhse", "electorate"}) {
        json::object o{{"id", apex}, {"kind", std::string(apex) == "dhsc" ? "department" : std::string(apex) == "nhse" ? "nhs_england" : apex}};
        orgs.push_back(o);
        nodes.push_back(apex);
    }
    for (int i = 0; i < 2; ++i) {
        std::string id = "icb" + std::to_string(i);
        json::object o{{"id", id}, {"kind", "icb"}, {"serves", json::array{("ics" + std::to_string(i)).c_str()}}};
        maybe_dates(g, o, 10);
        orgs.push_back(o);
        icbs.push_back(id);
        nodes.push_back(id);
    }
    for (int i = 0; i < 3; ++i) {
        std::string t = "trust" + std::to_string(i), c = "council" + std::to_string(i);
        orgs.push_back(json::object{{"id", t}, {"kind", "nhs_trust"}, {"serves", serves(40)}});
        json::object co{{"id", c}, {"kind", "unitary_authority"}, {"serves", serves(60)}};
        maybe_dates(g, co, 10);
        orgs.push_back(co);
        councils.push_back(c);
        nodes.push_back(t);
        nodes.push_back(c);
    }
    std::vector<std::string> body_ids;
    for (int i = 0; i < 12; ++i) {
        std::string id = "b" + std::to_string(i);
        json::array of;
        std::string owner = i < 2 ? icbs[static_cast<std::size_t>(i)] : g.chance(70) && !body_ids.empty() ? g.pick(body_ids) : g.chance(50) ? g.pick(icbs) : g.pick(councils);
        of.push_back(json::string(owner));
        if (g.chance(10)) of.push_back(json::string(g.chance(50) && !body_ids.empty() ? g.pick(body_ids) : g.pick(icbs)));
        json::object b{{"id", id}, {"kind", i < 2 ? "board" : "committee"}, {"of", of}};
        if (i >= 2 && g.chance(60)) b["place"] = g.pick(g.chance(70) ? places : all_areas);
        maybe_dates(g, b, 15);
        bodies.push_back(b);
        body_ids.push_back(id);
        nodes.push_back(id);
    }
    bodies.push_back(json::object{{"id", "pbp"}, {"kind", "partnership"}, {"place", g.pick(places)}});
    nodes.push_back("pbp");
    for (int i = 0; i < 10; ++i) {
        std::string id = "post" + std::to_string(i);
        json::object p{{"id", id}, {"in", g.chance(75) ? g.pick(body_ids) : g.pick(icbs)}};
        maybe_dates(g, p, 15);
        posts.push_back(p);
        nodes.push_back(id);
    }
    std::vector<std::string> fns;
    for (int i = 0; i < 4; ++i) {
        std::string id = "f" + std::to_string(i);
        json::object f{{"id", id}, {"holder", i < 3 ? icbs[static_cast<std::size_t>(i % 2)] : councils[0]}};
        functions.push_back(f);
        fns.push_back(id);
    }
    auto rel = [&](const char* kind, const std::string& from, const std::string& to) {
        return json::object{{"kind", kind}, {"from", from}, {"to", to}};
    };
    relations.push_back(rel("accountable_to", "dhsc", "parliament"));
    relations.push_back(rel("accountable_to", "nhse", "dhsc"));
    for (auto& i : icbs) relations.push_back(rel("accountable_to", i, "nhse"));
    for (int i = 0; i < 3; ++i) {
        relations.push_back(rel("accountable_to", "trust" + std::to_string(i), "nhse"));
        relations.push_back(rel("accountable_to", councils[static_cast<std::size_t>(i)], "electorate"));
    }
    for (int i = 0; i < 6; ++i) {
        json::object r = rel("accountable_to", g.pick(nodes), g.pick(nodes));
        maybe_dates(g, r, 30);
        relations.push_back(r);
    }
    // Delegations: mostly from a holder or its bodies, or from an earlier delegate, so that
    // chains of several steps, ties and refusals all occur.
    std::vector<std::string> delegates{"icb0", "icb1", "b0", "b1"};
    for (int i = 0; i < 45; ++i) {
        std::string from = g.chance(60) ? g.pick(delegates) : g.pick(nodes);
        std::string to = g.chance(85) ? g.pick(std::vector<std::string>(nodes.begin() + 4, nodes.end())) : g.pick(nodes);
        json::array fs{json::string(g.pick(fns))};
        if (g.chance(25)) fs.push_back(json::string(g.pick(fns)));
        json::object r = rel("delegates", from, to);
        r["functions"] = fs;
        if (g.chance(70)) r["limit"] = std::to_string(1 + g.below(20) * 50) + "000.00";
        if (g.chance(55)) r["may_subdelegate"] = true;
        maybe_dates(g, r, 30);
        relations.push_back(r);
        delegates.push_back(to);
    }
    json::object model{{"format", "pbp/1"},   {"name", "random"},         {"areas", areas},
                       {"organisations", orgs}, {"bodies", bodies},       {"posts", posts},
                       {"functions", functions}, {"relations", relations}};
    return json::serialize(model);
}

// The plain implementation: strings and std::map only.
struct PlainEntity {
    std::string section, kind, from, to;  // from/to: validity bounds ("" = open)
    std::vector<std::string> within, serves, of;
    std::string place, in, holder;
};
struct PlainRelation {
    std::string kind, from, to, vfrom, vto;
    std::vector<std::string> functions;
    std::optional<long long> limit;  // pence
    bool sub = false;
};
struct Plain {
    std::map<std::string, PlainEntity> e;
    std::vector<PlainRelation> r;
};

std::vector<std::string> strings(const json::object& o, const char* key) {
    std::vector<std::string> out;
    if (auto* v = o.if_contains(key)) {
        if (v->is_string()) out.emplace_back(v->as_string());
        else
            for (auto& x : v->as_array()) out.emplace_back(x.as_string());
    }
    return out;
}
std::string str(const json::object& o, const char* key) {
    auto* v = o.if_contains(key);
    return v ? std::string(v->as_string()) : std::string();
}
long long pence(const std::string& s) {  // "123000.00"
    return std::stoll(s.substr(0, s.size() - 3)) * 100 + std::stoll(s.substr(s.size() - 2));
}
std::string money(long long p) {
    std::string frac = std::to_string(p % 100);
    return std::to_string(p / 100) + "." + (frac.size() == 1 ? "0" : "") + frac;
}

Plain parse_plain(const std::string& text) {
    Plain p;
    json::object root = json::parse(text).as_object();
    for (const char* section : {"areas", "organisations", "bodies", "posts", "functions"})
        for (auto& v : root[section].as_array()) {
            const json::object& o = v.as_object();
            PlainEntity x{section, str(o, "kind"), str(o, "valid_from"), str(o, "valid_to"), strings(o, "within"),
                          strings(o, "serves"), strings(o, "of"), str(o, "place"), str(o, "in"), str(o, "holder")};
            p.e[str(o, "id")] = x;
        }
    for (auto& v : root["relations"].as_array()) {
        const json::object& o = v.as_object();
        PlainRelation r{str(o, "kind"), str(o, "from"), str(o, "to"), str(o, "valid_from"), str(o, "valid_to"),
                        strings(o, "functions"), std::nullopt, false};
        if (o.contains("limit")) r.limit = pence(str(o, "limit"));
        if (auto* s = o.if_contains("may_subdelegate")) r.sub = s->as_bool();
        p.r.push_back(r);
    }
    return p;
}

// Dates as "YYYY-MM-DD" strings compare in calendar order; "" means no as-of date.
bool valid(const std::string& from, const std::string& to, const std::string& d) {
    return d.empty() || ((from.empty() || from <= d) && (to.empty() || d < to));
}

struct PlainQueries {
    const Plain& p;
    std::string d;

    bool exists(const std::string& id) const {
        auto it = p.e.find(id);
        return it != p.e.end() && valid(it->second.from, it->second.to, d);
    }
    bool live(const PlainRelation& r) const { return valid(r.vfrom, r.vto, d) && exists(r.from) && exists(r.to); }

    std::map<std::string, std::set<std::string>> answers_to() const {
        std::map<std::string, std::set<std::string>> up;
        for (auto& r : p.r) {
            if (!live(r)) continue;
            if (r.kind == "accountable_to") up[r.from].insert(r.to);
            if (r.kind == "delegates") up[r.to].insert(r.from);
        }
        for (auto& [id, x] : p.e) {
            if (!exists(id)) continue;
            if (x.section == "bodies")
                for (auto& o : x.of)
                    if (exists(o)) up[id].insert(o);
            if (x.section == "posts" && exists(x.in)) up[id].insert(x.in);
        }
        return up;
    }

    // Level-by-level BFS keeping, for every node first reached at this level, the smallest path
    // from the start (a smallest path extends a smallest path of the level before).
    Accountability accountability(const std::string& node) const {
        auto up = answers_to();
        auto terminal = [&](const std::string& n) { return up[n].empty(); };
        Accountability a;
        a.node = node;
        std::map<std::string, Ids> level{{node, {node}}}, seen{{node, {node}}};
        std::optional<Ids> best;
        if (terminal(node)) best = Ids{node};
        while (!level.empty() && !best) {
            std::map<std::string, Ids> next;
            for (auto& [n, path] : level)
                for (auto& t : up[n]) {
                    if (seen.count(t)) continue;
                    Ids cand = path;
                    cand.push_back(t);
                    auto it = next.find(t);
                    if (it == next.end() || cand < it->second) next[t] = cand;
                }
            for (auto& [n, path] : next) {
                seen[n] = path;
                if (terminal(n) && (!best || path < *best)) best = path;
            }
            level = next;
        }
        a.chain = best ? *best : Ids{node};
        // reachable: plain BFS over everything.
        std::set<std::string> reach;
        std::vector<std::string> todo{node};
        while (!todo.empty()) {
            std::string n = todo.back();
            todo.pop_back();
            for (auto& t : up[n])
                if (reach.insert(t).second) todo.push_back(t);
        }
        reach.erase(node);
        a.reachable.assign(reach.begin(), reach.end());
        if (terminal(node)) a.apexes.push_back(node);
        for (auto& n : reach)
            if (terminal(n)) a.apexes.push_back(n);
        std::sort(a.apexes.begin(), a.apexes.end());
        return a;
    }

    std::vector<std::string> places(const std::string& n) const {
        const PlainEntity& x = p.e.at(n);
        std::vector<std::string> out;
        if (x.section == "bodies" && !x.place.empty() && exists(x.place)) out.push_back(x.place);
        if (x.section == "posts" && exists(x.in) && p.e.at(x.in).section == "bodies") {
            const std::string& pl = p.e.at(x.in).place;
            if (!pl.empty() && exists(pl)) out.push_back(pl);
        }
        if (x.section == "organisations")
            for (auto& s : x.serves)
                if (exists(s)) out.push_back(s);
        return out;
    }

    // 0 exact, 1 contains, 2 no place, -1 out of scope.
    int fit(const std::string& n, const std::string& place) const {
        std::set<std::string> up;
        std::vector<std::string> todo{place};
        while (!todo.empty()) {
            std::string a = todo.back();
            todo.pop_back();
            for (auto& w : p.e.at(a).within)
                if (exists(w) && up.insert(w).second) todo.push_back(w);
        }
        auto ps = places(n);
        if (ps.empty()) return 2;
        if (std::count(ps.begin(), ps.end(), place)) return 0;
        for (auto& a : ps)
            if (up.count(a)) return 1;
        return -1;
    }

    bool belongs(const std::string& n, const std::string& h) const {
        std::set<std::string> seen;
        std::vector<std::string> todo{n};
        while (!todo.empty()) {
            const PlainEntity& x = p.e.at(todo.back());
            todo.pop_back();
            std::vector<std::string> up = x.section == "bodies" ? x.of : x.section == "posts" ? Ids{x.in} : Ids{};
            for (auto& u : up) {
                if (!exists(u)) continue;
                if (u == h) return true;
                if (p.e.at(u).section != "organisations" && seen.insert(u).second) todo.push_back(u);
            }
        }
        return false;
    }

    struct Result {
        Ids chain;
        std::vector<std::optional<long long>> limits;  // per step
    };

    Result decides(const std::string& f, const std::string& place) const {
        const std::string h = p.e.at(f).holder;
        std::vector<std::size_t> ds;
        std::set<std::string> received;
        for (std::size_t i = 0; i < p.r.size(); ++i) {
            const PlainRelation& r = p.r[i];
            if (r.kind == "delegates" && live(r) && std::count(r.functions.begin(), r.functions.end(), f)) {
                ds.push_back(i);
                received.insert(r.to);
            }
        }
        auto origin = [&](const std::string& n) {
            if (n == h) return true;
            const std::string& s = p.e.at(n).section;
            return (s == "bodies" || s == "posts") && !received.count(n) && belongs(n, h);
        };
        Result res;
        std::optional<std::size_t> last;
        while (true) {
            std::vector<std::tuple<int, std::string, std::string, std::size_t>> cands;
            for (std::size_t i : ds) {
                const PlainRelation& r = p.r[i];
                bool from_ok = last ? r.from == res.chain.back() : origin(r.from);
                if (!from_ok || r.to == r.from || std::count(res.chain.begin(), res.chain.end(), r.to)) continue;
                int ft = fit(r.to, place);
                if (ft >= 0) cands.emplace_back(ft, r.to, r.from, i);
            }
            if (cands.empty()) break;
            auto [ft, to, from, i] = *std::min_element(cands.begin(), cands.end());
            if (!last) res.chain.push_back(from);
            res.chain.push_back(to);
            res.limits.push_back(p.r[i].limit);
            last = i;
            if (!p.r[i].sub) break;
        }
        if (res.chain.empty()) res.chain.push_back(h);
        return res;
    }
};

}  // namespace

TEST_CASE("decides, authority and accountability agree with a plain second implementation") {
    int compared = 0, delegated = 0, long_chains = 0, limited = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const std::string text = generate(seed);
        auto loaded = load_model(text);
        REQUIRE(loaded.model);
        for (auto& diag : loaded.diagnostics) {
            INFO(diag.code << " " << diag.message);
            CHECK(diag.severity != Severity::error);
        }
        const Model& m = *loaded.model;
        const Plain plain = parse_plain(text);
        for (const char* d : {"", "2022-01-01", "2022-06-01", "2023-06-01", "2024-06-01"}) {
            std::optional<Date> as_of = *d ? std::optional<Date>(day(d)) : std::nullopt;
            PlainQueries q{plain, d};
            for (auto& [id, x] : plain.e) {
                if (!q.exists(id) || (x.section != "organisations" && x.section != "bodies" && x.section != "posts")) continue;
                Accountability got = accountability(m, id, as_of), want = q.accountability(id);
                INFO("seed " << seed << " as of '" << d << "' node " << id);
                CHECK(got.chain == want.chain);
                CHECK(got.reachable == want.reachable);
                CHECK(got.apexes == want.apexes);
            }
            for (auto& [f, fx] : plain.e) {
                if (fx.section != "functions" || !q.exists(fx.holder)) continue;
                for (auto& [a, ax] : plain.e) {
                    if (ax.section != "areas" || !q.exists(a)) continue;
                    INFO("seed " << seed << " as of '" << d << "' " << f << " at " << a);
                    const Decision got = decides(m, f, a, as_of);
                    const PlainQueries::Result want = q.decides(f, a);
                    CHECK(got.delegation_chain == want.chain);
                    CHECK(got.decision_maker == want.chain.back());
                    Ids acc(want.chain.rbegin(), want.chain.rend());
                    Ids up = q.accountability(want.chain.front()).chain;
                    acc.insert(acc.end(), up.begin() + 1, up.end());
                    CHECK(got.accountability_chain == acc);
                    std::optional<long long> lim;
                    for (auto& l : want.limits)
                        if (l && (!lim || *l < *lim)) lim = l;
                    CHECK(got.limit.has_value() == lim.has_value());
                    if (got.limit && lim) CHECK(got.limit->to_string() == money(*lim));
                    // authority for an amount between the limits: walk back by hand.
                    const long long amount = 100000 * (1 + (compared % 600));  // 1,000.00 .. 600,000.00
                    std::size_t k = want.chain.size() - 1;
                    std::vector<std::optional<long long>> eff(want.chain.size());
                    for (std::size_t s = 1; s < eff.size(); ++s) {
                        eff[s] = eff[s - 1];
                        if (want.limits[s - 1] && (!eff[s] || *want.limits[s - 1] < *eff[s])) eff[s] = want.limits[s - 1];
                    }
                    while (eff[k] && *eff[k] < amount) --k;
                    const Authority au = authority(m, f, a, Money::from_pence(amount), as_of);
                    CHECK(au.approver == want.chain[k]);
                    CHECK(au.chain.size() == want.chain.size() - k);
                    CHECK(au.effective_limit.has_value() == eff[k].has_value());
                    if (au.effective_limit && eff[k]) CHECK(au.effective_limit->to_string() == money(*eff[k]));
                    ++compared;
                    delegated += want.chain.size() > 1;
                    long_chains += want.chain.size() > 2;
                    limited += au.chain.size() > 1;
                }
            }
        }
    }
    // The generated models must exercise what is compared, or the test proves nothing.
    CHECK(compared > 1000);
    CHECK(delegated > 200);
    CHECK(long_chains > 50);
    CHECK(limited > 20);
    MESSAGE("compared " << compared << " decisions: " << delegated << " delegated, " << long_chains
                        << " with sub-delegation, " << limited << " referred up for authority");
}

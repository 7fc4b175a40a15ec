// Tests for diff.hpp (SPEC 2.5): what exists on one day and not the other, and whose decisions
// change. Expectations are worked by hand from the models' dates.
#include "pbp/bundled.hpp"
#include "pbp/diff.hpp"
#include "pbp/load.hpp"

#include "bundled_support.hpp"
#include "delegation_reference.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>

using namespace pbp;
using Ids = std::vector<std::string>;

namespace {
using pbp::test::day;

// A listed decision change as one line: function, place, and each side's decision maker,
// chains and limit (or "-" when the pair is not asked on that day).
std::string line(const std::string& function, const std::string& place, const std::optional<Decision>& before,
                 const std::optional<Decision>& after) {
    auto side = [](const std::optional<Decision>& d) {
        return d ? boost::json::serialize(to_json(*d)) : std::string("-");
    };
    return function + " @ " + place + ": " + side(before) + " => " + side(after);
}

std::vector<std::string> lines(const Diff& d) {
    std::vector<std::string> out;
    for (const DecisionChange& c : d.decisions) out.push_back(line(c.function, c.place, c.before, c.after));
    return out;
}

// What diff() must list, worked out the slow way: every function and place that exist on
// either day, each asked on both days with the reference implementation of decides()
// (tests/delegation_reference.hpp), kept when the decision maker or the accountability chain
// differs or only one day can answer (diff.hpp).
std::vector<std::string> decisions_pair_by_pair(const Model& m, Date from, Date to) {
    std::vector<Index> functions, places;
    for (Index i = 0; i < m.entities.size(); ++i) {
        if (!m.exists(i, from) && !m.exists(i, to)) continue;
        const Entity& e = m.entities[i];
        if (e.section == Section::function) functions.push_back(i);
        if (e.section == Section::area && e.kind == "place") places.push_back(i);
    }
    auto by_id = [&](Index a, Index b) { return m.id(a) < m.id(b); };
    std::sort(functions.begin(), functions.end(), by_id);
    std::sort(places.begin(), places.end(), by_id);
    auto ask = [&](Index f, Index p, Date d) -> std::optional<Decision> {
        const Index h = m.at(f).holder;
        if (!m.exists(f, d) || !m.exists(p, d) || h == npos || !m.exists(h, d)) return std::nullopt;
        return test::reference::decides(m, f, p, d);
    };
    std::vector<std::string> out;
    for (Index f : functions)
        for (Index p : places) {
            const auto before = ask(f, p, from), after = ask(f, p, to);
            if (!before && !after) continue;
            if (before && after && before->decision_maker == after->decision_maker &&
                before->accountability_chain == after->accountability_chain)
                continue;
            out.push_back(line(m.id(f), m.id(p), before, after));
        }
    return out;
}

Date day_before(Date d) { return Date{d.days - 1}; }

// Both ways round across every day on which something starts or ends, the first day before
// against the last, and one day against itself.
void check_every_change(const Model& m) {
    std::vector<std::pair<Date, Date>> pairs;
    std::vector<Date> days;
    for (const auto& d : test::days_of(m))
        if (d) days.push_back(*d);
    for (Date d : days) {
        pairs.emplace_back(day_before(d), d);
        pairs.emplace_back(d, day_before(d));
        pairs.emplace_back(d, d);
    }
    if (!days.empty()) pairs.emplace_back(day_before(days.front()), days.back());
    for (const auto& [from, to] : pairs) {
        CAPTURE(to_string(from));
        CAPTURE(to_string(to));
        CHECK(lines(diff(m, from, to)) == decisions_pair_by_pair(m, from, to));
    }
}
}  // namespace

TEST_CASE("diff: a place delegation starting on 1 April 2023 (chains.json)") {
    auto r = load_model_file(std::string(PBP_TEST_DATA) + "/delegation/chains.json");
    REQUIRE(r.model);
    Diff d = diff(*r.model, day("2023-03-31"), day("2023-04-01"));
    CHECK(d.entities_appeared.empty());
    CHECK(d.entities_disappeared.empty());
    REQUIRE(d.relations_appeared.size() == 2);
    CHECK(d.relations_appeared[0].id == "ucc.board-sc");
    CHECK(d.relations_appeared[0].pointer == "/relations/6");
    CHECK(d.relations_appeared[1].from == "sc.a");
    CHECK(d.relations_appeared[1].to == "officer.a");
    CHECK(d.relations_disappeared.empty());
    // Only urgent care at place A changes: the trust decided it; now place A's NHS officer does.
    REQUIRE(d.decisions.size() == 1);
    const DecisionChange& c = d.decisions[0];
    CHECK(c.function == "fn.ucc");
    CHECK(c.place == "place.a");
    REQUIRE(c.before);
    REQUIRE(c.after);
    CHECK(c.before->decision_maker == "trust");
    CHECK(c.after->decision_maker == "officer.a");
    CHECK(c.after->accountability_chain == Ids{"officer.a", "sc.a", "icb.board", "icb", "nhse", "dhsc", "parliament"});

    // The other way round, the same relations disappear.
    Diff back = diff(*r.model, day("2023-04-01"), day("2023-03-31"));
    CHECK(back.relations_disappeared.size() == 2);
    CHECK(back.relations_appeared.empty());
    REQUIRE(back.decisions.size() == 1);
    CHECK(back.decisions[0].before->decision_maker == "officer.a");

    // The same day twice: nothing.
    Diff none = diff(*r.model, day("2023-04-01"), day("2023-04-01"));
    CHECK(none.relations_appeared.empty());
    CHECK(none.decisions.empty());
}

TEST_CASE("diff: CCGs to ICBs on 1 July 2022, and a change of accountability only") {
    auto r = load_model(R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "p", "kind": "place"}],
      "organisations": [
        {"id": "nhse", "kind": "nhs_england"}, {"id": "nhsei", "kind": "nhs_england", "valid_to": "2022-07-01"},
        {"id": "ccg", "kind": "other", "valid_to": "2022-07-01"},
        {"id": "icb", "kind": "icb", "valid_from": "2022-07-01"},
        {"id": "trust", "kind": "nhs_trust"}],
      "functions": [{"id": "f.ccg", "holder": "ccg"}, {"id": "f.icb", "holder": "icb"},
                    {"id": "f.trust", "holder": "trust"}],
      "relations": [
        {"kind": "accountable_to", "from": "ccg", "to": "nhsei"},
        {"kind": "accountable_to", "from": "icb", "to": "nhse"},
        {"kind": "accountable_to", "from": "trust", "to": "nhsei"},
        {"id": "trust-nhse", "kind": "accountable_to", "from": "trust", "to": "nhse", "valid_from": "2022-07-01"}]})");
    REQUIRE(r.model);
    Diff d = diff(*r.model, day("2022-06-30"), day("2022-07-01"));
    CHECK(d.entities_appeared == Ids{"icb"});
    CHECK(d.entities_disappeared == Ids{"ccg", "nhsei"});
    // A relation exists only while both its ends do: ccg -> nhsei and trust -> nhsei go with
    // nhsei although they carry no dates of their own.
    REQUIRE(d.relations_appeared.size() == 2);
    CHECK(d.relations_appeared[0].from == "icb");
    CHECK(d.relations_appeared[1].id == "trust-nhse");
    REQUIRE(d.relations_disappeared.size() == 2);
    CHECK(d.relations_disappeared[0].pointer == "/relations/0");
    CHECK(d.relations_disappeared[1].pointer == "/relations/2");
    // f.ccg: before only (its holder goes); f.icb: after only; f.trust: the trust still decides
    // but now answers to NHS England instead of NHSEI.
    REQUIRE(d.decisions.size() == 3);
    CHECK(d.decisions[0].function == "f.ccg");
    CHECK(d.decisions[0].before->decision_maker == "ccg");
    CHECK(!d.decisions[0].after);
    CHECK(d.decisions[1].function == "f.icb");
    CHECK(!d.decisions[1].before);
    CHECK(d.decisions[1].after->accountability_chain == Ids{"icb", "nhse"});
    CHECK(d.decisions[2].function == "f.trust");
    CHECK(d.decisions[2].before->accountability_chain == Ids{"trust", "nhsei"});
    CHECK(d.decisions[2].after->accountability_chain == Ids{"trust", "nhse"});

    auto j = to_json(d);
    CHECK(j.at("from").as_string() == "2022-06-30");
    CHECK(j.at("to").as_string() == "2022-07-01");
    CHECK(boost::json::serialize(j.at("entities")) == R"({"appeared":["icb"],"disappeared":["ccg","nhsei"]})");
    auto& rel = j.at("relations").at("disappeared").as_array().at(0).as_object();
    CHECK(rel.at("id").is_null());
    CHECK(rel.at("kind").as_string() == "accountable_to");
    CHECK(rel.at("from").as_string() == "ccg");
    auto& dec = j.at("decisions").as_array().at(0).as_object();
    CHECK(dec.at("after").is_null());
    CHECK(dec.at("before").at("limit").is_null());
    CHECK(dec.at("before").at("delegation_chain").as_array().size() == 1);
}

TEST_CASE("diff: the decisions listed are those that change when every pair is asked one by one") {
    std::size_t changes = 0;
    for (std::string_view name : bundled_model_names()) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        check_every_change(*m);
        for (const auto& d : test::days_of(*m))
            if (d) changes += diff(*m, day_before(*d), *d).decisions.size();
    }
    // The bundled models' own dates change decisions (the LSC places, the Nottinghamshire
    // officers), so the comparison above is not only of empty lists.
    CHECK(changes > 0);
    for (const char* file : {"/delegation/chains.json", "/docs_example.json", "/capi/small.json"}) {
        CAPTURE(file);
        auto r = load_model_file(std::string(PBP_TEST_DATA) + file);
        REQUIRE(r.model);
        check_every_change(*r.model);
    }
}

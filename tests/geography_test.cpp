// Tests for geography.hpp (SPEC 1.2, 2.4, 2.6.8) and the geography rules W010 and E206.
// The models are in tests/data/geography/; small.json's header comment lists every leaf set
// and population the expectations below are worked from.
#include "pbp/bundled.hpp"
#include "pbp/error.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <set>

using namespace pbp;

namespace {
std::shared_ptr<const Model> geography_model(const char* name) { return pbp::test::load_test_model("geography", name); }

std::vector<std::string> leaf_ids(const Footprints& fp, const char* area) {
    std::vector<std::string> out;
    for (Index l : fp.leaves(*fp.model().find(area))) out.push_back(fp.model().id(l));
    std::sort(out.begin(), out.end());
    return out;
}

Index idx(const Model& m, const char* id) { return *m.find(id); }

using pbp::test::day;

struct Row {
    std::string area, best, coverage, relation;
};

std::vector<Row> rows(const Coterminosity& c) {
    std::vector<Row> out;
    for (auto& r : c.areas)
        out.push_back({r.area, r.best, format_decimal(r.coverage, 4), std::string(to_string(r.relation))});
    return out;
}

void check_rows(const Coterminosity& c, const std::vector<Row>& want) {
    auto got = rows(c);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(want[i].area);
        CHECK(got[i].area == want[i].area);
        CHECK(got[i].best == want[i].best);
        CHECK(got[i].coverage == want[i].coverage);
        CHECK(got[i].relation == want[i].relation);
    }
}

using pbp::test::codes;
}  // namespace

TEST_CASE("footprints: leaves through several parents, populations summed over leaves") {
    auto m = geography_model("small.json");
    const Footprints fp(*m, std::nullopt);
    // north <- pa <- {a, i}; north <- pb <- {c, d}.
    CHECK(leaf_ids(fp, "north") == std::vector<std::string>{"a", "c", "d", "i"});
    CHECK(leaf_ids(fp, "la5") == std::vector<std::string>{"b", "g"});
    CHECK(leaf_ids(fp, "a") == std::vector<std::string>{"a"});  // a leaf's footprint is itself
    CHECK(fp.is_leaf(idx(*m, "a")));
    CHECK_FALSE(fp.is_leaf(idx(*m, "north")));
    CHECK(fp.population(idx(*m, "north")) == 720);  // 100 + 20 + 300 + 300
    CHECK(fp.population(idx(*m, "la3")) == 300);    // 300 + 0
    CHECK(fp.population(idx(*m, "pg")) == 70);      // k, with no as-of date
    // Leaf vectors are in ascending index order (the walk-up visits leaves in order).
    for (Index a : fp.areas()) {
        auto l = fp.leaves(a);
        CHECK(std::is_sorted(l.begin(), l.end()));
        CHECK(std::adjacent_find(l.begin(), l.end()) == l.end());
    }
}

TEST_CASE("footprints agree with a plain walk up each leaf's `within` links, on every area") {
    // Second implementation: from the entities' own `within` lists, a leaf is an area no area
    // names, and each leaf is in the footprint of every area it reaches going up.
    for (const auto& m : {geography_model("small.json"), std::shared_ptr<const Model>(load_model(*bundled_model("nottinghamshire")).model)}) {
        REQUIRE(m);
        const Footprints fp(*m, std::nullopt);
        std::vector<char> has_child(m->entities.size(), 0);
        for (const Entity& e : m->entities)
            for (Index p : e.within) has_child[p] = 1;
        std::map<Index, std::set<Index>> expected;
        std::map<Index, Population> people;
        std::size_t leaves = 0;
        for (Index l = 0; l < m->entities.size(); ++l) {
            if (m->entities[l].section != Section::area || has_child[l]) continue;
            ++leaves;
            std::vector<Index> todo{l};
            std::set<Index> reached;
            while (!todo.empty()) {
                const Index v = todo.back();
                todo.pop_back();
                if (!reached.insert(v).second) continue;
                expected[v].insert(l);
                people[v] += m->entities[l].population.value_or(0);
                for (Index p : m->entities[v].within) todo.push_back(p);
            }
        }
        CHECK(leaves > 10);
        std::size_t areas = 0;
        for (Index a = 0; a < m->entities.size(); ++a) {
            if (m->entities[a].section != Section::area) {
                CHECK(fp.leaves(a).empty());
                continue;
            }
            ++areas;
            CAPTURE(m->id(a));
            const auto got = fp.leaves(a);
            CHECK(std::vector<Index>(got.begin(), got.end()) == std::vector<Index>(expected[a].begin(), expected[a].end()));
            CHECK(fp.population(a) == people[a]);
            CHECK(fp.is_leaf(a) == !has_child[a]);
        }
        CHECK(areas == fp.areas().size());
    }
}

TEST_CASE("footprints as of a date: an area not valid on the day does not exist, nor its links") {
    auto m = geography_model("small.json");
    const Footprints later(*m, day("2021-06-01"));  // i ended 2021-01-01, k 2020-01-01
    CHECK(leaf_ids(later, "pa") == std::vector<std::string>{"a"});
    CHECK(later.population(idx(*m, "north")) == 700);  // 100 + 300 + 300
    // pg lost its only child, so it is a leaf itself, with no stated population.
    CHECK(later.is_leaf(idx(*m, "pg")));
    CHECK(leaf_ids(later, "pg") == std::vector<std::string>{"pg"});
    CHECK(later.population(idx(*m, "pg")) == 0);
    CHECK_FALSE(later.is_area(idx(*m, "i")));
    CHECK(later.leaves(idx(*m, "i")).empty());

    const Footprints before(*m, day("2018-06-01"));  // pg starts 2019-01-01
    CHECK_FALSE(before.is_area(idx(*m, "pg")));
    CHECK(before.is_leaf(idx(*m, "k")));  // k exists (its parent does not): still a leaf
    CHECK(leaf_ids(before, "k") == std::vector<std::string>{"k"});
}

TEST_CASE("footprints of some areas: exact for every area whose descendants are all among them") {
    auto m = geography_model("small.json");
    for (const std::optional<Date> on : {std::optional<Date>{}, std::optional<Date>{day("2021-06-01")}}) {
        const Footprints whole(*m, on);
        for (Index a = 0; a < m->entities.size(); ++a) {
            if (m->entities[a].section != Section::area) continue;
            CAPTURE(m->id(a));
            // a and everything within it, from the entities' own `within` lists, whatever the day
            std::set<Index> below{a};
            for (bool grew = true; grew;) {
                grew = false;
                for (Index c = 0; c < m->entities.size(); ++c)
                    for (Index p : m->entities[c].within)
                        if (below.count(p) && below.insert(c).second) grew = true;
            }
            const std::vector<Index> some(below.begin(), below.end());
            const Footprints part(*m, on, some);
            const auto want = whole.leaves(a), got = part.leaves(a);
            CHECK(std::vector<Index>(got.begin(), got.end()) == std::vector<Index>(want.begin(), want.end()));
            CHECK(part.population(a) == whole.population(a));
            CHECK(part.is_leaf(a) == whole.is_leaf(a));
            // Only the areas given are areas of the part: an ancestor of a is not.
            for (Index p : m->entities[a].within) CHECK_FALSE(part.is_area(p));
            std::vector<Index> existing;
            for (Index i : some)
                if (whole.is_area(i)) existing.push_back(i);
            CHECK(part.areas() == existing);
        }
    }
}

TEST_CASE("lies_within is the subset test of the two leaf sets, on every pair of areas") {
    std::size_t inside = 0, outside = 0, wrong = 0;
    for (const char* name : {"nottinghamshire", "lancashire-south-cumbria", "black-country"}) {
        CAPTURE(name);
        const auto m = load_model(*bundled_model(name)).model;
        REQUIRE(m);
        const Footprints fp(*m, std::nullopt);
        std::vector<Index> everything = fp.areas();
        everything.push_back(npos - 1);  // no entity: no leaves, so within anything and containing nothing
        for (Index a : everything)
            for (Index w : everything) {
                const auto mine = fp.leaves(a), bound = fp.leaves(w);
                const bool want = std::includes(bound.begin(), bound.end(), mine.begin(), mine.end());
                wrong += fp.lies_within(a, w) != want;  // counted: millions of pairs
                (want ? inside : outside) += 1;
            }
    }
    CHECK(wrong == 0);
    CHECK(inside > 0);
    CHECK(outside > 0);

    // By hand: a place sharing its first leaf with a system but not its second.
    const auto m = load_model(R"({"format": "pbp/1", "name": "x",
        "areas": [{"id": "l1", "kind": "lsoa", "within": ["sys", "p"]}, {"id": "l2", "kind": "lsoa", "within": ["p"]},
                  {"id": "sys", "kind": "ics"}, {"id": "p", "kind": "place"}]})").model;
    REQUIRE(m);
    const Footprints fp(*m, std::nullopt);
    const Index l1 = *m->find("l1"), sys = *m->find("sys"), p = *m->find("p");
    CHECK(fp.lies_within(l1, sys));
    CHECK(!fp.lies_within(p, sys));
    CHECK(fp.lies_within(sys, p));
    CHECK(fp.lies_within(p, p));
}

TEST_CASE("served_leaves: an organisation's footprint, by hand") {
    // The trust serves two overlapping areas (sharing l1), an area that ends in 2024, and one
    // area twice; the council serves nothing; l5 is nobody's.
    const auto m = load_model(R"({"format": "pbp/1", "name": "x",
        "areas": [{"id": "l1", "kind": "lsoa", "within": ["a", "b"]}, {"id": "l2", "kind": "lsoa", "within": ["a"]},
                  {"id": "l3", "kind": "lsoa", "within": ["b"]}, {"id": "l4", "kind": "lsoa", "within": ["old"]},
                  {"id": "l5", "kind": "lsoa"},
                  {"id": "a", "kind": "place"}, {"id": "b", "kind": "place"},
                  {"id": "old", "kind": "place", "valid_to": "2024-01-01"}],
        "organisations": [{"id": "trust", "kind": "nhs_trust", "serves": ["b", "a", "old", "b"]},
                          {"id": "council", "kind": "unitary_authority"}]})").model;
    REQUIRE(m);
    auto ids = [&](const std::vector<Index>& v) {
        std::vector<std::string> out;
        for (Index i : v) out.push_back(m->id(i));
        return out;
    };
    const Index trust = *m->find("trust");
    CHECK(ids(Footprints(*m, std::nullopt).served_leaves(trust)) == std::vector<std::string>{"l1", "l2", "l3", "l4"});
    // In 2024 "old" no longer exists, so neither does its leaf's link to it: l4 is not the trust's.
    CHECK(ids(Footprints(*m, test::day("2024-06-01")).served_leaves(trust)) == std::vector<std::string>{"l1", "l2", "l3"});
    const Footprints fp(*m, std::nullopt);
    CHECK(fp.served_leaves(*m->find("council")).empty());
    CHECK(fp.served_leaves(*m->find("a")).empty());  // an area serves nothing
    CHECK(fp.served_leaves(npos - 1).empty());
}

TEST_CASE("area selections: kinds, ids, within") {
    auto m = geography_model("small.json");
    const Footprints fp(*m, std::nullopt);
    auto ids = [&](const AreaSelection& s) {
        std::vector<std::string> out;
        for (Index i : select_areas(fp, s)) out.push_back(m->id(i));
        return out;
    };
    CHECK(ids(AreaSelection::of_kind("place", "north")) == std::vector<std::string>{"pa", "pb"});
    CHECK(ids(AreaSelection::of_kind("local_authority", "north")) == std::vector<std::string>{"la1"});
    // Ids are used as given: sorted, duplicates dropped, `within` not applied.
    CHECK(ids(AreaSelection::parse("pc,pa,pc", std::string("north"))) == std::vector<std::string>{"pa", "pc"});
    CHECK(AreaSelection::parse("place").kind == "place");
    CHECK(AreaSelection::parse("pa,pb").ids == std::vector<std::string>{"pa", "pb"});
    CHECK_THROWS_AS(AreaSelection::parse(""), InvalidArgument);
    CHECK_THROWS_AS(AreaSelection::parse("pa,,pb"), InvalidArgument);
    CHECK_THROWS_AS(select_areas(fp, AreaSelection::of_kind("ward")), InvalidArgument);  // none: empty side
    CHECK_THROWS_AS(select_areas(fp, AreaSelection::of_kind("parish")), InvalidArgument);
    CHECK_THROWS_WITH_AS(select_areas(fp, AreaSelection::of_ids({"pa", "nowhere"})), doctest::Contains("nowhere"),
                         InvalidArgument);
    CHECK_THROWS_AS(select_areas(fp, AreaSelection::of_kind("place", std::string("nowhere"))), InvalidArgument);
    // With ids, `within` is not applied but must name an area: a mistyped one was silently ignored.
    CHECK(AreaSelection::parse("pa,pc", std::string("north")).within == "north");
    CHECK_THROWS_WITH_AS(select_areas(fp, AreaSelection::parse("pa,pc", std::string("nowhere"))),
                         doctest::Contains("nowhere"), InvalidArgument);
    const Footprints before(*m, day("2018-06-01"));
    CHECK_THROWS_WITH_AS(select_areas(before, AreaSelection::of_ids({"pg"})), doctest::Contains("2018-06-01"),
                         InvalidArgument);
}

TEST_CASE("coterminosity of places with councils, worked by hand: every relation, a tie, zero people") {
    auto m = geography_model("small.json");
    const auto c = coterminosity(*m, AreaSelection::of_kind("place"), AreaSelection::of_kind("local_authority"));
    check_rows(c, {
                      {"pa", "la1", "0.8333", "contains"},     // {a,i} holds la1 {a}: 100 of 120
                      {"pb", "la2", "0.5000", "overlaps"},     // 300 with la2 and 300 with la3: tie -> la2
                      {"pc", "la4", "1.0000", "coterminous"},  // {f} = {f}
                      {"pd", "la1", "0.0000", "disjoint"},     // j is in no council: smallest id in B
                      {"pe", "la1", "0.0000", "disjoint"},     // shares e with la3, but e has no people
                      {"pf", "la5", "1.0000", "within"},       // {g} inside {b,g}
                      {"pg", "la1", "0.0000", "disjoint"},     // k is in no council
                  });
    // score = (100 + 300 + 500 + 0 + 0 + 50 + 0) / (120 + 600 + 500 + 40 + 0 + 50 + 70) = 950 / 1380
    CHECK(c.score == Ratio(950) / 1380);
    CHECK(format_decimal(c.score, 4) == "0.6884");
    CHECK(c.areas[1].overlap == 300);
    CHECK(c.areas[1].best_population == 310);

    const auto j = to_json(c);
    CHECK(j.size() == 2);
    CHECK(j.at("score") == "0.6884");
    const auto& row = j.at("areas").as_array()[0].as_object();
    CHECK(row.size() == 4);
    CHECK(row.at("area") == "pa");
    CHECK(row.at("best") == "la1");
    CHECK(row.at("coverage") == "0.8333");
    CHECK(row.at("relation") == "contains");
}

TEST_CASE("coterminosity the other way round mirrors the relations") {
    auto m = geography_model("small.json");
    const auto c = coterminosity(*m, AreaSelection::of_kind("local_authority"), AreaSelection::of_kind("place"));
    check_rows(c, {
                      {"la1", "pa", "1.0000", "within"},       // {a} inside {a,i}
                      {"la2", "pb", "0.9677", "overlaps"},     // 300 of 310
                      {"la3", "pb", "1.0000", "overlaps"},     // d (300) with pb; e (0) with pe
                      {"la4", "pc", "1.0000", "coterminous"},
                      {"la5", "pf", "0.2000", "contains"},     // 50 of 250
                  });
    // (100 + 300 + 300 + 500 + 50) / (100 + 310 + 300 + 500 + 250) = 1250 / 1460
    CHECK(c.score == Ratio(1250) / 1460);
    CHECK(format_decimal(c.score, 4) == "0.8562");
}

TEST_CASE("coterminosity with --within, with ids, and as of a date") {
    auto m = geography_model("small.json");
    // within north: A = {pa, pb}, B = {la1}.
    auto w = coterminosity(*m, AreaSelection::of_kind("place", "north"), AreaSelection::of_kind("local_authority", "north"));
    check_rows(w, {{"pa", "la1", "0.8333", "contains"}, {"pb", "la1", "0.0000", "disjoint"}});
    CHECK(format_decimal(w.score, 4) == "0.1389");  // 100 / 720

    // Ids: B = {la4}; pa shares nothing, so its best is la4 (the smallest, and only, id in B).
    auto ids = coterminosity(*m, AreaSelection::of_ids({"pc", "pa"}), AreaSelection::of_ids({"la4"}));
    check_rows(ids, {{"pa", "la4", "0.0000", "disjoint"}, {"pc", "la4", "1.0000", "coterminous"}});
    CHECK(format_decimal(ids.score, 4) == "0.8065");  // 500 / 620

    // 2021-06-01: i has gone, so pa = {a} = la1; pg is a leaf of its own with no people.
    auto later = coterminosity(*m, AreaSelection::of_ids({"pa", "pg"}), AreaSelection::of_kind("local_authority"),
                               day("2021-06-01"));
    check_rows(later, {{"pa", "la1", "1.0000", "coterminous"}, {"pg", "la1", "0.0000", "disjoint"}});

    // A model with no people at all: every coverage and the score are 0.
    auto empty = coterminosity(*m, AreaSelection::of_ids({"pe"}), AreaSelection::of_ids({"la3"}));
    CHECK(format_decimal(empty.score, 4) == "0.0000");
    CHECK_THROWS_AS(coterminosity(*m, AreaSelection::of_kind("ward"), AreaSelection::of_kind("place")), InvalidArgument);
}

TEST_CASE("coterminosity agrees with a brute-force implementation on every pair of kinds") {
    // Second implementation: set operations on sorted leaf vectors, for every a and b.
    auto m = geography_model("small.json");
    const Footprints fp(*m, std::nullopt);
    for (const char* ka : {"place", "local_authority", "lsoa", "ics"})
        for (const char* kb : {"place", "local_authority", "lsoa", "ics"}) {
            CAPTURE(ka);
            CAPTURE(kb);
            auto c = coterminosity(fp, AreaSelection::of_kind(ka), AreaSelection::of_kind(kb));
            auto A = select_areas(fp, AreaSelection::of_kind(ka)), B = select_areas(fp, AreaSelection::of_kind(kb));
            REQUIRE(c.areas.size() == A.size());
            for (std::size_t i = 0; i < A.size(); ++i) {
                auto la = fp.leaves(A[i]);
                Population best = -1;
                std::string best_id;
                for (Index b : B) {
                    auto lb = fp.leaves(b);
                    std::vector<Index> both;
                    std::set_intersection(la.begin(), la.end(), lb.begin(), lb.end(), std::back_inserter(both));
                    Population o = fp.population_of(both);
                    if (o > best) best = o, best_id = m->id(b);  // B is in id order: first of equals wins
                }
                if (best == 0) best_id = m->id(B.front());
                CHECK(c.areas[i].best == best_id);
                CHECK(c.areas[i].overlap == best);
            }
        }
}

TEST_CASE("partitions: gaps, overlaps and spills, with the people in each") {
    auto m = geography_model("small.json");
    auto whole = partitions(*m, AreaSelection::of_kind("place", "north"), "north");
    CHECK(whole.partitions);
    CHECK(whole.parts == std::vector<std::string>{"pa", "pb"});

    // pa {a,i} and la2 {c,h}: d (300) is left out of north; h (10) lies outside it.
    auto gap = partitions(*m, AreaSelection::of_ids({"pa", "la2"}), "north");
    CHECK_FALSE(gap.partitions);
    CHECK(gap.gap == std::vector<std::string>{"d"});
    CHECK(gap.gap_population == 300);
    REQUIRE(gap.outside.size() == 1);
    CHECK(gap.outside[0].area == "la2");
    CHECK(gap.outside[0].leaves == std::vector<std::string>{"h"});
    CHECK(gap.outside[0].population == 10);
    CHECK(gap.overlaps.empty());

    // la1 and pa both hold a (100 people).
    auto twice = partitions(*m, AreaSelection::of_ids({"pa", "la1", "pb"}), "north");
    CHECK_FALSE(twice.partitions);
    CHECK(twice.gap.empty());
    REQUIRE(twice.overlaps.size() == 1);
    CHECK(twice.overlaps[0].areas == std::vector<std::string>{"la1", "pa"});
    CHECK(twice.overlaps[0].leaves == std::vector<std::string>{"a"});
    CHECK(twice.overlaps[0].population == 100);

    auto j = to_json(gap);
    CHECK(j.at("partitions") == false);
    CHECK(j.at("gap").at("population") == 300);
    CHECK(j.at("outside").as_array()[0].at("area") == "la2");
    CHECK_THROWS_AS(partitions(*m, AreaSelection::of_kind("place"), "nowhere"), InvalidArgument);
}

TEST_CASE("respects_boundaries: does each unit lie within one council?") {
    auto m = geography_model("small.json");
    auto r = respects_boundaries(*m, AreaSelection::of_ids({"pa", "pc", "pf"}), AreaSelection::of_kind("local_authority"));
    CHECK_FALSE(r.respects);
    REQUIRE(r.units.size() == 3);
    CHECK(r.units[0].unit == "pa");
    CHECK_FALSE(r.units[0].within);
    REQUIRE(r.units[0].pieces.size() == 1);
    CHECK(r.units[0].pieces[0].first == "la1");
    CHECK(r.units[0].pieces[0].second == 100);
    CHECK(r.units[0].outside == 20);  // i is in no council
    CHECK(r.units[1].within == std::optional<std::string>("la4"));
    CHECK(r.units[2].within == std::optional<std::string>("la5"));

    // pb is split between la2 (300) and la3 (300).
    auto split = respects_boundaries(*m, AreaSelection::of_ids({"pb"}), AreaSelection::of_kind("local_authority"));
    CHECK_FALSE(split.respects);
    REQUIRE(split.units[0].pieces.size() == 2);
    CHECK(split.units[0].pieces[1] == std::pair<std::string, Population>("la3", 300));

    auto ok = respects_boundaries(*m, AreaSelection::of_ids({"pc", "pf"}), AreaSelection::of_kind("local_authority"));
    CHECK(ok.respects);
    auto j = to_json(r);
    CHECK(j.at("respects") == false);
    CHECK(j.at("units").as_array()[0].at("within").is_null());
    CHECK(j.at("units").as_array()[1].at("within") == "la4");
}

TEST_CASE("W010: a stated population that differs from the sum of the leaves") {
    auto m = geography_model("w010.json");
    auto ds = validate(*m);
    REQUIRE(codes(ds) == std::vector<std::string>{"W010"});  // district2 states 300 = 300: no warning
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].ids == std::vector<std::string>{"district1"});
    CHECK(ds[0].path == "/areas/0/population");
    CHECK(ds[0].line.has_value());
    CHECK(ds[0].message.find("1,000") != std::string::npos);
    CHECK(ds[0].message.find("900") != std::string::npos);
}

TEST_CASE("W010: leaves that replace one another are never added together, day by day") {
    auto check = [](const std::string& areas) {
        auto r = load_model(R"({"format": "pbp/1", "name": "t", "areas": [)" + areas + "]}");
        REQUIRE(r.model);
        return validate(*r.model);
    };
    // l1 is split into l1a and l1b in 2023: 100 people before and after. With no day the
    // three add up to 200, and W010 was reported though no day is wrong.
    const std::string split = R"({"id": "P", "kind": "place", "population": 100},
        {"id": "l1", "kind": "lsoa", "within": ["P"], "population": 100, "valid_to": "2023-01-01"},
        {"id": "l1a", "kind": "lsoa", "within": ["P"], "population": 60, "valid_from": "2023-01-01"},)";
    CHECK(check(split + R"({"id": "l1b", "kind": "lsoa", "within": ["P"], "population": 40, "valid_from": "2023-01-01"})").empty());
    // After the split the new leaves add up to 90: reported, with the days and that day's sum.
    const auto ds = check(split + R"({"id": "l1b", "kind": "lsoa", "within": ["P"], "population": 30, "valid_from": "2023-01-01"})");
    REQUIRE(codes(ds) == std::vector<std::string>{"W010"});
    CHECK(ds[0].message ==
          "The area \"P\" states a population of 100, but its 2 leaf areas from 2023-01-01 add up to 90. Queries use "
          "the sum of the leaves.");
    CHECK(ds[0].path == "/areas/0/population");
}

TEST_CASE("E206: a place whose leaves lie in more than one ICS") {
    auto m = geography_model("e206.json");
    auto ds = validate(*m);
    REQUIRE(codes(ds) == std::vector<std::string>{"E206"});
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].ids == std::vector<std::string>{"border", "east", "west"});
    CHECK(ds[0].path == "/areas/2");
    CHECK(ds[0].message.find("Border Place") != std::string::npos);
    CHECK(ds[0].message.find("\"east\" (1,200 people)") != std::string::npos);
    CHECK(ds[0].message.find("\"west\" (800 people)") != std::string::npos);
}

TEST_CASE("E206: ICSs that replace one another are never counted together, day by day") {
    // ics1 ends the day ics2 begins: the place lies in one ICS on every day. Counted with no
    // day, as validation reads the file, it lay in both, and the model could never validate.
    auto check = [](const std::string& areas) {
        auto r = load_model(R"({"format": "pbp/1", "name": "t", "areas": [)" + areas + "]}");
        REQUIRE(r.model);
        return validate(*r.model);
    };
    CHECK(check(R"({"id": "ics1", "kind": "ics", "valid_to": "2022-07-01"}, {"id": "ics2", "kind": "ics", "valid_from": "2022-07-01"},
        {"id": "P", "kind": "place"}, {"id": "l1", "kind": "lsoa", "within": ["P", "ics1", "ics2"], "population": 5})")
              .empty());
    // The same place with a leaf moving from one ICS to the other: one ICS at a time.
    CHECK(check(R"({"id": "ics1", "kind": "ics"}, {"id": "ics2", "kind": "ics"}, {"id": "P", "kind": "place"},
        {"id": "l1", "kind": "lsoa", "within": ["P", "ics1"], "population": 5, "valid_to": "2023-01-01"},
        {"id": "l1b", "kind": "lsoa", "within": ["P", "ics2"], "population": 5, "valid_from": "2023-01-01"})")
              .empty());
    // Two ICSs at once from 2023 (ics2 from 2022-07, its leaf in P from 2023): reported, with
    // the day it starts and that day's people.
    const auto ds = check(R"({"id": "ics1", "kind": "ics"}, {"id": "ics2", "kind": "ics", "valid_from": "2022-07-01"},
        {"id": "P", "kind": "place"}, {"id": "l1", "kind": "lsoa", "within": ["P", "ics1"], "population": 5},
        {"id": "l2", "kind": "lsoa", "within": ["P", "ics2"], "population": 7, "valid_from": "2023-01-01"})");
    REQUIRE(codes(ds) == std::vector<std::string>{"E206"});
    CHECK(ds[0].message ==
          "The place \"P\" lies in 2 integrated care systems from 2023-01-01: \"ics1\" (5 people) and \"ics2\" (7 "
          "people). A place must sit inside one ICS; its partnership cannot span ICS boundaries.");
    CHECK(ds[0].ids == std::vector<std::string>{"P", "ics1", "ics2"});
    // Before the first day any area begins or ends, and between two such days.
    const auto early = check(R"({"id": "ics1", "kind": "ics"}, {"id": "ics2", "kind": "ics"}, {"id": "P", "kind": "place"},
        {"id": "l1", "kind": "lsoa", "within": ["P", "ics1"]}, {"id": "l2", "kind": "lsoa", "within": ["P", "ics2"], "valid_to": "2021-04-01"},
        {"id": "l3", "kind": "lsoa", "within": ["ics2"], "valid_from": "2024-04-01"})");
    REQUIRE(codes(early) == std::vector<std::string>{"E206"});
    CHECK(early[0].message.find("systems before 2021-04-01: ") != std::string::npos);
    const auto between = check(R"({"id": "ics1", "kind": "ics"}, {"id": "ics2", "kind": "ics"}, {"id": "P", "kind": "place"},
        {"id": "l1", "kind": "lsoa", "within": ["P", "ics1"]},
        {"id": "l2", "kind": "lsoa", "within": ["P", "ics2"], "valid_from": "2021-04-01", "valid_to": "2022-04-01"})");
    REQUIRE(codes(between) == std::vector<std::string>{"E206"});
    CHECK(between[0].message.find("systems from 2021-04-01 until 2022-04-01: ") != std::string::npos);
}

namespace {
// What W010 and E206 should find day by day in `m`, worked out the plain way (the way pbp did
// it until 2026-12): footprints of the whole model on the first day of every stretch between
// the days areas begin or end, and each area looked at on every stretch in turn until one
// finds something. One line per finding: the code, the ids and the stretch in words; and how
// many areas were looked at day by day (those that differ with every area counted at once).
struct DayByDay {
    std::vector<std::string> lines;
    std::size_t looked_at = 0;
};
DayByDay day_by_day_findings(const Model& m) {
    std::vector<Date> bounds;
    for (const Entity& e : m.entities)
        if (e.section == Section::area)
            for (const auto& d : {e.valid.from, e.valid.to})
                if (d) bounds.push_back(*d);
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    std::vector<Footprints> on;
    std::vector<std::string> words;
    if (bounds.empty()) on.emplace_back(m, std::nullopt), words.emplace_back();  // every day alike
    for (std::size_t k = 0; k <= bounds.size() && !bounds.empty(); ++k) {
        on.emplace_back(m, k == 0 ? Date{bounds[0].days - 1} : bounds[k - 1]);
        words.push_back(k == 0 ? "before " + to_string(bounds[0])
                               : "from " + to_string(bounds[k - 1]) + (k < bounds.size() ? " until " + to_string(bounds[k]) : ""));
    }
    const Footprints every(m, std::nullopt);
    DayByDay out;
    for (Index a : every.areas()) {  // W010
        const Entity& e = m.entities[a];
        if (every.is_leaf(a) || !e.population || every.population(a) == Population(*e.population)) continue;
        ++out.looked_at;
        for (std::size_t k = 0; k < on.size(); ++k)
            if (on[k].is_area(a) && !on[k].is_leaf(a) && on[k].population(a) != Population(*e.population)) {
                out.lines.push_back("W010 " + e.id + (words[k].empty() ? "" : " " + words[k]));
                break;
            }
    }
    // E206: the ICSs holding a leaf of the place, on the day.
    const auto systems_of = [&](const Footprints& fp, Index place) {
        std::set<std::string> ics;
        const auto leaves = fp.leaves(place);
        for (Index s : fp.areas())
            if (m.entities[s].kind == "ics")
                for (Index l : fp.leaves(s))
                    if (std::binary_search(leaves.begin(), leaves.end(), l)) ics.insert(m.id(s));
        return ics;
    };
    for (Index p : every.areas()) {
        if (m.entities[p].kind != "place" || systems_of(every, p).size() < 2) continue;
        ++out.looked_at;
        for (std::size_t k = 0; k < on.size(); ++k)
            if (const auto ics = on[k].is_area(p) ? systems_of(on[k], p) : std::set<std::string>{}; ics.size() > 1) {
                std::string line = "E206 " + m.id(p);
                for (const auto& id : ics) line += " " + id;
                out.lines.push_back(line + (words[k].empty() ? "" : " " + words[k]));
                break;
            }
    }
    return out;
}

// The same lines from what validate() reports: the stretch is the words between "care
// systems" and the colon (E206), or between "leaf area(s)" and "add up to" (W010).
std::vector<std::string> findings_of(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const Diagnostic& d : ds) {
        if (d.code != "W010" && d.code != "E206") continue;
        std::string line = d.code;
        for (const auto& id : d.ids) line += " " + id;
        const std::string& msg = d.message;
        const bool spans = d.code == "E206";
        std::size_t from = spans ? msg.find("care systems") + 12 : msg.find("leaf area") + 9;
        if (!spans && msg[from] == 's') ++from;
        const std::size_t to = spans ? msg.find(':', from) : msg.find(" add up to", from);
        out.push_back(line + msg.substr(from, to - from));  // the words keep their leading space
    }
    return out;
}

// A random model of dated areas (figures invented): a country, ICSs, places and small areas,
// some lying in two places or two ICSs, with populations stated on some of the larger areas,
// some of them the sum of the small areas on one day or another.
std::string dated_areas(std::mt19937& random) {
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const std::array<const char*, 6> days{"2019-04-01", "2020-04-01", "2021-04-01", "2022-07-01", "2023-04-01", "2024-04-01"};
    const auto dates = [&] {
        std::string out;
        const int from = pick(9) - 3, to = std::max(from, -1) + 1 + pick(6);  // from < 0: none
        if (from >= 0) out += R"(, "valid_from": ")" + std::string(days[from]) + "\"";
        if (to < 6 && pick(2)) out += R"(, "valid_to": ")" + std::string(days[to]) + "\"";
        return out;
    };
    const int systems = 2 + pick(3), places = 2 + pick(4), smalls = 4 + pick(20);
    const auto people = [&] { return pick(3) ? R"(, "population": )" + std::to_string(1 + pick(50)) : std::string(); };
    std::string areas = R"({"id": "E", "kind": "country")" + people() + "}";
    for (int s = 0; s < systems; ++s) areas += R"(, {"id": "ics)" + std::to_string(s) + R"(", "kind": "ics", "within": ["E"])" + dates() + people() + "}";
    for (int p = 0; p < places; ++p) areas += R"(, {"id": "p)" + std::to_string(p) + R"(", "kind": "place")" + dates() + people() + "}";
    for (int l = 0; l < smalls; ++l) {
        std::string within = "\"p" + std::to_string(pick(places)) + "\", \"ics" + std::to_string(pick(systems)) + "\"";
        if (!pick(4)) within += ", \"p" + std::to_string(pick(places)) + "\"";
        if (!pick(4)) within += ", \"ics" + std::to_string(pick(systems)) + "\"";
        areas += R"(, {"id": "l)" + std::to_string(l) + R"(", "kind": "lsoa", "within": [)" + within + "]" + dates() + people() + "}";
    }
    return R"({"format": "pbp/1", "name": "dated areas", "areas": [)" + areas + "]}";
}
}  // namespace

TEST_CASE("W010 and E206 day by day agree with footprints of the whole model on every stretch, on random models") {
    std::mt19937 random(20261207);
    std::size_t models = 0, findings = 0, dated = 0, looked_at = 0;
    for (int round = 0; round < 400; ++round) {
        const std::string text = dated_areas(random);
        auto r = load_model(text);
        if (!r.model) continue;  // a place listed twice in `within` (E009) and the like
        ++models;
        CAPTURE(text);
        const auto [want, looked] = day_by_day_findings(*r.model);
        CHECK(findings_of(validate(*r.model)) == want);
        findings += want.size();
        looked_at += looked;
        dated += std::count_if(want.begin(), want.end(), [](const std::string& f) {
            return f.find(" before ") != std::string::npos || f.find(" from ") != std::string::npos;
        });
    }
    // The random models exercise what they should: most load, many findings are dated, and
    // many areas that differ with every area counted at once are right on every day.
    CHECK(models > 300);
    CHECK(dated > 100);
    CHECK(looked_at > findings + 100);
}

namespace {
// The "Places and council boundaries" section of `pbp report`, from its title to the next
// section's (or the end).
std::string geography_section(const Model& m) {
    const std::string text = report(m, validate(m));
    const auto start = text.find("Places and council boundaries\n");
    REQUIRE(start != std::string::npos);
    const auto next = text.find("\n\n", start);
    return text.substr(start, next == std::string::npos ? std::string::npos : next + 1 - start);
}

// A system whose two places overlap and leave a gap (figures invented): x (100 people) lies in
// both places, y (200) in p2 only and z (50) in no place. `people`: which of the three have
// their population written.
std::shared_ptr<const Model> uncovered_system(std::string_view people = "xyz") {
    const auto population = [&](char leaf, int n) {
        return people.find(leaf) != std::string_view::npos ? ", \"population\": " + std::to_string(n) : std::string();
    };
    const std::string text = R"({"format": "pbp/1", "areas": [
        {"id": "sys", "kind": "ics", "name": "The System"},
        {"id": "p1", "kind": "place", "within": ["sys"]},
        {"id": "p2", "kind": "place", "within": ["sys"], "name": "Place Two"},
        {"id": "la", "kind": "local_authority"},
        {"id": "x", "kind": "lsoa", "within": ["p1", "p2", "la"])" + population('x', 100) + R"(},
        {"id": "y", "kind": "lsoa", "within": ["p2", "la"])" + population('y', 200) + R"(},
        {"id": "z", "kind": "lsoa", "within": ["sys", "la"])" + population('z', 50) + R"(}]})";
    LoadResult r = load_model(text);
    REQUIRE_MESSAGE(r.model, pbp::test::listing(r.diagnostics));
    return r.model;
}
}  // namespace

TEST_CASE("pbp report, places and councils, worked from small.json: every relation in words") {
    // The rows of the coterminosity test above, in the report's words: pa holds la1 (100 of its
    // 120 people, 20 outside); pb shares 300 of its 600 with la2, whose other 10 live outside
    // pb; pc is la4; pd, pe and pg share no one (pe's only leaf has 0 people); pf's 50 lie in
    // la5, whose other 200 do not. Only pc matches; 950 of 1,380 people fit (68.84%). north's
    // leaves {a, i, c, d} are pa's and pb's, once each: 100 + 20 + 300 + 300 = 720.
    CHECK(geography_section(*geography_model("small.json")) ==
          "Places and council boundaries\n"
          "=============================\n"
          "For each place, the council area (local_authority) sharing the most people with it:\n"
          "- pa: contains all of la1, which covers 83.33% of the place's people; 20 live outside it.\n"
          "- pb: overlaps la2, which covers 50.00% of the place's people; 300 of the place's people live outside "
          "it and 10 of the council's live outside the place.\n"
          "- pc: coterminous with la4 (100.00% of its people): the place is the council's footprint.\n"
          "- pd: shares no people with any council area.\n"
          "- pe: shares no people with any council area (no population recorded).\n"
          "- pf: lies within la5 (100.00% of its people), whose area holds 200 more people outside the place.\n"
          "- pg: shares no people with any council area.\n"
          "1 of 7 places match a council boundary; overall 68.84% of people live in the council area that best "
          "fits their place.\n"
          "The 2 places partition north: each of its 720 people lives in exactly one place.\n");
}

TEST_CASE("pbp report, places and councils: a system its places do not partition, in people or in small areas") {
    // p1 = {x} lies within la = {x, y, z} (100 of 350: 250 outside p1); p2 = {x, y} too (300 of
    // 350: 50 outside). sys = {x, y, z}: z (50) is in no place, x (100) in both.
    CHECK(geography_section(*uncovered_system()) ==
          "Places and council boundaries\n"
          "=============================\n"
          "For each place, the council area (local_authority) sharing the most people with it:\n"
          "- p1: lies within la (100.00% of its people), whose area holds 250 more people outside the place.\n"
          "- Place Two (p2): lies within la (100.00% of its people), whose area holds 50 more people outside the "
          "place.\n"
          "0 of 2 places match a council boundary; overall 100.00% of people live in the council area that best "
          "fits their place.\n"
          "The places do not partition The System (sys): 50 people live in no place; 100 people live in 2 places "
          "at once (p1, Place Two (p2)).\n");
    // With no populations the same cover is told in small areas, never as "0 people"; so is a
    // part with no one recorded in it when the rest of the system has people.
    const std::string bare = geography_section(*uncovered_system(""));
    CHECK(bare.find("The places do not partition The System (sys): 1 small area lies in no place; 1 small area "
                    "lies in 2 places at once (p1, Place Two (p2)) (no populations are recorded).\n") != std::string::npos);
    CHECK(bare.find(" 0 people") == std::string::npos);
    const std::string mixed = geography_section(*uncovered_system("xy"));
    CHECK(mixed.find("The places do not partition The System (sys): 1 small area lies in no place; 100 people live "
                     "in 2 places at once (p1, Place Two (p2)).\n") != std::string::npos);
    CHECK(mixed.find(" 0 people") == std::string::npos);
}

TEST_CASE("the hand-worked models raise nothing else") {
    CHECK(validate(*geography_model("small.json")).empty());
    CHECK(validate(*geography_model("fair_shares.json")).empty());
}

TEST_CASE("format_people: a comma before each group of three digits, the sign kept apart") {
    CHECK(format_people(Population(0)) == "0");
    CHECK(format_people(Population(999)) == "999");
    CHECK(format_people(Population(1000)) == "1,000");
    CHECK(format_people(Population(57106398)) == "57,106,398");  // England's people, mid-2022
    CHECK(format_people(Population(-123)) == "-123");            // no comma after the sign
    CHECK(format_people(Population(-123456)) == "-123,456");
}

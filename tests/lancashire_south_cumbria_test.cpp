// Tests on the bundled Lancashire and South Cumbria model (examples/models/lancashire-south-cumbria.json,
// written by scripts/models/lancashire_south_cumbria.py from the ONS data; seed paper 001). They state
// what the paper says, and what the real map shows, as checks that could fail.
//
// Every population below was computed from the data files, not from pbp, with this shell function
// (run from the repository root; `python3 data/england/make_lookup.py` writes the lookup):
//
//   lsc() { python3 -c "import csv,sys;P={r['lsoacd']:int(r['population']) for r in csv.DictReader(open('data/england/ons_lsoa21_population_mid2022_ew.csv',encoding='utf-8-sig'))};print(sum(P[r['LSOA21CD']] for r in csv.DictReader(open('data/england/england_lookup.csv')) if eval(sys.argv[1])))" "$1"; }
//
// and I="r['ICB24CD']=='E54000048'" (the ICB). Each figure's comment gives the argument, e.g.
// `lsc "$I"` prints 1737241. Coverages are those sums divided by hand, to 4 places.
#include "pbp/delegation.hpp"
#include "pbp/diff.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"

#include "bundled_support.hpp"
#include "test_support.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace pbp;
using Ids = std::vector<std::string>;

namespace {

constexpr const char* kName = "lancashire-south-cumbria";
// The day of the ICB board meeting that received the paper, and the realignment (the date is
// the model's choice, marked illustrative in its notes: the paper gives none).
constexpr const char* kJuly2022 = "2022-07-27";
constexpr const char* kRealigned = "2023-04-01";

std::shared_ptr<const Model> lsc() { return test::load_bundled(kName); }

using pbp::test::day;

Ids ids(const Model& m, const std::vector<Index>& v) {
    Ids out;
    for (Index i : v) out.push_back(m.id(i));
    return out;
}

Ids places_on(const Model& m, const char* d) {
    const Footprints fp(m, day(d));
    return ids(m, select_areas(fp, AreaSelection::of_kind("place")));
}

Population people(const Model& m, const Footprints& fp, const char* area) { return fp.population(*m.find(area)); }

const CoterminosityRow& row(const Coterminosity& c, const std::string& area) {
    auto it = std::find_if(c.areas.begin(), c.areas.end(), [&](const CoterminosityRow& r) { return r.area == area; });
    REQUIRE(it != c.areas.end());
    return *it;
}

const UnitFit& fit(const BoundaryRespect& r, const std::string& unit) {
    auto it = std::find_if(r.units.begin(), r.units.end(), [&](const UnitFit& u) { return u.unit == unit; });
    REQUIRE(it != r.units.end());
    return *it;
}

using Pieces = std::vector<std::pair<std::string, Population>>;

const Ids kPlaces2022{"place.central-lancashire", "place.fylde-coast", "place.morecambe-bay",
                      "place.pennine-lancashire", "place.west-lancashire"};
const Ids kPlacesAfter{"place.blackburn-darwen", "place.blackpool", "place.lancashire", "place.south-cumbria"};
const Ids kDeliveryUnits{"du.central-west", "du.east", "du.north-coastal"};

}  // namespace

TEST_CASE("lancashire-south-cumbria: is bundled and validates with no diagnostics at all") {
    pbp::test::check_bundled_clean(kName);
}

TEST_CASE("lancashire-south-cumbria: the leaves are the ICB's real LSOAs with their mid-2022 populations") {
    auto m = lsc();
    const Footprints fp(*m, std::nullopt);
    const Index ics = *m->find("ics.lsc");
    // python3 -c "import csv;print(sum(r['ICB24CD']=='E54000048' for r in csv.DictReader(open('data/england/england_lookup.csv'))))"
    CHECK(fp.leaves(ics).size() == 1060);
    for (Index l : fp.leaves(ics)) CHECK(m->at(l).kind == "lsoa");
    CHECK(fp.population(ics) == 1737241);  // lsc "$I"
    // A leaf chosen at random, checked by hand in both files: Burnley 008C, E01024866, 1698 people.
    const Index leaf = *m->find("E01024866");
    CHECK(fp.is_leaf(leaf));
    CHECK(m->at(leaf).population == 1698);
}

TEST_CASE("lancashire-south-cumbria: five places on 27 July 2022, four after the realignment") {
    auto m = lsc();
    CHECK(places_on(*m, kJuly2022) == kPlaces2022);
    CHECK(places_on(*m, "2023-03-31") == kPlaces2022);
    CHECK(places_on(*m, kRealigned) == kPlacesAfter);

    const Footprints before(*m, day(kJuly2022));
    CHECK(people(*m, before, "place.fylde-coast") == 341779);         // lsc "$I and r['SICBL24CDH'] in ('00R','02M')"
    CHECK(people(*m, before, "place.pennine-lancashire") == 552843);  // ... in ('00Q','01A')
    CHECK(people(*m, before, "place.central-lancashire") == 392055);  // ... in ('00X','01E')
    CHECK(people(*m, before, "place.west-lancashire") == 119367);     // ... in ('02G',)
    CHECK(people(*m, before, "place.morecambe-bay") == 331197);       // ... in ('01K',)

    const Footprints after(*m, day(kRealigned));
    CHECK(people(*m, after, "place.blackpool") == 141574);          // lsc "$I and r['UTLA23CD']=='E06000009'"
    CHECK(people(*m, after, "place.blackburn-darwen") == 155762);   // ... =='E06000008'
    CHECK(people(*m, after, "place.lancashire") == 1253154);        // ... =='E10000017'
    // lsc "$I and r['UTLA23CD'] not in ('E06000009','E06000008','E10000017')"
    CHECK(people(*m, after, "place.south-cumbria") == 186751);
}

TEST_CASE("lancashire-south-cumbria: the places partition the ICS on both dates") {
    auto m = lsc();
    for (const char* d : {kJuly2022, kRealigned}) {
        CAPTURE(d);
        const Partition p = partitions(*m, AreaSelection::of_kind("place"), "ics.lsc", day(d));
        CHECK(p.partitions);
        CHECK(p.gap.empty());
        CHECK(p.overlaps.empty());
        CHECK(p.outside.empty());
    }
}

TEST_CASE("lancashire-south-cumbria: the paper's four councils do not cover the ICS") {
    // 001 2.3 lists four councils "within the footprint". The real map: North Yorkshire's 6,197
    // people in the Morecambe Bay footprint are in none of them, and Cumbria's footprint reaches
    // 322,479 people outside the ICS.
    auto m = lsc();
    const Partition p = partitions(
        *m, AreaSelection::of_ids({"la.blackpool", "la.blackburn-darwen", "la.lancashire", "la.cumbria"}), "ics.lsc",
        day(kJuly2022));
    CHECK_FALSE(p.partitions);
    CHECK(p.gap == Ids{"E01027558", "E01027559", "E01027570"});  // Craven 001A, 001B, 001D in the lookup
    CHECK(p.gap_population == 6197);                            // lsc "$I and r['UTLA23CD']=='E06000065'"
    CHECK(p.overlaps.empty());
    REQUIRE(p.outside.size() == 1);
    CHECK(p.outside[0].area == "la.cumbria");
    // lsc "not $I and r['UTLA23CD'] in ('E06000063','E06000064')"
    CHECK(p.outside[0].population == 322479);
}

TEST_CASE("lancashire-south-cumbria: on 27 July 2022 no place is coterminous with a council (001 2.4)") {
    auto m = lsc();
    const Coterminosity c = coterminosity(*m, AreaSelection::of_kind("place"),
                                          AreaSelection::of_kind("local_authority"), day(kJuly2022));
    REQUIRE(c.areas.size() == 5);
    for (const auto& r : c.areas) {
        CAPTURE(r.area);
        CHECK(r.relation != AreaRelation::coterminous);
    }
    // Fylde Coast: Blackpool (141,574) and Fylde and Wyre (200,205 in Lancashire:
    // lsc "r['SICBL24CDH'] in ('00R','02M') and r['UTLA23CD']=='E10000017'"). 200205/341779 = 0.5858.
    const auto& fylde = row(c, "place.fylde-coast");
    CHECK(fylde.best == "la.lancashire");
    CHECK(fylde.overlap == 200205);
    CHECK(format_decimal(fylde.coverage, 4) == "0.5858");
    CHECK(fylde.relation == AreaRelation::overlaps);
    // Pennine Lancashire: 397,081 in Lancashire (... in ('00Q','01A') and ...). 397081/552843 = 0.7183.
    const auto& pennine = row(c, "place.pennine-lancashire");
    CHECK(pennine.best == "la.lancashire");
    CHECK(pennine.overlap == 397081);
    CHECK(format_decimal(pennine.coverage, 4) == "0.7183");
    CHECK(pennine.relation == AreaRelation::overlaps);
    // Central and West Lancashire lie inside Lancashire, a county of 1,253,154: within, not equal.
    CHECK(row(c, "place.central-lancashire").relation == AreaRelation::within);
    CHECK(row(c, "place.west-lancashire").relation == AreaRelation::within);
    CHECK(row(c, "place.central-lancashire").best_population == 1253154);
    // Morecambe Bay: Cumbria 180,554 (lsc "r['SICBL24CDH']=='01K' and r['UTLA23CD'] in
    // ('E06000063','E06000064')"), Lancaster 144,446, North Yorkshire 6,197. 180554/331197 = 0.5452.
    const auto& bay = row(c, "place.morecambe-bay");
    CHECK(bay.best == "la.cumbria");
    CHECK(bay.overlap == 180554);
    CHECK(format_decimal(bay.coverage, 4) == "0.5452");
    CHECK(bay.relation == AreaRelation::overlaps);
    // (392055 + 200205 + 180554 + 397081 + 119367) / 1737241 = 1289262 / 1737241 = 0.7421.
    CHECK(format_decimal(c.score, 4) == "0.7421");

    // And the other way round: no council's footprint is a place's.
    const Coterminosity back = coterminosity(*m, AreaSelection::of_kind("local_authority"),
                                             AreaSelection::of_kind("place"), day(kJuly2022));
    for (const auto& r : back.areas) {
        CAPTURE(r.area);
        CHECK(r.relation != AreaRelation::coterminous);
    }
}

TEST_CASE("lancashire-south-cumbria: after the realignment three places are their councils' footprints") {
    auto m = lsc();
    const Coterminosity c = coterminosity(*m, AreaSelection::of_kind("place"),
                                          AreaSelection::of_kind("local_authority"), day(kRealigned));
    REQUIRE(c.areas.size() == 4);
    for (auto [place, council] : std::map<std::string, std::string>{{"place.blackpool", "la.blackpool"},
                                                                     {"place.blackburn-darwen", "la.blackburn-darwen"},
                                                                     {"place.lancashire", "la.lancashire"}}) {
        CAPTURE(place);
        CHECK(row(c, place).best == council);
        CHECK(row(c, place).relation == AreaRelation::coterminous);
        CHECK(format_decimal(row(c, place).coverage, 4) == "1.0000");
    }
    // South Cumbria is not: its best match, Westmorland and Furness, shares 172,154 people
    // (lsc "$I and r['UTLA23CD']=='E06000064'"); 14,597 = 8,400 + 6,197 of the place are in
    // Cumberland and North Yorkshire, and 55,489 of the council's people are outside the ICS
    // (lsc "not $I and r['UTLA23CD']=='E06000064'"). 172154/186751 = 0.9218.
    const auto& sc = row(c, "place.south-cumbria");
    CHECK(sc.best == "la.westmorland-furness");
    CHECK(sc.relation == AreaRelation::overlaps);
    CHECK(sc.overlap == 172154);
    CHECK(sc.population - sc.overlap == 14597);
    CHECK(sc.best_population - sc.overlap == 55489);
    CHECK(format_decimal(sc.coverage, 4) == "0.9218");
    // (155762 + 141574 + 1253154 + 172154) / 1737241 = 1722644 / 1737241 = 0.9916.
    CHECK(format_decimal(c.score, 4) == "0.9916");
}

TEST_CASE("lancashire-south-cumbria: South Cumbria cannot be coterminous, the Cumbrian councils cross the boundary") {
    auto m = lsc();
    // Against Cumbria's footprint (the union of its successors, no date: Cumbria and the new
    // place never exist on the same day): 180,554 shared, 6,197 only in the place (North
    // Yorkshire), 322,479 only in Cumbria (lsc "not $I and r['UTLA23CD'] in ('E06000063','E06000064')").
    const Coterminosity c =
        coterminosity(*m, AreaSelection::of_ids({"place.south-cumbria"}), AreaSelection::of_ids({"la.cumbria"}));
    CHECK(c.areas[0].relation == AreaRelation::overlaps);
    CHECK(c.areas[0].overlap == 180554);
    CHECK(c.areas[0].population - c.areas[0].overlap == 6197);
    CHECK(c.areas[0].best_population - c.areas[0].overlap == 322479);

    // The reason: each council footprint has people on both sides of the ICS boundary, and a
    // place must lie inside one ICS (004, E206).
    const Footprints fp(*m, day(kRealigned));
    const Coterminosity ics =
        coterminosity(fp, AreaSelection::of_kind("local_authority"), AreaSelection::of_ids({"ics.lsc"}));
    struct Side {
        const char* council;
        long long inside, outside;
    };
    // lsc "$I and r['UTLA23CD']=='X'" and lsc "not $I and r['UTLA23CD']=='X'" for each code X.
    for (const Side& s : {Side{"la.cumberland", 8400, 266990}, Side{"la.westmorland-furness", 172154, 55489},
                          Side{"la.north-yorkshire", 6197, 617304}}) {
        CAPTURE(s.council);
        const auto& r = row(ics, s.council);
        CHECK(r.relation == AreaRelation::overlaps);
        CHECK(r.overlap == s.inside);
        CHECK(r.population - r.overlap == s.outside);
    }
    for (const char* whole : {"la.blackpool", "la.blackburn-darwen", "la.lancashire"}) {
        CAPTURE(whole);
        CHECK(row(ics, whole).relation == AreaRelation::within);
    }
    // Cumbria, on a day it exists: 180,554 in, 322,479 out.
    const Coterminosity old =
        coterminosity(*m, AreaSelection::of_ids({"la.cumbria"}), AreaSelection::of_ids({"ics.lsc"}), day(kJuly2022));
    CHECK(old.areas[0].overlap == 180554);
    CHECK(old.areas[0].population - old.areas[0].overlap == 322479);
}

TEST_CASE("lancashire-south-cumbria: South Cumbria holds the Morecambe Bay people in Cumberland and North Yorkshire") {
    auto m = lsc();
    const Footprints fp(*m, day(kRealigned));
    // People of place.south-cumbria in each council footprint.
    auto shared = [&](const char* council) {
        const auto a = fp.leaves(*m->find("place.south-cumbria"));
        const auto b = fp.leaves(*m->find(council));
        std::vector<Index> both;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
        return fp.population_of(both);
    };
    CHECK(shared("la.cumberland") == 8400);             // lsc "$I and r['UTLA23CD']=='E06000063'"
    CHECK(shared("la.north-yorkshire") == 6197);        // lsc "$I and r['UTLA23CD']=='E06000065'"
    CHECK(shared("la.westmorland-furness") == 172154);  // lsc "$I and r['UTLA23CD']=='E06000064'"
    CHECK(8400 + 6197 + 172154 == 186751);              // the whole place: nothing else is in it
    // The same people were in the Morecambe Bay place in 2022.
    const Footprints before(*m, day(kJuly2022));
    const auto bay = before.leaves(*m->find("place.morecambe-bay"));
    for (Index l : fp.leaves(*m->find("place.south-cumbria"))) CHECK(std::binary_search(bay.begin(), bay.end(), l));
}

TEST_CASE("lancashire-south-cumbria: 2022 places cut Preston and Ribble Valley, delivery units cut no district") {
    auto m = lsc();
    // 2022: districts against the places built on CCG footprints.
    const BoundaryRespect cut = respects_boundaries(*m, AreaSelection::of_kind("district"),
                                                    AreaSelection::of_kind("place"), day(kJuly2022));
    CHECK_FALSE(cut.respects);
    REQUIRE(cut.units.size() == 12);
    Ids split;
    for (const UnitFit& u : cut.units)
        if (!u.within) split.push_back(u.unit);
    CHECK(split == Ids{"lad.preston", "lad.ribble-valley"});
    // lsc "r['LAD24NM']=='Preston' and r['SICBL24CDH']=='01E'" (Central) and =='02M' (Fylde Coast).
    CHECK(fit(cut, "lad.preston").pieces == Pieces{{"place.central-lancashire", 149194}, {"place.fylde-coast", 2388}});
    // lsc "r['LAD24NM']=='Ribble Valley' and r['SICBL24CDH']=='01E'" (Central) and =='01A' (Pennine).
    CHECK(fit(cut, "lad.ribble-valley").pieces ==
          Pieces{{"place.central-lancashire", 12071}, {"place.pennine-lancashire", 51036}});
    // South Ribble lies in two CCG footprints (00X, 01E) but both are in Central Lancashire.
    CHECK(fit(cut, "lad.south-ribble").within == std::optional<std::string>("place.central-lancashire"));

    // Against the eight CCG footprints themselves South Ribble is cut too (00X 61,841, 01E 50,325).
    const BoundaryRespect by_ccg = respects_boundaries(
        *m, AreaSelection::of_kind("district"),
        AreaSelection::of_ids({"sicbl.00Q", "sicbl.00R", "sicbl.00X", "sicbl.01A", "sicbl.01E", "sicbl.01K",
                               "sicbl.02G", "sicbl.02M"}));
    CHECK(fit(by_ccg, "lad.south-ribble").pieces == Pieces{{"sicbl.00X", 61841}, {"sicbl.01E", 50325}});
    CHECK_FALSE(fit(by_ccg, "lad.south-ribble").within);

    // After the realignment: every district in one delivery unit (001 5.1.4: "The 3 sectors do
    // not cut across District boundaries"), and the units share out the Lancashire place.
    const BoundaryRespect units = respects_boundaries(*m, AreaSelection::of_kind("district"),
                                                      AreaSelection::of_ids(kDeliveryUnits), day(kRealigned));
    CHECK(units.respects);
    CHECK(fit(units, "lad.preston").within == std::optional<std::string>("du.central-west"));
    CHECK(fit(units, "lad.ribble-valley").within == std::optional<std::string>("du.east"));
    CHECK(partitions(*m, AreaSelection::of_ids(kDeliveryUnits), "place.lancashire", day(kRealigned)).partitions);
    const Footprints fp(*m, day(kRealigned));
    // lsc "r['LAD24NM'] in ('Burnley','Hyndburn','Pendle','Ribble Valley','Rossendale')" and so on.
    CHECK(people(*m, fp, "du.east") == 409152);
    CHECK(people(*m, fp, "du.central-west") == 501739);
    CHECK(people(*m, fp, "du.north-coastal") == 342263);
    // The delivery units do not exist in 2022: they are units of the single Lancashire place.
    CHECK_THROWS(respects_boundaries(*m, AreaSelection::of_kind("district"), AreaSelection::of_ids(kDeliveryUnits),
                                     day(kJuly2022)));
}

TEST_CASE("lancashire-south-cumbria: pbp diff shows the realignment") {
    auto m = lsc();
    const Diff d = diff(*m, day(kJuly2022), day(kRealigned));
    // Written from the paper: the four new places, their partnerships and delivery units, and
    // the councils that replaced Cumbria on 1 April 2023, appear; the five places and their
    // partnerships, and Cumbria, disappear.
    CHECK(d.entities_appeared == Ids{"du.central-west", "du.east", "du.north-coastal", "la.cumberland",
                                     "la.westmorland-furness", "pbp.blackburn-darwen", "pbp.blackpool",
                                     "pbp.lancashire", "pbp.south-cumbria", "place.blackburn-darwen",
                                     "place.blackpool", "place.lancashire", "place.south-cumbria",
                                     "westmorland-furness-council"});
    CHECK(d.entities_disappeared == Ids{"cumbria-cc", "la.cumbria", "pbp.central-lancashire", "pbp.fylde-coast",
                                        "pbp.morecambe-bay", "pbp.pennine-lancashire", "pbp.west-lancashire",
                                        "place.central-lancashire", "place.fylde-coast", "place.morecambe-bay",
                                        "place.pennine-lancashire", "place.west-lancashire"});
    // Dental and eye health are delegated to the ICB from April 2023 (001 4.2, 5.2.1).
    Ids delegations;
    for (const auto& r : d.relations_appeared)
        if (r.kind == RelationKind::delegates) delegations.push_back(r.id);
    CHECK(delegations == Ids{"del.primary-care-2023"});
    // Nothing is delegated to a place (4.7): where someone decides, it is the ICB or NHS England.
    for (const auto& c : d.decisions) {
        if (c.before) CHECK((c.before->decision_maker == "nhse" || c.before->decision_maker == "lsc-icb"));
        if (c.after) CHECK((c.after->decision_maker == "nhse" || c.after->decision_maker == "lsc-icb"));
    }
}

TEST_CASE("lancashire-south-cumbria: pbp report shows the cover and the cut districts on each date") {
    auto m = lsc();
    const std::string before = report(*m, validate(*m), day(kJuly2022));
    // lsc "$I" = 1737241; Preston and Ribble Valley pieces as in the boundary test above.
    CHECK(before.find("The 5 places partition Lancashire and South Cumbria ICS (ics.lsc): each of its 1,737,241 "
                      "people lives in exactly one place.") != std::string::npos);
    CHECK(before.find("- Preston (lad.preston): 149,194 in Central Lancashire (place.central-lancashire); 2,388 in "
                      "Fylde Coast (place.fylde-coast)") != std::string::npos);
    CHECK(before.find("- Ribble Valley (lad.ribble-valley): 12,071 in Central Lancashire") != std::string::npos);
    CHECK(before.find("0 of 5 places match a council boundary") != std::string::npos);

    const std::string after = report(*m, validate(*m), day(kRealigned));
    CHECK(after.find("The 4 places partition Lancashire and South Cumbria ICS (ics.lsc)") != std::string::npos);
    CHECK(after.find("No district is split between places.") != std::string::npos);
    CHECK(after.find("3 of 4 places match a council boundary") != std::string::npos);
}

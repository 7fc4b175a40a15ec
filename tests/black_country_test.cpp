// Tests on the bundled Black Country model (examples/models/black-country.json, written by
// scripts/models/black_country.py and compiled into the library; seed paper 003, Sandwell and
// West Birmingham Hospitals NHS Trust board, 7 October 2021). Each test is a statement of the
// paper, asked of the model. Structural answers (chains, providers, hosts) were worked out by
// hand from the paper's table and the model's links, as the comments say; populations were
// computed from the data files, independently of the generator, with
//
//   zcat data/england/lsoa21_sicbl24_icb24_lad24_en.csv.gz | awk -F, -v lad=E08000027 \
//     'NR==FNR{p[$1]=$2; next} $9==lad{n++; s+=p[$1]} END{print n, s}' \
//     data/england/ons_lsoa21_population_mid2022_ew.csv -
//
// (one run per borough code; `$6=="E54000062"` instead of `$9==lad` for the ICB), which prints
// Dudley E08000027: 203 LSOAs, 324,969 people; Sandwell E08000028: 190, 344,210; Walsall
// E08000030: 169, 286,105; Wolverhampton E08000031: 161, 267,651; the ICB: 723, 1,222,935.
// West Birmingham is no ONS area: an illustrative leaf with no population.
#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/error.hpp"
#include "pbp/fair_shares.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include "bundled_support.hpp"
#include "test_support.hpp"
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace pbp;
using Ids = std::vector<std::string>;

namespace {

std::shared_ptr<const Model> bc() { return test::load_bundled("black-country"); }

using pbp::test::day;

// The paper's date, and the day ICBs were established (West Birmingham leaves the system).
const char* const kPaper = "2021-10-07";
const char* const kIcb = "2022-07-01";

const Ids kBoroughPlaces{"place.dudley", "place.sandwell", "place.walsall", "place.wolverhampton"};

// The model's entity `id` as written in the file (for its attrs, which the typed model does not keep).
boost::json::value document_of(const Model& m, const std::string& id) {
    auto i = m.find(id);
    REQUIRE(i.has_value());
    return m.document().at_pointer(m.at(*i).pointer);
}

using pbp::test::strings;

}  // namespace

TEST_CASE("black-country: is bundled and validates with no diagnostics at all") {
    pbp::test::check_bundled_clean("black-country");
}

TEST_CASE("black-country: five places in October 2021, four from 1 July 2022") {
    // 003 paragraph 6 and its table: Dudley, Walsall, Wolverhampton, Sandwell, West Birmingham.
    // West Birmingham moved to NHS Birmingham and Solihull ICB on 1 July 2022.
    auto m = bc();
    auto places_on = [&](const char* d) {
        Footprints fp(*m, day(d));
        Ids out;
        for (Index i : select_areas(fp, AreaSelection::of_kind("place"))) out.push_back(m->id(i));
        return out;
    };
    CHECK(places_on(kPaper) == Ids{"place.dudley", "place.sandwell", "place.walsall", "place.west-birmingham",
                                   "place.wolverhampton"});
    CHECK(places_on("2022-06-30") == places_on(kPaper));
    CHECK(places_on(kIcb) == kBoroughPlaces);
    // West Birmingham is illustrative, and says so.
    const boost::json::value west_birmingham = document_of(*m, "place.west-birmingham");
    const auto& wb = west_birmingham.as_object();
    CHECK(wb.at("attrs").at("illustrative").as_bool());
    CHECK(std::string(wb.at("notes").as_string().c_str()).find("ILLUSTRATIVE") != std::string::npos);
}

TEST_CASE("black-country: the places' people are the boroughs' ONS mid-2022 populations") {
    auto m = bc();
    Footprints fp(*m, day(kIcb));
    // Computed from the data files with the command at the top of this file.
    const std::pair<const char*, std::int64_t> places[] = {
        {"place.dudley", 324969}, {"place.sandwell", 344210}, {"place.walsall", 286105}, {"place.wolverhampton", 267651}};
    const std::pair<const char*, std::size_t> lsoas[] = {
        {"place.dudley", 203}, {"place.sandwell", 190}, {"place.walsall", 169}, {"place.wolverhampton", 161}};
    for (const auto& [id, people] : places) {
        CAPTURE(id);
        CHECK(fp.population(*m->find(id)) == people);
    }
    for (const auto& [id, n] : lsoas) {
        CAPTURE(id);
        auto leaves = fp.leaves(*m->find(id));
        CHECK(leaves.size() == n);
        for (Index l : leaves) CHECK(m->at(l).kind == "lsoa");
    }
    // 324,969 + 344,210 + 286,105 + 267,651 = 1,222,935 in 723 LSOAs, the ICB's whole footprint.
    const Index ics = *m->find("ics.black-country");
    CHECK(fp.population(ics) == 1222935);
    CHECK(fp.leaves(ics).size() == 723);
    // On the paper's day the ICS also holds West Birmingham, a leaf with no people.
    Footprints then(*m, day(kPaper));
    CHECK(then.population(ics) == 1222935);
    CHECK(then.leaves(ics).size() == 724);
    CHECK(then.is_leaf(*m->find("place.west-birmingham")));
    CHECK(then.population(*m->find("place.west-birmingham")) == 0);
}

TEST_CASE("black-country: a place is usually coterminous with a council: four of the five") {
    // 003 paragraph 1: "'place' (which will usually be coterminous with a local government
    // footprint)". Each borough place has exactly its council's LSOAs; West Birmingham, part of
    // Birmingham, has no council area in this model and no people, so it is disjoint from every
    // council area, and its best match is the smallest id (SPEC 2.6.8).
    auto m = bc();
    Coterminosity c = coterminosity(*m, AreaSelection::of_kind("place"), AreaSelection::of_kind("local_authority"),
                                    day(kPaper));
    const std::map<std::string, std::string> council{{"place.dudley", "la.dudley"},
                                                     {"place.sandwell", "la.sandwell"},
                                                     {"place.walsall", "la.walsall"},
                                                     {"place.wolverhampton", "la.wolverhampton"}};
    REQUIRE(c.areas.size() == 5);
    int coterminous = 0;
    for (const auto& row : c.areas) {
        CAPTURE(row.area);
        if (row.area == "place.west-birmingham") {
            CHECK(row.relation == AreaRelation::disjoint);
            CHECK(row.best == "la.dudley");
            CHECK(row.population == 0);
            CHECK(row.coverage == 0);
            continue;
        }
        CHECK(row.best == council.at(row.area));
        CHECK(row.relation == AreaRelation::coterminous);
        CHECK(row.coverage == 1);
        coterminous += row.relation == AreaRelation::coterminous;
    }
    CHECK(coterminous == 4);
    // Every person lives in the best-matching council area of their place.
    CHECK(c.score == 1);

    // Paragraph 8: partners should consider health and wellbeing board footprints. Each borough's
    // HWB is its council's, and so its place's.
    for (const auto& [place, la] : council) {
        const std::string key = place.substr(std::string("place.").size());
        const Entity& hwb = m->at(*m->find("hwb." + key));
        CHECK(hwb.kind == "health_and_wellbeing_board");
        REQUIRE(hwb.place != npos);
        CHECK(m->id(hwb.place) == la);
    }
}

TEST_CASE("black-country: the places cover the system with no gap and no overlap") {
    auto m = bc();
    // From 1 July 2022 the four places partition the ICB's footprint, which the sub-ICB location
    // D2P2L also brings in from the lookup's SICBL column (independently of the places): a
    // borough LSOA missing from its place, or one in two places, would show here.
    Partition after = partitions(*m, AreaSelection::of_kind("place"), "ics.black-country", day(kIcb));
    CHECK(after.partitions);
    CHECK(after.gap.empty());
    CHECK(after.overlaps.empty());
    CHECK(after.outside.empty());
    Coterminosity sicbl = coterminosity(*m, AreaSelection::of_ids({"sicbl.d2p2l"}),
                                        AreaSelection::of_ids({"ics.black-country"}), day(kIcb));
    REQUIRE(sicbl.areas.size() == 1);
    CHECK(sicbl.areas[0].relation == AreaRelation::coterminous);
    CHECK(sicbl.areas[0].population == 1222935);
    // In October 2021, the five places partition the Black Country and West Birmingham.
    Partition before = partitions(*m, AreaSelection::of_kind("place"), "ics.black-country", day(kPaper));
    CHECK(before.partitions);
    CHECK(before.parts.size() == 5);
    // The sub-ICB location exists only from 1 July 2022.
    CHECK_THROWS_AS(coterminosity(*m, AreaSelection::of_ids({"sicbl.d2p2l"}), AreaSelection::of_kind("place"),
                                  day(kPaper)),
                    InvalidArgument);
}

TEST_CASE("black-country: the providers serving each place, as the paper's table has them") {
    // 003 paragraph 6's table, column by column. WMAS spans all five columns; each borough has
    // its acute trust (Sandwell & West Birmingham's cell read as spanning Sandwell and West
    // Birmingham); Black Country Healthcare the four Black Country columns and BSMHT West
    // Birmingham's; the note "Community MH subcontracted by DIHC" puts DIHC in Dudley.
    auto m = bc();
    const Date d = day(kPaper);
    const std::map<std::string, std::set<std::string>> expected{
        {"place.dudley", {"wmas", "dgft", "bchft", "dihc"}},
        {"place.walsall", {"wmas", "whc", "bchft"}},
        {"place.wolverhampton", {"wmas", "rwt", "bchft"}},
        {"place.sandwell", {"wmas", "swbh", "bchft"}},
        {"place.west-birmingham", {"wmas", "swbh", "bsmht"}},
    };
    std::map<std::string, std::set<std::string>> serving;
    for (Index i = 0; i < m->entities.size(); ++i) {
        const Entity& e = m->at(i);
        if (e.section != Section::organisation || !m->exists(i, d)) continue;
        if (e.kind != "nhs_trust" && e.kind != "foundation_trust") continue;
        for (Index p : e.serves)
            if (m->at(p).kind == "place") serving[m->id(p)].insert(e.id);
    }
    CHECK(serving == expected);

    // Each provider's row of the table: the services it provides.
    const Ids acute{"Specialist local acute services", "Inpatient Elective and Non-Elective", "Critical Care",
                    "Maternity"};
    for (const char* t : {"dgft", "whc", "rwt", "swbh"}) {
        CAPTURE(t);
        CHECK(strings(document_of(*m, t).at("attrs").at("services")) == acute);
    }
    CHECK(strings(document_of(*m, "wmas").at("attrs").at("services")) == Ids{"UEC System", "NHS 111", "NHS 999"});
    CHECK(strings(document_of(*m, "bsmht").at("attrs").at("services")) == Ids{"All MH & LD system functions"});
    CHECK(strings(document_of(*m, "bchft").at("attrs").at("services")).size() == 2);

    // The subcontract: DIHC commissions Black Country Healthcare for Dudley's community MH.
    int subcontracts = 0;
    for (const auto& r : m->relations)
        if (r.kind == RelationKind::commissions) {
            CHECK(m->id(r.from) == "dihc");
            CHECK(m->id(r.to) == "bchft");
            ++subcontracts;
        }
    CHECK(subcontracts == 1);
}

TEST_CASE("black-country: every place has one partnership delivering the same seven services") {
    // 003 paragraph 6's table: Dudley ICP, Walsall Together, Wolverhampton ICP, Sandwell ICP and
    // West Birmingham head the five columns, each with the same seven rows.
    auto m = bc();
    const Date d = day(kPaper);
    const std::map<std::string, std::string> expected{
        {"place.dudley", "Dudley ICP"},       {"place.walsall", "Walsall Together"},
        {"place.wolverhampton", "Wolverhampton ICP"}, {"place.sandwell", "Sandwell ICP"},
        {"place.west-birmingham", "West Birmingham"}};
    const Ids services{"Primary Care",
                       "Community Health Services",
                       "Primary Care Mental Health Services & IAPT",
                       "Better Care Fund Services",
                       "Community Diagnostics",
                       "*Acute Outpatients",
                       "GP Out of Hours/Urgent Treatment Centre/A&E"};
    std::map<std::string, std::string> found;
    for (Index i = 0; i < m->entities.size(); ++i) {
        const Entity& e = m->at(i);
        if (e.kind != "partnership" || !m->exists(i, d)) continue;
        REQUIRE(e.place != npos);
        CHECK(found.count(m->id(e.place)) == 0);  // one partnership per place
        found[m->id(e.place)] = e.name;
        CAPTURE(e.id);
        CHECK(strings(document_of(*m, e.id).at("attrs").at("services")) == services);
        // Its partners include every provider serving the place (the table's column).
        for (Index o = 0; o < m->entities.size(); ++o) {
            const Entity& org = m->at(o);
            if (org.kind != "nhs_trust" && org.kind != "foundation_trust") continue;
            if (std::find(org.serves.begin(), org.serves.end(), e.place) == org.serves.end()) continue;
            CAPTURE(org.id);
            CHECK(std::find(e.of.begin(), e.of.end(), o) != e.of.end());
        }
    }
    CHECK(found == expected);
}

TEST_CASE("black-country: SWBH is the host provider in Sandwell and nowhere else") {
    // 003 paragraph 17: "In Sandwell, the Trust will be taking a lead role, initially as 'host
    // provider' and by hosting the key executive role of Director of Integration. In Ladywood &
    // Perry Barr, we are not and will not be the host provider".
    auto m = bc();
    std::set<std::pair<std::string, std::string>> hosts;
    for (const auto& r : m->relations)
        if (r.kind == RelationKind::hosts) hosts.emplace(m->id(r.from), m->id(r.to));
    CHECK(hosts == std::set<std::pair<std::string, std::string>>{{"swbh", "pbp.sandwell"},
                                                                {"swbh", "sandwell.director-of-integration"}});
    const Entity& director = m->at(*m->find("sandwell.director-of-integration"));
    CHECK(director.details().title == "Director of Integration");
    CHECK(m->id(director.in) == "pbp.sandwell");
    CHECK(m->id(director.employer) == "swbh");
    CHECK(m->id(m->at(director.in).place) == "place.sandwell");

    // Paragraph 11: executive leads "work for all the partners through a Lead or Host Provider".
    // The Director sits in the partnership, which belongs to its partners: Sandwell council, the
    // CCG, the ICB, WMAS, SWBH and Black Country Healthcare. The shortest chain runs through the
    // council to its electorate (3 steps; through any NHS partner it is 5 to Parliament).
    Accountability a = accountability(*m, "sandwell.director-of-integration");
    CHECK(a.chain == Ids{"sandwell.director-of-integration", "pbp.sandwell", "sandwell-mbc", "electorate.sandwell"});
    CHECK(a.apexes == Ids{"electorate.sandwell", "parliament"});
    for (const char* partner : {"sandwell-mbc", "bcwb-ccg", "bc-icb", "wmas", "swbh", "bchft"}) {
        CAPTURE(partner);
        CHECK(std::find(a.reachable.begin(), a.reachable.end(), partner) != a.reachable.end());
    }
    // In October 2021 the ICB did not exist yet: the same chain, without it.
    Accountability then = accountability(*m, "sandwell.director-of-integration", day(kPaper));
    CHECK(then.chain == a.chain);
    CHECK(std::find(then.reachable.begin(), then.reachable.end(), "bc-icb") == then.reachable.end());
}

TEST_CASE("black-country: West Birmingham answers to Birmingham and leaves on 1 July 2022") {
    auto m = bc();
    Accountability a = accountability(*m, "pbp.west-birmingham", day(kPaper));
    CHECK(a.chain == Ids{"pbp.west-birmingham", "birmingham-cc", "electorate.birmingham"});
    CHECK(a.apexes == Ids{"electorate.birmingham", "parliament"});
    CHECK(std::find(a.reachable.begin(), a.reachable.end(), "swbh") != a.reachable.end());
    CHECK_THROWS_AS(accountability(*m, "pbp.west-birmingham", day(kIcb)), InvalidArgument);
}

TEST_CASE("black-country: some providers are in both a provider collaborative and a place partnership") {
    // 003 paragraph 7: "some providers will be members of both provider collaboratives and
    // place-based partnerships". The collaborative is illustrative (the paper names none): the
    // four acute trusts of the table, each also a partner of its borough's partnership.
    auto m = bc();
    const Entity& pc = m->at(*m->find("bc.provider-collaborative"));
    CHECK(pc.kind == "provider_collaborative");
    CHECK(document_of(*m, pc.id).at("attrs").at("illustrative").as_bool());
    const std::map<std::string, std::string> home{
        {"dgft", "pbp.dudley"}, {"rwt", "pbp.wolverhampton"}, {"swbh", "pbp.sandwell"}, {"whc", "pbp.walsall"}};
    REQUIRE(pc.of.size() == home.size());
    for (Index t : pc.of) {
        CAPTURE(m->id(t));
        const Entity& partnership = m->at(*m->find(home.at(m->id(t))));
        CHECK(std::find(partnership.of.begin(), partnership.of.end(), t) != partnership.of.end());
    }
}

TEST_CASE("black-country: the ICB and the ICP from 1 July 2022, the CCG before") {
    // 003 paragraph 2 (ICSs to become statutory bodies) and paragraph 10 (the ICP's strategy and
    // the ICB's plan). The ICP is a joint committee of the ICB and the four councils: the shortest
    // chains run to the electorates (3 nodes), and "dudley-mbc" is the smallest council id.
    auto m = bc();
    Accountability icp = accountability(*m, "bc.icp", day(kIcb));
    CHECK(icp.chain == Ids{"bc.icp", "dudley-mbc", "electorate.dudley"});
    CHECK(icp.apexes == Ids{"electorate.dudley", "electorate.sandwell", "electorate.walsall", "electorate.wolverhampton",
                            "parliament"});
    CHECK_THROWS_AS(accountability(*m, "bc.icp", day(kPaper)), InvalidArgument);
    CHECK(accountability(*m, "bcwb-ccg", day(kPaper)).chain == Ids{"bcwb-ccg", "nhse", "dhsc", "parliament"});
    CHECK_THROWS_AS(accountability(*m, "bcwb-ccg", day(kIcb)), InvalidArgument);
    CHECK(accountability(*m, "bc-icb", day(kIcb)).chain == Ids{"bc-icb", "nhse", "dhsc", "parliament"});
    CHECK_THROWS_AS(accountability(*m, "bc-icb", day(kPaper)), InvalidArgument);
}

TEST_CASE("black-country: funds allocated on the populations served") {
    // 003 paragraph 14: "the correct allocation of funds based on the needs of the populations
    // served". An illustrative £100,000,000 shared by population (need index 1) among the four
    // places from 1 July 2022: 10,000,000,000 pence x population / 1,222,935, rounded down, the
    // two pence left going to the largest remainders (Dudley's and Walsall's), worked out with
    //   python3 -c "T=10**10; P=[324969,344210,286105,267651]; S=sum(P); print([(T*p//S, T*p%S) for p in P])"
    auto m = bc();
    FairShares f = fair_shares(*m, *Money::parse("100000000"), AreaSelection::of_kind("place", "ics.black-country"),
                               std::nullopt, day(kIcb));
    REQUIRE(f.shares.size() == 4);
    CHECK(f.shares[0].area == "place.dudley");
    CHECK(f.shares[0].amount == *Money::parse("26572875.91"));
    CHECK(f.shares[1].area == "place.sandwell");
    CHECK(f.shares[1].amount == *Money::parse("28146222.00"));
    CHECK(f.shares[2].area == "place.walsall");
    CHECK(f.shares[2].amount == *Money::parse("23394947.40"));
    CHECK(f.shares[3].area == "place.wolverhampton");
    CHECK(f.shares[3].amount == *Money::parse("21885954.69"));
    Money sum;
    for (const auto& s : f.shares) sum += s.amount;
    CHECK(sum == *Money::parse("100000000.00"));
}

TEST_CASE("black-country: save then load gives the same document and the same answers") {
    auto m = bc();
    const auto again = pbp::test::saved_and_loaded(*m);
    for (const char* d : {kPaper, kIcb}) {
        Coterminosity a = coterminosity(*m, AreaSelection::of_kind("place"), AreaSelection::of_kind("local_authority"), day(d));
        Coterminosity b = coterminosity(*again, AreaSelection::of_kind("place"),
                                        AreaSelection::of_kind("local_authority"), day(d));
        CHECK(to_json(a) == to_json(b));
        for (Index i = 0; i < m->entities.size(); ++i) {
            if (!m->exists(i, day(d)) || m->at(i).section == Section::area) continue;
            const std::string& id = m->id(i);
            CAPTURE(id);
            CHECK(accountability(*m, id, day(d)).chain == accountability(*again, id, day(d)).chain);
        }
    }
}

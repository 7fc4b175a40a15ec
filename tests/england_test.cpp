// The bundled `england` model, built at build time from data/england by pbp import-ods, against
// what the data says. The expected figures are not pbp's output: they are the checks
// data/england/README.md records for its files, and the figures data/england/ods_facts.py
// computes from the CSVs with Python's standard library alone (a second, independent method).
#include "bundled_support.hpp"

#include "pbp/accountability.hpp"
#include "pbp/partners.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

std::shared_ptr<const pbp::Model> england() {
    static const auto model = pbp::test::load_bundled("england");
    return model;
}

std::map<std::string, std::size_t> organisations_by_kind(const pbp::Model& m) {
    std::map<std::string, std::size_t> out;
    for (const auto& e : m.entities)
        if (e.section == pbp::Section::organisation) ++out[e.kind];
    return out;
}

std::vector<pbp::Index> of_kind(const pbp::Model& m, std::string_view kind) {
    std::vector<pbp::Index> out;
    for (pbp::Index i = 0; i < m.entities.size(); ++i)
        if (m.entities[i].section == pbp::Section::organisation && m.entities[i].kind == kind) out.push_back(i);
    return out;
}

// The register findings kept with each organisation (attrs.register_findings), by code.
std::map<std::string, std::set<std::string>> findings_by_code(const pbp::Model& m) {
    std::map<std::string, std::set<std::string>> out;
    const boost::json::value doc = m.document();
    for (const auto& o : doc.at("organisations").as_array()) {
        const auto* attrs = o.as_object().if_contains("attrs");
        const auto* list = attrs ? attrs->as_object().if_contains("register_findings") : nullptr;
        if (!list) continue;
        for (const auto& f : list->as_array()) out[std::string(f.as_string()).substr(0, 4)].insert(std::string(o.at("id").as_string()));
    }
    return out;
}

std::size_t count_findings(const pbp::Model& m, std::string_view code) {
    std::size_t n = 0;
    const boost::json::value doc = m.document();
    for (const auto& o : doc.at("organisations").as_array()) {
        const auto* attrs = o.as_object().if_contains("attrs");
        const auto* list = attrs ? attrs->as_object().if_contains("register_findings") : nullptr;
        if (!list) continue;
        for (const auto& f : list->as_array()) n += std::string_view(f.as_string()).substr(0, 4) == code;
    }
    return n;
}

}  // namespace

TEST_CASE("england: validates with no error and no warning") {
    const auto ds = pbp::validate(*england());
    CHECK(pbp::count_errors(ds) == 0);
    CHECK(ds.empty());
}

TEST_CASE("england: the organisations data/england holds, counted by kind") {
    const auto& m = *england();
    const auto kinds = organisations_by_kind(m);
    CHECK(kinds.at("parliament") == 1);
    CHECK(kinds.at("department") == 1);
    CHECK(kinds.at("nhs_england") == 1);
    CHECK(kinds.at("icb") == 42);
    // ods_facts.py: 202 open English trusts, 140 of them foundation trusts.
    CHECK(kinds.at("foundation_trust") == 140);
    CHECK(kinds.at("nhs_trust") == 62);
    // England's 317 councils with the ONS 2023 codes, counted as the distinct English codes of
    // either tier of ons_ltla23_utla23_ew.csv: E06 63, E07 164, E08 36, E09 33, E10 21
    // (ods_facts.py). Unitary authorities, metropolitan and London boroughs are each their own
    // upper tier: 63 + 36 + 33 = 132.
    CHECK(kinds.at("unitary_authority") == 132);
    CHECK(kinds.at("district_council") == 164);
    CHECK(kinds.at("county_council") == 21);
    CHECK(kinds.at("electorate") == 317);
    std::map<std::string, std::size_t> by_prefix;
    for (const auto& kind : {"unitary_authority", "district_council", "county_council"})
        for (pbp::Index i : of_kind(m, kind)) ++by_prefix[m.at(i).codes.at("ons").substr(0, 3)];
    CHECK(by_prefix == std::map<std::string, std::size_t>{{"E06", 63}, {"E07", 164}, {"E08", 36}, {"E09", 33}, {"E10", 21}});
    // README 3d: 1,285 open PCNs. ods_facts.py: 6,220 active English GP practices.
    CHECK(kinds.at("pcn") == 1285);
    CHECK(kinds.at("gp_practice") == 6220);
}

TEST_CASE("england: seven NHS England regions and 106 sub-ICB locations, teams") {
    const auto& m = *england();
    std::size_t regions = 0, sub_icbs = 0;
    for (const auto& e : m.entities) {
        if (e.section != pbp::Section::body) continue;
        CHECK(e.kind == "team");
        const std::string owner = m.id(e.of.at(0));
        if (owner == "nhs-england") ++regions;
        else if (m.at(e.of.at(0)).kind == "icb") ++sub_icbs;
    }
    CHECK(regions == 7);
    CHECK(sub_icbs == 106);
}

TEST_CASE("england: open trusts by NHS England region") {
    // README 3b (and ods_facts.py): Y60 39, Y56 31, Y62 31, Y63 31, Y59 29, Y61 22, Y58 19.
    const auto& m = *england();
    std::map<std::string, std::size_t> by_region;
    for (const auto& r : m.relations) {
        const auto& from = m.at(r.from);
        if (r.kind == pbp::RelationKind::reports_to && (from.kind == "nhs_trust" || from.kind == "foundation_trust"))
            ++by_region[m.id(r.to)];
    }
    CHECK(by_region == std::map<std::string, std::size_t>{{"Y56", 31}, {"Y58", 19}, {"Y59", 29}, {"Y60", 39},
                                                          {"Y61", 22}, {"Y62", 31}, {"Y63", 31}});
}

TEST_CASE("england: every ICB's and trust's chain ends at Parliament, every council's at its electorate") {
    const auto& m = *england();
    for (pbp::Index i : of_kind(m, "icb"))
        CHECK(pbp::accountability(m, i).chain == std::vector<std::string>{m.id(i), "nhs-england", "dhsc", "parliament"});
    for (const auto& kind : {"nhs_trust", "foundation_trust"})
        for (pbp::Index i : of_kind(m, kind))
            CHECK(pbp::accountability(m, i).chain == std::vector<std::string>{m.id(i), "nhs-england", "dhsc", "parliament"});
    for (const auto& kind : {"unitary_authority", "district_council", "county_council"})
        for (pbp::Index i : of_kind(m, kind)) {
            const auto a = pbp::accountability(m, i);
            CHECK(a.chain == std::vector<std::string>{m.id(i), "electorate." + m.at(i).codes.at("ons")});
            CHECK(a.apexes == std::vector<std::string>{"electorate." + m.at(i).codes.at("ons")});
        }
}

TEST_CASE("england: a GP practice, an independent contractor, is its own terminal") {
    const auto& m = *england();
    std::size_t members = 0, commissioned = 0;
    for (const auto& r : m.relations) {
        members += r.kind == pbp::RelationKind::member_of && !r.valid.to;
        commissioned += r.kind == pbp::RelationKind::commissions;
    }
    // ods_facts.py: 6,125 practices in an open PCN; every one of the 6,220 commissioned.
    CHECK(members == 6125);
    CHECK(commissioned == 6220);
    for (const auto& kind : {"gp_practice", "pcn"})
        for (pbp::Index i : of_kind(m, kind)) {
            const auto a = pbp::accountability(m, i);
            CHECK(a.chain == std::vector<std::string>{m.id(i)});
            CHECK(a.reachable.empty());
        }
}

TEST_CASE("england: where the registers disagree, as ods_facts.py finds from the CSVs") {
    const auto& m = *england();
    const auto by_code = findings_by_code(m);
    // 16 practices whose PCN sits in another sub-ICB location.
    CHECK(by_code.at("W601") == std::set<std::string>{"A87017", "C82005", "C82112", "C82628", "L82008", "M83022",
                                                     "M83066", "M83143", "M83627", "P81079", "P81179", "P81181",
                                                     "P81185", "P81692", "Y01127", "Y02867"});
    CHECK(by_code.at("W602").size() == 95);          // active practices in no PCN
    CHECK(count_findings(m, "W603") == 96);          // memberships of closed or dormant practices
    CHECK(count_findings(m, "W605") == 3);           // members Y00361, Y00848, Y05180: not GP practices
    CHECK(by_code.at("W608") == std::set<std::string>{"U13557", "U62999"});  // open PCNs with no active member
}

TEST_CASE("england: pbp report summarises primary care and names the practices the registers disagree about") {
    const auto& m = *england();
    const std::string text = pbp::report(m, pbp::validate(m));
    CHECK(text.find("6,220 GP practices and 1,285 primary care networks.") != std::string::npos);
    // A national model is summarised by commissioner; each practice is not listed.
    CHECK(text.find("THE DENSHAM SURGERY (A81001)") == std::string::npos);
    CHECK(text.find("\n- NHS North East and North Cumbria Integrated Care Board (QHM): ") != std::string::npos);
    // ods_epraccur.csv: Y08645 WAVERLEY MEDICAL CENTRE, active, ICB QF7 (NHS South Yorkshire),
    // commissioner 03L from 20241101; ods_epcn_core_partner_details.csv never names it (W602).
    CHECK(text.find("\n- WAVERLEY MEDICAL CENTRE (Y08645)\n    network: none\n    commissioner: NHS South Yorkshire "
                    "Integrated Care Board (QF7), sub-ICB location 03L, from 2024-11-01\n") != std::string::npos);
    // The ten upper-tier councils split between ICBs (england_areas_test.cpp, facts.py).
    CHECK(text.find("10 of 153 council areas cross an ICS boundary.") != std::string::npos);
}

TEST_CASE("england: who Lancashire and South Cumbria ICB must work with") {
    // ods_facts.py, from england_lookup.csv and the mid-2022 LSOA populations: the ICB's 1,737,241
    // people; Blackburn with Darwen, Blackpool and Lancashire wholly inside; Cumberland,
    // Westmorland and Furness and North Yorkshire in part.
    const pbp::Partners p = pbp::partners(*england(), "QE1");
    CHECK(p.areas == std::vector<std::string>{"E54000048"});
    CHECK(p.population == 1737241);
    CHECK(p.uncovered == 0);
    struct Expected {
        const char* council;
        std::int64_t overlap, population;
        bool whole;
    };
    const std::vector<Expected> expected{
        {"council.E06000008", 155762, 155762, true},  {"council.E06000009", 141574, 141574, true},
        {"council.E06000063", 8400, 275390, false},   {"council.E06000064", 172154, 227643, false},
        {"council.E06000065", 6197, 623501, false},   {"council.E10000017", 1253154, 1253154, true}};
    REQUIRE(p.councils.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        CHECK(p.councils[k].council == expected[k].council);
        CHECK(p.councils[k].overlap == expected[k].overlap);
        CHECK(p.councils[k].population == expected[k].population);
        CHECK(p.councils[k].whole == expected[k].whole);
    }
    CHECK(england()->at(england()->find("council.E06000064").value()).name == "Westmorland and Furness (unitary authority)");
}

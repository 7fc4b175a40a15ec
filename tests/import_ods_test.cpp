// Tests for import_ods.hpp on the hand-made register excerpts of tests/data/ods: one row (or a
// few) for each import rule and for each finding where the registers disagree. The files have
// the shapes of the real ones (no header row and CRLF in etr and eccg, a byte order mark and
// CRLF in the ONS local authority lookup, headers in the ePCN sheets); every expected value below
// is read off those rows by hand, as each test's comment says.
#include "pbp/accountability.hpp"
#include "pbp/error.hpp"
#include "pbp/import_ods.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace pbp;
namespace json = boost::json;

namespace {
std::string dir() { return std::string(PBP_TEST_DATA) + "/ods"; }

struct Imported {
    ImportedOrganisations result;
    std::shared_ptr<const Model> model;
};

const Imported& excerpt() {
    static const Imported imported = [] {
        auto areas = load_model_file(dir() + "/areas.json");
        REQUIRE(areas.model);
        Imported out{import_ods(read_ods_registers(dir()), *areas.model, "excerpt"), nullptr};
        auto loaded = load_model(pretty_json(out.result.model));
        REQUIRE(loaded.model);
        out.model = loaded.model;
        return out;
    }();
    return imported;
}

const Model& model() { return *excerpt().model; }

const Entity& entity(const std::string& id) {
    auto i = model().find(id);
    REQUIRE_MESSAGE(i, "no " << id);
    return model().at(*i);
}

bool has(const std::string& id) { return model().find(id).has_value(); }

std::vector<std::string> chain(const std::string& id) { return accountability(model(), id).chain; }

// The findings with this code, each as its ids.
std::vector<std::vector<std::string>> found(const std::string& code) {
    std::vector<std::vector<std::string>> out;
    for (const auto& d : excerpt().result.findings)
        if (d.code == code) out.push_back(d.ids);
    return out;
}

// The relations of a kind from one id to another, by their position in the file.
std::vector<const json::object*> relations(std::string_view kind, std::string_view from, std::string_view to) {
    std::vector<const json::object*> out;
    for (const auto& r : excerpt().result.model.at("relations").as_array())
        if (r.at("kind").as_string() == kind && r.at("from").as_string() == from && r.at("to").as_string() == to) out.push_back(&r.as_object());
    return out;
}

const json::object& organisation_in(const ImportedOrganisations& imported, std::string_view id) {
    for (const auto& o : imported.model.at("organisations").as_array())
        if (o.at("id").as_string() == id) return o.as_object();
    FAIL("no organisation " << id);
    throw;
}

const json::object& organisation(std::string_view id) { return organisation_in(excerpt().result, id); }

std::vector<std::string> serves(const std::string& id) {
    std::vector<std::string> out;
    for (Index a : entity(id).serves) out.push_back(model().id(a));
    return out;
}

using Chain = std::vector<std::string>;
using IdLists = std::vector<std::vector<std::string>>;
}  // namespace

TEST_CASE("import-ods: the excerpt gives a model that validates with no error, every kind counted") {
    auto ds = validate(model());
    CHECK(count_errors(ds) == 0);
    CHECK(ds.empty());
    // Read off the files: QE1, QMF and QZZ in the ICB list; RXL (foundation), R1H and RYY open and
    // English in etr; seven English councils; U00001-U00003 and U00005 open in a known sub-ICB
    // location; eleven active GP practices with an English sub-ICB location.
    const std::map<std::string, std::size_t> kinds{
        {"parliament", 1}, {"department", 1},      {"nhs_england", 1}, {"icb", 3},
        {"foundation_trust", 1}, {"nhs_trust", 2}, {"unitary_authority", 4}, {"district_council", 2},
        {"county_council", 1}, {"electorate", 7},  {"pcn", 4},         {"gp_practice", 11}};
    CHECK(excerpt().result.organisations == kinds);
    CHECK(excerpt().result.bodies == 6);  // regions Y56, Y62; sub-ICB locations 00Q, 01E, 01K, A3A8R
    // The areas model's areas come through unchanged.
    CHECK(entity("E01000006").population == 1500);
}

TEST_CASE("import-ods: NHS England answers to DHSC and Parliament, its regions are teams of it") {
    CHECK(chain("nhs-england") == Chain{"nhs-england", "dhsc", "parliament"});
    CHECK(entity("Y62").kind == "team");
    CHECK(entity("Y62").name == "NHS England North West region");
    CHECK(model().id(entity("Y62").of.at(0)) == "nhs-england");
    CHECK(model().id(entity("Y62").place) == "E40000010");  // NHSER_CD of the sub-ICB location lookup
    CHECK(chain("Y56") == Chain{"Y56", "nhs-england", "dhsc", "parliament"});
}

TEST_CASE("import-ods: an ICB serves its ICS area, from 1 July 2022, and answers to NHS England") {
    const Entity& icb = entity("QE1");
    CHECK(icb.kind == "icb");
    CHECK(icb.codes == std::map<std::string, std::string>{{"ods", "QE1"}, {"ons", "E54000048"}});
    CHECK(serves("QE1") == std::vector<std::string>{"E54000048"});
    CHECK(to_string(*icb.valid.from) == "2022-07-01");
    CHECK(chain("QE1") == Chain{"QE1", "nhs-england", "dhsc", "parliament"});
    // Its region (from its sub-ICB locations' rows) oversees it: information only.
    CHECK(relations("reports_to", "QE1", "Y62").size() == 1);
    CHECK(relations("reports_to", "QMF", "Y56").size() == 1);
    // QZZ has no sub-ICB location, hence no region; and no area E54000099 in the areas model.
    CHECK(has("QZZ"));
    CHECK(serves("QZZ").empty());
    CHECK(found("W604").front() == std::vector<std::string>{"QZZ"});
    CHECK(found("W611").front() == std::vector<std::string>{"QZZ", "E54000099"});
}

TEST_CASE("import-ods: sub-ICB locations are teams of their ICB, never older than it") {
    const Entity& s = entity("00Q");
    CHECK(s.kind == "team");
    CHECK(model().id(s.of.at(0)) == "QE1");
    CHECK(model().id(s.place) == "E38000014");
    CHECK(s.codes == std::map<std::string, std::string>{{"ods", "00Q"}, {"ons", "E38000014"}});
    // eccg opened 00Q on 2013-04-01 (as a CCG): the team starts with the ICB.
    CHECK(to_string(*s.valid.from) == "2022-07-01");
    // eccg opened A3A8R on 2023-04-01, after the ICB: the later date.
    CHECK(to_string(*entity("A3A8R").valid.from) == "2023-04-01");
    CHECK(chain("00Q") == Chain{"00Q", "QE1", "nhs-england", "dhsc", "parliament"});
    // Disagreements: eccg puts 01E in QE9, the ONS lookup in QE1 (the lookup wins); 01K is not in
    // eccg at all; eccg closed A3A8R on 2024-03-31; 99X's ICB QYY is in no ICB list.
    CHECK(model().id(entity("01E").of.at(0)) == "QE1");
    const IdLists w606 = found("W606");
    CHECK(std::count(w606.begin(), w606.end(), std::vector<std::string>{"01E", "QE9", "QE1"}) == 1);
    const IdLists w604 = found("W604");
    CHECK(std::count(w604.begin(), w604.end(), std::vector<std::string>{"01K"}) == 1);
    CHECK(std::count(w604.begin(), w604.end(), std::vector<std::string>{"99X", "QYY"}) == 1);
    CHECK(has("01K"));
    CHECK_FALSE(has("99X"));
    const IdLists w603 = found("W603");
    CHECK(std::count(w603.begin(), w603.end(), std::vector<std::string>{"A3A8R"}) == 1);
    CHECK(has("A3A8R"));
}

TEST_CASE("import-ods: open trusts serve the ICB area the register places them in") {
    CHECK(entity("RXL").kind == "foundation_trust");  // "... NHS FOUNDATION TRUST"
    CHECK(entity("R1H").kind == "nhs_trust");
    CHECK(serves("RXL") == std::vector<std::string>{"E54000048"});  // column 4: QE1
    CHECK(serves("R1H") == std::vector<std::string>{"E54000027"});  // QMF
    CHECK(to_string(*entity("RXL").valid.from) == "1994-11-01");
    CHECK(chain("RXL") == Chain{"RXL", "nhs-england", "dhsc", "parliament"});
    CHECK(relations("reports_to", "RXL", "Y62").size() == 1);
    // RAA is closed (column 12): history, left out without a finding. RZZ's ICB QXX is unknown.
    CHECK_FALSE(has("RAA"));
    CHECK_FALSE(has("RZZ"));
    const IdLists w604 = found("W604");
    CHECK(std::count(w604.begin(), w604.end(), std::vector<std::string>{"RZZ", "QXX"}) == 1);
    // RYY: region Y56 in etr, but its ICB QE1 is in Y62.
    const IdLists w606 = found("W606");
    CHECK(std::count(w606.begin(), w606.end(), std::vector<std::string>{"RYY", "Y56", "Y62"}) == 1);
    CHECK(relations("reports_to", "RYY", "Y56").size() == 1);
    // Velindre: Welsh, no region and no ICB.
    CHECK_FALSE(has("RQF"));
    const IdLists w609 = found("W609");
    CHECK(std::count(w609.begin(), w609.end(), std::vector<std::string>{"RQF"}) == 1);
}

TEST_CASE("import-ods: councils take their kind from their tier and answer to their electorate") {
    CHECK(entity("council.E10000017").kind == "county_council");     // upper tier over Burnley and Chorley
    CHECK(entity("council.E07000117").kind == "district_council");   // lower tier under Lancashire
    CHECK(entity("council.E06000008").kind == "unitary_authority");  // its own upper tier
    CHECK(entity("council.E09000025").kind == "unitary_authority");  // a London borough
    CHECK(entity("council.E08000012").kind == "unitary_authority");  // a metropolitan borough
    CHECK(entity("council.E09000025").name == "Newham (London borough)");
    CHECK(entity("council.E10000017").codes == std::map<std::string, std::string>{{"ons", "E10000017"}});
    CHECK(serves("council.E10000017") == std::vector<std::string>{"E10000017"});
    CHECK(serves("electorate.E10000017") == std::vector<std::string>{"E10000017"});
    CHECK(entity("electorate.E10000017").kind == "electorate");
    CHECK(chain("council.E07000117") == Chain{"council.E07000117", "electorate.E07000117"});
    CHECK(accountability(model(), "electorate.E07000117").apexes == std::vector<std::string>{"electorate.E07000117"});
    // Oddshire is its own upper tier, so unitary, though its code says district (E07).
    CHECK(entity("council.E07000999").kind == "unitary_authority");
    const IdLists w606 = found("W606");
    CHECK(std::count(w606.begin(), w606.end(), std::vector<std::string>{"council.E07000999"}) == 1);
    // Liverpool's area is not in the areas model: kept, serving nothing.
    CHECK(serves("council.E08000012").empty());
    const IdLists w611 = found("W611");
    CHECK(std::count(w611.begin(), w611.end(), std::vector<std::string>{"council.E08000012", "E08000012"}) == 1);
    // The Isle of Anglesey is Welsh.
    CHECK_FALSE(has("council.W06000001"));
    const IdLists w609 = found("W609");
    CHECK(std::count(w609.begin(), w609.end(), std::vector<std::string>{"W06000001"}) == 1);
}

TEST_CASE("import-ods: a practice is a member of its network and commissioned by its ICB, and answers to no one") {
    const Entity& p = entity("P81001");
    CHECK(p.kind == "gp_practice");
    CHECK(to_string(*p.valid.from) == "1974-04-01");
    const auto member = relations("member_of", "P81001", "U00001");
    REQUIRE(member.size() == 1);
    CHECK(member[0]->at("valid_from") == "2019-07-01");
    CHECK_FALSE(member[0]->contains("valid_to"));
    const auto commissions = relations("commissions", "QE1", "P81001");
    REQUIRE(commissions.size() == 1);
    // It joined 00Q's list on 2020-04-01, before the ICB existed: commissioned from 2022-07-01.
    CHECK(commissions[0]->at("valid_from") == "2022-07-01");
    CHECK(commissions[0]->at("attrs").at("sub_icb_location") == "00Q");
    CHECK(commissions[0]->at("attrs").at("register_joined") == "2020-04-01");
    // P81012 joined on 2023-04-01.
    CHECK(relations("commissions", "QE1", "P81012")[0]->at("valid_from") == "2023-04-01");
    // Membership and commissioning carry no accountability (SPEC 2.6): its own terminal.
    CHECK(chain("P81001") == Chain{"P81001"});
    CHECK(accountability(model(), "P81001").apexes == std::vector<std::string>{"P81001"});
    CHECK(chain("U00001") == Chain{"U00001"});
    CHECK(entity("U00001").kind == "pcn");
    CHECK(to_string(*entity("U00001").valid.from) == "2019-07-01");
    // F84001 is commissioned by QMF through A3A8R.
    CHECK(relations("commissions", "QMF", "F84001")[0]->at("attrs").at("sub_icb_location") == "A3A8R");
}

TEST_CASE("import-ods: memberships are dated, past ones kept as history") {
    // P81009 was in U00002 from 2019-10-01 to 2022-03-31, then in U00001 from 2022-04-01.
    const auto past = relations("member_of", "P81009", "U00002");
    REQUIRE(past.size() == 1);
    CHECK(past[0]->at("valid_from") == "2019-10-01");
    CHECK(past[0]->at("valid_to") == "2022-03-31");
    REQUIRE(relations("member_of", "P81009", "U00001").size() == 1);
    // P81010's past membership started and ended on 2021-01-01: it existed on no day (W612).
    CHECK(relations("member_of", "P81010", "U00001").size() == 1);
    CHECK(found("W612") == IdLists{{"P81010", "U00001"}});
    // P81013's open date 2023-13-01 is no day (W610): kept without one.
    CHECK(has("P81013"));
    CHECK_FALSE(entity("P81013").valid.from);
}

TEST_CASE("import-ods: every disagreement between the primary care registers is reported with its codes") {
    // P81002 is commissioned through 00Q, its network U00002 sits in 01E: kept.
    CHECK(found("W601") == IdLists{{"P81002", "U00002", "00Q", "01E"}});
    CHECK(relations("member_of", "P81002", "U00002").size() == 1);
    // P81003 has no membership; P81014's only one is in the closed U00004.
    CHECK(found("W602") == IdLists{{"P81003"}, {"P81014"}});
    // Closed P81004 (in U00005), dormant P81005 (in U00001), and P81014 in closed U00004.
    const IdLists w603 = found("W603");
    CHECK(std::count(w603.begin(), w603.end(), std::vector<std::string>{"U00005", "P81004"}) == 1);
    CHECK(std::count(w603.begin(), w603.end(), std::vector<std::string>{"U00001", "P81005"}) == 1);
    CHECK(std::count(w603.begin(), w603.end(), std::vector<std::string>{"P81014", "U00004"}) == 1);
    CHECK_FALSE(has("P81004"));
    CHECK_FALSE(has("U00004"));
    // Unknown partner Z99999, unknown network U09999, network U00006 in an unknown sub-ICB
    // location, practice P81011 with an unknown commissioner (and its membership).
    const IdLists w604 = found("W604");
    for (const std::vector<std::string>& ids : IdLists{{"U00001", "Z99999"}, {"P81001", "U09999"}, {"U00006", "05X"},
                                                  {"P81011", "05X"}, {"U00001", "P81011"}})
        CHECK_MESSAGE(std::count(w604.begin(), w604.end(), ids) == 1, ids.front() << " " << ids.back());
    // P81006 is active but not a GP practice (prescribing setting 0).
    CHECK(found("W605") == IdLists{{"U00001", "P81006"}});
    CHECK_FALSE(has("P81006"));
    // P81008 is a current member of U00001 and U00002: the first is kept.
    CHECK(found("W607") == IdLists{{"P81008", "U00001", "U00002"}});
    CHECK(relations("member_of", "P81008", "U00001").size() == 1);
    CHECK(relations("member_of", "P81008", "U00002").empty());
    // U00005's only current member, P81004, is closed.
    CHECK(found("W608") == IdLists{{"U00005"}});
    // P81007: column 4 says QMF, its sub-ICB location 00Q is QE1's.
    const IdLists w606 = found("W606");
    CHECK(std::count(w606.begin(), w606.end(), std::vector<std::string>{"P81007", "QMF", "QE1"}) == 1);
    CHECK(relations("commissions", "QE1", "P81007").size() == 1);
    // W91001 is Welsh; line 17 of epraccur has five fields.
    const IdLists w609 = found("W609");
    CHECK(std::count(w609.begin(), w609.end(), std::vector<std::string>{"W91001"}) == 1);
    bool short_row = false;
    for (const auto& d : excerpt().result.findings) short_row = short_row || (d.code == "W610" && d.line == 17);
    CHECK(short_row);
}

TEST_CASE("import-ods: each finding is kept with the organisation it is about") {
    const auto& attrs = organisation("P81003").at("attrs").as_object();
    REQUIRE(attrs.at("register_findings").as_array().size() == 1);
    CHECK(std::string(attrs.at("register_findings").as_array()[0].as_string()).rfind("W602: ", 0) == 0);
    CHECK(organisation("U00005").at("attrs").at("register_findings").as_array().size() == 2);  // W603 and W608
    CHECK(organisation("P81001").at("attrs").at("register_findings").as_array().size() == 1);  // W604: U09999
    CHECK_FALSE(organisation("P81009").contains("attrs"));
}

TEST_CASE("import-ods: pbp report shows a practice's network and commissioner") {
    const std::string text = report(model(), validate(model()));
    CHECK(text.find("\n- FIRST SURGERY (P81001)\n    network: BLACKBURN NORTH PCN (U00001) from 2019-07-01\n"
                    "    commissioner: NHS Lancashire and South Cumbria Integrated Care Board (QE1), sub-ICB location 00Q, "
                    "from 2022-07-01\n") != std::string::npos);
    CHECK(text.find("\n- MOVED NETWORK SURGERY (P81009)\n    network: CHORLEY PCN (U00002) from 2019-10-01 to 2022-03-31; "
                    "BLACKBURN NORTH PCN (U00001) from 2022-04-01\n") != std::string::npos);
    CHECK(text.find("\n- NO NETWORK SURGERY (P81003)\n    network: none\n") != std::string::npos);
    CHECK(text.find("    register finding: W602: The active GP practice P81003") != std::string::npos);
    CHECK(text.find("11 GP practices and 4 primary care networks.") != std::string::npos);
    // On 2021-01-01 P81009 was in U00002 only, and no ICB existed to commission it.
    const std::string then = report(model(), validate(model()), parse_date("2021-01-01"));
    CHECK(then.find("\n- MOVED NETWORK SURGERY (P81009)\n    network: CHORLEY PCN (U00002) from 2019-10-01 to 2022-03-31\n"
                    "    commissioner: none\n") != std::string::npos);
}

TEST_CASE("import-ods: pbp report shows whom a practice answers to, only where the model says it does") {
    // Membership and commissioning carry no accountability; an accountable_to edge does. Given
    // one, P81001 answers to its ICB and on up (QE1's chain is tested above); P81009, the end
    // of another such edge with none of its own, answers to no one. Practices without either
    // edge have no such line.
    boost::json::value doc = boost::json::parse(save_model(model()));
    auto& relations = doc.at("relations").as_array();
    relations.push_back({{"kind", "accountable_to"}, {"from", "P81001"}, {"to", "QE1"}});
    relations.push_back({{"kind", "accountable_to"}, {"from", "P81003"}, {"to", "P81009"}});
    const LoadResult r = load_model(boost::json::serialize(doc));
    REQUIRE(r.model);
    // The section's practices, each from its "- " line to the next.
    auto practices = [](const std::string& text) {
        const auto start = text.find("\nPrimary care: practices, their networks and commissioners\n");
        REQUIRE(start != std::string::npos);
        const std::string section = text.substr(start, text.find("\nNetworks the registers disagree about:", start) - start);
        std::map<std::string, std::string> out;  // "(P81001)" -> its lines
        for (auto at = section.find("\n- "); at != std::string::npos;) {
            const auto next = section.find("\n- ", at + 1);
            const std::string block = section.substr(at + 1, next == std::string::npos ? next : next - at);  // with its last '\n'
            out[block.substr(block.find('('), block.find(')') - block.find('(') + 1)] = block;
            at = next;
        }
        return out;
    };
    const auto with = practices(report(*r.model, validate(*r.model)));
    REQUIRE(with.size() == 11);
    for (const auto& [id, block] : with) {
        CAPTURE(block);
        if (id == "(P81001)")
            CHECK(block.find("from 2022-07-01\n    answers to: QE1 -> nhs-england -> dhsc -> parliament\n") != std::string::npos);
        else if (id == "(P81003)")
            CHECK(block.find("\n    answers to: P81009\n") != std::string::npos);
        else if (id == "(P81009)")
            CHECK(block.find("\n    answers to: no one\n") != std::string::npos);
        else
            CHECK(block.find("answers to") == std::string::npos);
    }
    for (const auto& [id, block] : practices(report(model(), validate(model())))) {
        CAPTURE(block);
        CHECK(block.find("answers to") == std::string::npos);
    }
}

TEST_CASE("import-ods: register rows that cannot be read or contradict earlier rows are findings, the rest imported") {
    // The excerpt's registers with rows added at their ends; line numbers count from each
    // file's first line (a header, where the file has one, is line 1; the ODS extracts have none).
    OdsRegisters regs = read_ods_registers(dir());
    const auto next_line = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n') + 1; };
    const auto sub_icb = next_line(regs.sub_icb_locations), icb = next_line(regs.icbs), etr = next_line(regs.etr);
    const std::string lsc = "E54000048,QE1,NHS Lancashire and South Cumbria Integrated Care Board,";
    regs.sub_icb_locations += ",,No code," + lsc + "Y62,E40000010,North West\n"   // no ODS code of its own
                              "E38000227,01E,Again," + lsc + "Y62,E40000010,North West\n"  // 01E again
                              "E38000999,99X,Elsewhere," + lsc + "Y63,E40000011,North East\n"  // QE1 in a second region
                              "E38000998,98X,Renamed," + lsc + "Y62,E40000099,North West\n";   // Y62 with a second ONS code
    regs.icbs += ",,Nameless,3\nE54000048,QE1,Duplicate Board,4\n";
    const auto trust = [](const char* code, const char* region) {
        return std::string("\"") + code + "\",\"A TEST NHS TRUST\",\"" + region +
               "\",\"QE1\",\"1 HIGH STREET\",\"\",\"\",\"\",\"\",\"AB1 2CD\",\"20010401\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\","
               "\"\",\"0\",\"\",\"B\",\"\",\"\",\"\"\n";
    };
    regs.etr += "\"RZZ\",\"TOO SHORT\"\n" + trust("QE1", "Y62") + trust("bad code!", "Y62") + trust("RZ9", "Y99");
    const auto council = next_line(regs.councils), practice = next_line(regs.epraccur), pcn = next_line(regs.pcn_details),
               partner = next_line(regs.pcn_partners);
    regs.councils += "E07000999,Nowhere,,,Lonely,,9\n";  // no upper tier
    std::string again = regs.epraccur.substr(0, regs.epraccur.find('\n') + 1);  // P81001's row, renamed
    again.replace(again.find("FIRST SURGERY"), 13, "OTHER SURGERY");
    regs.epraccur += again;
    regs.pcn_details += "U00001,RENAMED PCN,00Q,X,20190701,,,,,,,\n"  // U00001 again
                        "U00009,LOST PCN,77Z,X,20190701,,,,,,,\n"     // in no sub-ICB location imported
                        "QE1,TAKEN PCN,00Q,X,20190701,,,,,,,\n";      // the ICB's code
    regs.pcn_partners += ",,,,U00001,U00001 NAME,,,20190701,,\n";    // no practice

    auto areas = load_model_file(dir() + "/areas.json");
    REQUIRE(areas.model);
    const ImportedOrganisations r = import_ods(regs, *areas.model, "anomalies");
    struct Want {
        const char* code;
        std::size_t line;
        std::vector<std::string> ids;
        const char* says;
    };
    const auto at = [](auto line) { return static_cast<std::size_t>(line); };
    const Want wants[] = {
        {"W610", at(sub_icb), {}, "of the sub-ICB location lookup lacks an ODS code"},
        {"W610", at(sub_icb + 1), {"01E"}, "The sub-ICB location 01E is listed twice"},
        {"W606", at(sub_icb + 2), {"QE1", "Y62", "Y63"}, "puts the ICB QE1 in two NHS England regions, Y62 and Y63"},
        {"W606", at(sub_icb + 3), {"Y62"}, "gives the region Y62 two ONS codes, E40000010 and E40000099"},
        {"W610", at(icb), {}, "of the ICB names and codes lacks a code"},
        {"W610", at(icb + 1), {"QE1"}, "The ICB QE1 is listed twice"},
        {"W610", at(etr), {}, "of etr has 2 fields, fewer than"},
        {"W610", at(etr + 1), {"QE1"}, "has the code QE1, which is already the id of another entity"},
        {"W610", at(etr + 2), {}, "has the code \"bad code!\", which is not a usable id"},
        {"W604", at(etr + 3), {"RZ9"}, "in the region \"Y99\""},
        {"W610", at(council), {}, "of the local authority lookup lacks a code"},
        {"W610", at(practice), {"P81001"}, "The code P81001 is listed twice in epraccur"},
        {"W610", at(pcn), {"U00001"}, "The network U00001 is listed twice in the ePCN PCN details"},
        {"W604", at(pcn + 1), {"U00009", "77Z"}, "sits in the sub-ICB location \"77Z\""},
        {"W610", at(pcn + 2), {"QE1"}, "has the code QE1, which is already the id of another entity"},
        {"W610", at(partner), {}, "of the ePCN core partner details lacks a practice or network code"},
    };
    for (const Want& w : wants) {
        CAPTURE(w.says);
        const auto d = std::find_if(r.findings.begin(), r.findings.end(), [&](const Diagnostic& f) {
            return f.code == w.code && f.line == w.line && f.message.find(w.says) != std::string::npos;
        });
        REQUIRE_MESSAGE(d != r.findings.end(), pbp::test::listing(r.findings));
        CHECK(d->ids == w.ids);
    }
    // What was read first is kept; the trust outside any region is still an NHS trust.
    const auto& organisations = r.model.at("organisations").as_array();
    const auto named = [&](std::string_view id) {
        return std::count_if(organisations.begin(), organisations.end(),
                             [&](const json::value& o) { return o.at("id").as_string() == id; });
    };
    CHECK(named("QE1") == 1);
    CHECK(named("RZ9") == 1);
    CHECK(named("RZZ") == 0);
    CHECK(named("U00009") == 0);
    CHECK(named("E07000999") == 0);
    CHECK(organisation_in(r, "P81001").at("name") == "FIRST SURGERY");
    CHECK(organisation_in(r, "U00001").at("name") == "BLACKBURN NORTH PCN");
    auto loaded = load_model(pretty_json(r.model));
    REQUIRE(loaded.model);
    CHECK(loaded.model->at(*loaded.model->find("QE1")).name == "NHS Lancashire and South Cumbria Integrated Care Board");
    CHECK(count_errors(validate(*loaded.model)) == 0);
}

TEST_CASE("import-ods: a model without primary care has no primary care section") {
    auto areas = load_model_file(dir() + "/areas.json");
    REQUIRE(areas.model);
    CHECK(report(*areas.model, {}).find("Primary care") == std::string::npos);
}

TEST_CASE("import-ods: registers missing or without the columns needed are refused") {
    CHECK_THROWS_AS(read_ods_registers(std::string(PBP_TEST_DATA) + "/geography"), IoError);
    try {
        read_ods_registers(std::string(PBP_TEST_DATA) + "/geography");
    } catch (const IoError& e) {
        CHECK(std::string(e.what()).find("ods_etr.csv or etr.csv") != std::string::npos);
    }
    auto areas = load_model_file(dir() + "/areas.json");
    REQUIRE(areas.model);
    OdsRegisters r = read_ods_registers(dir());
    r.pcn_details = "Code,Name\nU1,A PCN\n";
    CHECK_THROWS_AS(import_ods(r, *areas.model, "x"), InvalidArgument);
    r = read_ods_registers(dir());
    r.icbs = "ICB24CD,ICB24NM\nE54000048,Lancashire\n";  // no ODS codes (ICB24CDH)
    CHECK_THROWS_AS(import_ods(r, *areas.model, "x"), InvalidArgument);
}

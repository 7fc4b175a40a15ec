// Tests for import_areas.hpp (SPEC 1.4) on small CSVs made for each rule and on excerpts of the
// real ONS lookups (tests/data/geography/README.md gives their source and licence).
#include "pbp/error.hpp"
#include "pbp/geography.hpp"
#include "pbp/import_areas.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace pbp;
namespace json = boost::json;

namespace {
std::string data(const char* name) { return std::string(PBP_TEST_DATA) + "/geography/" + name; }

std::string slurp(const char* name) {
    std::ifstream in(data(name), std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const json::object& area(const ImportedAreas& r, const std::string& id) {
    for (const auto& a : r.model.at("areas").as_array())
        if (a.at("id") == id.c_str()) return a.as_object();
    FAIL("no area " << id);
    throw;
}

using pbp::test::strings;

std::vector<std::string> ids(const ImportedAreas& r) {
    std::vector<std::string> out;
    for (const auto& a : r.model.at("areas").as_array()) out.emplace_back(a.at("id").as_string());
    return out;
}

// The model loads, and validates with no error at all (SPEC 1.4).
std::shared_ptr<const Model> load_clean(const ImportedAreas& r) {
    auto loaded = load_model(pretty_json(r.model));
    REQUIRE(loaded.model);
    auto ds = validate(*loaded.model);
    CHECK(count_errors(ds) == 0);
    CHECK(ds.empty());
    return loaded.model;
}

std::vector<std::pair<std::string, int>> findings(const ImportedAreas& r) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& d : r.findings) out.emplace_back(d.code, d.line.value_or(0));
    return out;
}
}  // namespace

TEST_CASE("import: byte order mark, CRLF, quoted fields, extra columns, a code at two levels") {
    auto r = import_areas_files(data("import_basic.csv"), data("import_basic_population.csv"), std::string("Basic"));
    CHECK(r.findings.empty());
    CHECK(r.model.at("format") == "pbp/1");
    CHECK(r.model.at("name") == "Basic");
    // Highest kind first, each kind by id; the leaf level last.
    CHECK(ids(r) == std::vector<std::string>{"E54000001", "E54000002", "E06000001", "E10000001", "E07000001",
                                             "E07000002", "E01000001", "E01000002", "E01000003", "E01000004"});
    CHECK(r.areas == 10);
    CHECK(r.leaves == 4);
    CHECK(r.populated == 4);

    const auto& icb = area(r, "E54000001");
    CHECK(icb.at("kind") == "ics");
    CHECK(icb.at("name") == "NHS Alpha, Beta and Gamma ICB");  // a quoted comma
    CHECK(icb.at("codes") == json::object{{"ons", "E54000001"}, {"ods", "QAA"}});
    CHECK(icb.at("attrs").at("level") == "ICB");
    CHECK_FALSE(icb.contains("within"));  // only leaves get `within`

    // The unitary authority is its own lower and upper tier: one area of the higher kind.
    const auto& ua = area(r, "E06000001");
    CHECK(ua.at("kind") == "local_authority");
    CHECK(ua.at("attrs").at("level") == "UTLA");
    CHECK(strings(ua.at("attrs").at("levels")) == std::vector<std::string>{"LAD", "UTLA"});
    CHECK(area(r, "E07000001").at("kind") == "district");

    const auto& leaf = area(r, "E01000003");
    CHECK(leaf.at("kind") == "lsoa");
    CHECK(leaf.at("name") == "Shire \"North\" 001A");  // a doubled quote inside quotes
    CHECK(strings(leaf.at("within")) == std::vector<std::string>{"E07000001", "E10000001", "E54000001"});
    CHECK(leaf.at("population") == 1000);
    // Within every *other* area on its row: the unitary code appears once, not as itself.
    CHECK(strings(area(r, "E01000001").at("within")) == std::vector<std::string>{"E06000001", "E54000001"});
    CHECK(area(r, "E01000001").at("population") == 1500);  // "1,500" with a thousands separator
    CHECK(area(r, "E01000001").at("codes") == json::object{{"ons", "E01000001"}});
    CHECK_FALSE(area(r, "E01000001").contains("need_index"));

    // The model is usable: the shire county holds 1000 + 800 people, split across two ICBs.
    auto m = load_clean(r);
    const Footprints fp(*m, std::nullopt);
    CHECK(fp.population(*m->find("E10000001")) == 1800);
    auto c = coterminosity(fp, AreaSelection::of_kind("local_authority"), AreaSelection::of_kind("ics"));
    REQUIRE(c.areas.size() == 2);
    CHECK(c.areas[0].relation == AreaRelation::within);    // E06000001 inside E54000001
    CHECK(c.areas[1].relation == AreaRelation::overlaps);  // E10000001: 1000 in E54000001, 800 in E54000002
    CHECK(c.areas[1].best == "E54000001");
}

TEST_CASE("import: the default name, and no population file") {
    auto r = import_areas_files(data("import_basic.csv"), std::nullopt);
    CHECK(r.model.at("name") == "Areas from import_basic.csv");
    CHECK(r.populated == 0);
    CHECK_FALSE(area(r, "E01000001").contains("population"));
    load_clean(r);
}

TEST_CASE("import: rows that disagree and rows that cannot be read are reported, never silently chosen") {
    auto r = import_areas(slurp("import_disagree.csv"), std::nullopt, "Disagree");
    CHECK(findings(r) == std::vector<std::pair<std::string, int>>{
                             {"W505", 1},   // CAL24CD: a level pbp does not know
                             {"W501", 3},   // E07000010 "Tenfold\nDistrict" (a quoted line break) vs "Tenfold"
                             {"W501", 5},   // E02000001 "Middle Uno" vs "Middle One"
                             {"W501", 6},   // E01000010 put in E07000011 instead of E07000010
                             {"W502", 7},   // 3 fields, not 9
                             {"W502", 8},   // no LSOA11 code
                             {"W502", 12},  // "bad code!" is not an id
                         });
    CHECK(r.findings[1].message.find("Tenfold") != std::string::npos);
    CHECK(r.findings[1].ids == std::vector<std::string>{"E07000010"});
    CHECK(r.findings[2].message.find("\"Middle Uno\"") != std::string::npos);
    CHECK(r.findings[3].message.find("E07000011") != std::string::npos);
    // The first row is kept: the name, the parents.
    CHECK(area(r, "E07000010").at("name") == "Tenfold");
    CHECK(area(r, "E02000001").at("name") == "Middle One");
    CHECK(strings(area(r, "E01000010").at("within")) == std::vector<std::string>{"E02000001", "E07000010", "E12000001"});
    // An empty code at a level: no area there (E01000014 has no region).
    CHECK(strings(area(r, "E01000014").at("within")) == std::vector<std::string>{"E02000002", "E07000011"});
    CHECK(area(r, "E02000001").at("kind") == "unit");
    CHECK(area(r, "E12000001").at("kind") == "region");
    CHECK(area(r, "E12000001").at("name") == "North East");
    CHECK(r.leaves == 4);   // E01000010, 11, 12, 14
    CHECK(r.areas == 9);    // + E02000001, E02000002, E07000010, E07000011, E12000001
    load_clean(r);
}

TEST_CASE("import: populations missing, extra, repeated and unreadable") {
    auto r = import_areas(slurp("import_disagree.csv"), slurp("import_disagree_population.csv"), "Disagree");
    std::vector<std::pair<std::string, int>> all = findings(r);
    REQUIRE(all.size() == 11);
    CHECK(std::vector<std::pair<std::string, int>>(all.begin() + 7, all.end()) ==
          std::vector<std::pair<std::string, int>>{
              {"W502", 3},  // "abc" for E01000011
              {"W501", 5},  // E01000012: 60 after 50
              {"W503", 0},  // no figure for E01000011 and E01000014
              {"W504", 0},  // E01000099 is unknown, E07000010 is no leaf
          });
    CHECK(r.findings[9].ids == std::vector<std::string>{"E01000011", "E01000014"});
    CHECK(r.findings[10].ids == std::vector<std::string>{"E01000099", "E07000010"});
    CHECK(area(r, "E01000010").at("population") == 100);
    CHECK(area(r, "E01000012").at("population") == 50);  // the first figure is kept
    CHECK_FALSE(area(r, "E01000014").contains("population"));
    CHECK_FALSE(area(r, "E07000010").contains("population"));
    CHECK(r.populated == 2);
    load_clean(r);
}

TEST_CASE("import: an ODS code that changes, a code at a level that is no id, a population row cut short") {
    // Line 3 gives the ICB a second ODS code; line 4's ICB code cannot be an id. In the
    // population file, line 3 stops before its figure.
    const std::string lookup = "LSOA21CD,LSOA21NM,ICB24CD,ICB24CDH,ICB24NM\n"
                               "E01000001,One,E54000029,QMF,North East London ICB\n"
                               "E01000002,Two,E54000029,QMK,North East London ICB\n"
                               "E01000003,Three,bad code!,QXX,Nowhere\n";
    const std::string population = "code,population\nE01000001,10\nE01000002\nE01000003,30\n";
    auto r = import_areas(lookup, population, "Changes");
    REQUIRE(findings(r) == std::vector<std::pair<std::string, int>>{
                               {"W501", 3},  // QMK after QMF
                               {"W502", 4},  // "bad code!"
                               {"W502", 3},  // the population file's line 3: no figure
                               {"W503", 0},  // so E01000002 has none
                           });
    CHECK(r.findings[0].ids == std::vector<std::string>{"E54000029"});
    CHECK(r.findings[0].message == "Line 3 gives E54000029 the ODS code QMK, but line 2 gave QMF; the first is kept.");
    CHECK(r.findings[1].message.find("\"bad code!\", which is not a usable id; it is skipped.") != std::string::npos);
    CHECK(r.findings[2].message == "Line 3 of the population file has no population value; it is skipped.");
    CHECK(r.findings[3].ids == std::vector<std::string>{"E01000002"});
    // The first ODS code is kept; the row with the bad code keeps its leaf, without that parent.
    CHECK(area(r, "E54000029").at("codes").at("ods") == "QMF");
    CHECK(strings(area(r, "E01000002").at("within")) == std::vector<std::string>{"E54000029"});
    CHECK_FALSE(area(r, "E01000003").contains("within"));
    CHECK(area(r, "E01000003").at("population") == 30);
    CHECK_FALSE(area(r, "E01000002").contains("population"));
    CHECK(r.leaves == 3);
    CHECK(r.populated == 2);
    load_clean(r);
}

TEST_CASE("import: inputs that cannot be a lookup are errors") {
    CHECK_THROWS_AS(import_areas("", std::nullopt, "x"), InvalidArgument);
    CHECK_THROWS_WITH_AS(import_areas("foo,bar\n1,2\n", std::nullopt, "x"), doctest::Contains("LSOA21CD"),
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(import_areas("LSOA21NM,LAD24CD\nx,E07000001\n", std::nullopt, "x"),
                         doctest::Contains("LSOA21CD"), InvalidArgument);
    CHECK_THROWS_AS(import_areas("LAD24CD,LAD24CD\nE07000001,E07000001\n", std::nullopt, "x"), InvalidArgument);
    CHECK_THROWS_WITH_AS(import_areas("LSOA21CD,LSOA21NM\nE01000001,\"open\n", std::nullopt, "x"),
                         doctest::Contains("line 2"), InvalidArgument);
    CHECK_THROWS_WITH_AS(import_areas("LSOA21CD\nE01000001\n", std::string_view("code,people\nE01000001,5\n"), "x"),
                         doctest::Contains("population"), InvalidArgument);
    CHECK_THROWS_AS(import_areas_files(data("no-such-file.csv"), std::nullopt), IoError);
}

TEST_CASE("import: column names in any case, a missing year, population column names") {
    // `nhser_cd` (no year, an underscore), lower case, and `OBS_VALUE` as the population column.
    auto r = import_areas("sicbl24cd,SICBL24NM,nhser_cd,NHSER_NM\nE38000001,One,E40000001,North\n",
                          std::string_view("geography code,date,OBS_VALUE\nE38000001,2022,77\n"), "x");
    CHECK(r.findings.empty());
    CHECK(area(r, "E40000001").at("kind") == "region");
    CHECK(area(r, "E40000001").at("attrs").at("level") == "NHSER");
    CHECK(area(r, "E38000001").at("kind") == "unit");
    CHECK(area(r, "E38000001").at("population") == 77);
    // "population" is preferred over "total" when both are there.
    auto p = import_areas("LSOA21CD\nE01000001\n", std::string_view("code,total,Population\nE01000001,5,6\n"), "x");
    CHECK(area(p, "E01000001").at("population") == 6);
}

TEST_CASE("import: an excerpt of the real LSOA -> sub-ICB -> ICB -> LAD lookup, with populations") {
    auto r = import_areas_files(data("ons_lsoa21_excerpt.csv"), data("ons_lsoa21_population_excerpt.csv"));
    CHECK(r.findings.empty());
    CHECK(r.leaves == 44);
    CHECK(r.populated == 44);
    CHECK(r.areas == 58);  // 44 LSOAs, 5 sub-ICB locations, 5 ICBs, 4 LADs
    CHECK(area(r, "E54000059").at("codes").at("ods") == "QPM");
    CHECK(area(r, "E54000044").at("name") == "NHS Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board");
    CHECK(area(r, "E07000177").at("kind") == "district");
    CHECK(area(r, "E38000262").at("kind") == "unit");
    auto m = load_clean(r);

    // Sums worked out from the excerpt files with a separate script (Python csv module).
    const Footprints fp(*m, std::nullopt);
    CHECK(fp.population(*m->find("E06000017")) == 41151);  // Rutland
    CHECK(fp.population(*m->find("E09000001")) == 10847);  // City of London
    CHECK(fp.population(*m->find("E07000177")) == 18429);  // the 11 Cherwell LSOAs
    // Cherwell spans two ICBs (the data README's caveat): 16,565 of its 18,429 people in BOB.
    auto c = coterminosity(fp, AreaSelection::of_ids({"E07000177"}), AreaSelection::of_kind("ics"));
    CHECK(c.areas[0].best == "E54000044");
    CHECK(format_decimal(c.areas[0].coverage, 4) == "0.8989");  // 16565 / 18429 = 0.898855...
    // Sub-ICB locations nest in ICBs exactly.
    auto nest = respects_boundaries(fp, AreaSelection::of_kind("unit"), AreaSelection::of_kind("ics"));
    CHECK(nest.respects);
}

TEST_CASE("import: an excerpt of the real lower tier -> upper tier lookup (unitaries at two levels)") {
    auto r = import_areas_files(data("ons_ltla23_utla23_excerpt.csv"), std::nullopt);
    CHECK(r.findings.empty());
    CHECK(r.areas == 11);   // 3 unitaries, 7 districts, Nottinghamshire
    CHECK(r.leaves == 10);  // every LTLA code, unitaries included
    CHECK(area(r, "E06000018").at("kind") == "local_authority");
    CHECK(area(r, "E06000018").at("name") == "Nottingham");
    CHECK_FALSE(area(r, "E06000018").contains("within"));
    CHECK(strings(area(r, "E07000176").at("within")) == std::vector<std::string>{"E10000024"});
    auto m = load_clean(r);
    const Footprints fp(*m, std::nullopt);
    CHECK(fp.leaves(*m->find("E10000024")).size() == 7);
    CHECK(fp.is_leaf(*m->find("E06000018")));
}

// Models built from official tables through the C API: areas from an ONS lookup table (SPEC
// 1.4), and England's organisations from the ODS registers and ONS lists.
#include "capi_support.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace capi_test;

TEST_CASE("capi import areas: a lookup and a population file make a model of areas") {
    // lookup.csv: three LSOAs in two districts in one ICB; population.csv lacks the third LSOA.
    // So: 3 lsoa + 2 districts + 1 ics = 6 areas, 3 leaves, 2 populated, and one W503.
    char* model = nullptr;
    char* report = nullptr;
    REQUIRE_MESSAGE(pbp_import_areas(&model, &report, data("lookup.csv").c_str(), data("population.csv").c_str(),
                                     "Test areas", 0) == PBP_OK,
                    pbp_last_error());
    auto r = boost::json::parse(report).as_object();
    CHECK(r.at("areas") == 6);
    CHECK(r.at("leaves") == 3);
    CHECK(r.at("populated") == 2);
    auto& ds = r.at("diagnostics").as_array();
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].at("code") == "W503");

    // The model loads, validates with no error, and has the populations given.
    Model m;
    REQUIRE(pbp_model_load_text(m.out(), model, std::string(model).size()) == PBP_OK);
    size_t errors = 1;
    REQUIRE(pbp_model_diagnostic_counts(&errors, nullptr, m.m) == PBP_OK);
    CHECK(errors == 0);
    Buffer name;
    REQUIRE(pbp_model_name(name.out(), m.m) == PBP_OK);
    CHECK(name.str() == "Test areas");
    // E07000001 holds E01000001 (1000) and E01000002 (1500): a fair split follows 1000:1500.
    Buffer shares;
    REQUIRE(pbp_model_fair_shares(shares.out(), m.m, "100.00", "E01000001,E01000002", nullptr, nullptr, nullptr, 0) == PBP_OK);
    CHECK(shares.json().at("shares") == boost::json::parse(
        R"([{"area": "E01000001", "amount": "40.00"}, {"area": "E01000002", "amount": "60.00"}])"));
    pbp_free(model);
    pbp_free(report);

    // The report is optional.
    REQUIRE(pbp_import_areas(&model, nullptr, data("lookup.csv").c_str(), nullptr, nullptr, PBP_PRETTY) == PBP_OK);
    CHECK(std::string(model).find("\n  \"format\": \"pbp/1\"") != std::string::npos);
    pbp_free(model);
}

TEST_CASE("capi import areas: missing files and bad tables fail cleanly") {
    char* model = poison();
    char* report = poison();
    CHECK(pbp_import_areas(&model, &report, data("no-such.csv").c_str(), nullptr, nullptr, 0) == PBP_ERR_IO);
    CHECK(model == nullptr);
    CHECK(report == nullptr);
    // A directory reads as an empty file: said as it is, not as "the lookup is empty".
    const std::string dir = std::string(PBP_TEST_DATA) + "/capi";
    CHECK(pbp_import_areas(&model, &report, dir.c_str(), nullptr, nullptr, 0) == PBP_ERR_IO);
    CHECK(std::string(pbp_last_error()) == "'" + dir + "' is a directory, not a lookup table (CSV)");
    CHECK(pbp_import_areas(&model, &report, data("lookup.csv").c_str(), dir.c_str(), nullptr, 0) == PBP_ERR_IO);
    CHECK(std::string(pbp_last_error()).find("is a directory, not a population table") != std::string::npos);
    CHECK(model == nullptr);
    CHECK(pbp_import_areas(&model, nullptr, nullptr, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_import_areas(nullptr, nullptr, data("lookup.csv").c_str(), nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    // A CSV with no level columns at all is not a lookup table.
    CHECK(pbp_import_areas(&model, nullptr, data("population.csv").c_str(), nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(model == nullptr);
}

// ------------------------------------------------------------------------------------------------
// England's organisations from the ODS registers and ONS lists (docs/queries/import-ods.md), on
// the hand-made register excerpts of tests/data/ods (tests/data/ods/README.md: one row, or a few,
// for each rule and each finding W601-W612) and their small areas model.

namespace {

std::string ods(const std::string& name = "") {
    return std::string(PBP_TEST_DATA) + "/ods" + (name.empty() ? "" : "/" + name);
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    REQUIRE_MESSAGE(f, "cannot read " << p.string());
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

/// A fresh empty directory under the system's temporary directory, removed at the end of scope.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device r;
        path = std::filesystem::temp_directory_path() / ("pbp_capi_import_ods_" + std::to_string(r()) + std::to_string(r()));
        std::filesystem::create_directories(path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

/// A copy of the register excerpts in `dir`.
void copy_registers(const std::filesystem::path& dir) {
    for (const auto& e : std::filesystem::directory_iterator(ods()))
        std::filesystem::copy_file(e.path(), dir / e.path().filename());
}

/// What pbp_import_ods() gave: the status, then (on success) the model's text and the report.
struct OdsImport {
    int status = PBP_ERR_INTERNAL;
    std::string model;
    boost::json::object report;
    std::string error;
};

OdsImport import_ods(const std::string& dir, const char* areas, const char* name, unsigned flags) {
    OdsImport r;
    char* model = poison();
    char* report = poison();
    r.status = pbp_import_ods(&model, &report, dir.c_str(), areas, name, flags);
    r.error = pbp_last_error();
    if (r.status == PBP_OK) {
        REQUIRE(model != nullptr);
        REQUIRE(report != nullptr);
        r.model = model;
        r.report = boost::json::parse(report).as_object();
    } else {
        // Both outputs NULL on every failure.
        CHECK(model == nullptr);
        CHECK(report == nullptr);
    }
    pbp_free(model == poison() ? nullptr : model);
    pbp_free(report == poison() ? nullptr : report);
    return r;
}

/// pbp_import_ods() with the registers and areas of tests/data/ods, named "excerpt", pretty.
const OdsImport& excerpt() {
    static const OdsImport r = import_ods(ods(), ods("areas.json").c_str(), "excerpt", PBP_PRETTY);
    return r;
}

#ifdef PBP_TEST_CLI
/// A word for a POSIX shell: single-quoted, a single quote written '\''.
std::string shell_word(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// What `pbp import-ods DIR ARGS... -o FILE` wrote: its exit status, the model, standard error.
struct CliRun {
    int status = -1;
    std::string model;
    std::string err;
};

CliRun cli_import_ods(const std::string& dir, const std::string& args) {
    TempDir tmp;
    const auto out = tmp.path / "model.json", err = tmp.path / "stderr.txt";
    const std::string command = shell_word(PBP_TEST_CLI) + " import-ods " + shell_word(dir) + " " + args + " -o " +
                                shell_word(out.string()) + " 2>" + shell_word(err.string());
    CliRun r;
    r.status = std::system(command.c_str());
    if (std::filesystem::exists(out)) r.model = slurp(out);
    r.err = slurp(err);
    return r;
}
#endif

}  // namespace

TEST_CASE("capi import ods: the register excerpts give the organisations counted by hand") {
    const OdsImport& r = excerpt();
    REQUIRE_MESSAGE(r.status == PBP_OK, r.error);
    // Read off the files (tests/import_ods_test.cpp, the same counts from the C++ library): QE1,
    // QMF and QZZ in the ICB list; RXL (foundation), R1H and RYY open and English in etr; seven
    // English councils, each with its electorate; U00001-U00003 and U00005 open in a known sub-ICB
    // location; eleven active GP practices with an English sub-ICB location. The keys in order.
    CHECK(r.report.at("organisations") == boost::json::parse(R"({
        "county_council": 1, "department": 1, "district_council": 2, "electorate": 7,
        "foundation_trust": 1, "gp_practice": 11, "icb": 3, "nhs_england": 1, "nhs_trust": 2,
        "parliament": 1, "pcn": 4, "unitary_authority": 4})"));
    std::vector<std::string> keys;
    for (const auto& kv : r.report.at("organisations").as_object()) keys.emplace_back(kv.key());
    CHECK(std::is_sorted(keys.begin(), keys.end()));
    CHECK(r.report.at("bodies") == 6);  // regions Y56, Y62; sub-ICB locations 00Q, 01E, 01K, A3A8R
    // 31 findings, one or more for each of W601-W612 (docs/queries/import-ods.md lists them).
    const auto& ds = r.report.at("diagnostics").as_array();
    CHECK(ds.size() == 31);
    std::set<std::string> codes;
    for (const auto& d : ds) {
        codes.insert(std::string(d.at("code").as_string()));
        CHECK(d.at("severity") == "warning");
    }
    CHECK(codes == std::set<std::string>{"W601", "W602", "W603", "W604", "W605", "W606", "W607", "W608", "W609",
                                         "W610", "W611", "W612"});

    // The counts are those of the model written.
    auto m = boost::json::parse(r.model).as_object();
    CHECK(m.at("name") == "excerpt");
    std::map<std::string, std::int64_t> kinds;
    for (const auto& o : m.at("organisations").as_array()) ++kinds[std::string(o.at("kind").as_string())];
    for (const auto& [kind, n] : r.report.at("organisations").as_object()) CHECK(kinds[std::string(kind)] == n.to_number<std::int64_t>());
    CHECK(kinds.size() == r.report.at("organisations").as_object().size());
    CHECK(r.report.at("bodies") == m.at("bodies").as_array().size());
    CHECK(r.report.at("relations") == m.at("relations").as_array().size());
    CHECK(r.report.at("relations").to_number<std::int64_t>() > 0);

    // It loads and validates with no error, and NHS England answers to Parliament through DHSC.
    Model loaded;
    REQUIRE(pbp_model_load_text(loaded.out(), r.model.data(), r.model.size()) == PBP_OK);
    size_t errors = 1, warnings = 1;
    REQUIRE(pbp_model_diagnostic_counts(&errors, &warnings, loaded.m) == PBP_OK);
    CHECK(errors == 0);
    CHECK(warnings == 0);
    Buffer chain;
    REQUIRE(pbp_model_accountability(chain.out(), loaded.m, "QE1", nullptr, 0) == PBP_OK);
    CHECK(chain.json().at("chain") == strings({"QE1", "nhs-england", "dhsc", "parliament"}));
}

TEST_CASE("capi import ods: pretty or compact, with or without a report, the same model") {
    const OdsImport& pretty = excerpt();
    REQUIRE(pretty.status == PBP_OK);
    CHECK(pretty.model.find("{\n  \"format\": \"pbp/1\",\n") == 0);
    const OdsImport compact = import_ods(ods(), ods("areas.json").c_str(), "excerpt", 0);
    REQUIRE(compact.status == PBP_OK);
    CHECK(compact.model.find('\n') == std::string::npos);
    CHECK(boost::json::parse(compact.model) == boost::json::parse(pretty.model));
    CHECK(compact.report == pretty.report);
    // The report is optional.
    char* model = nullptr;
    REQUIRE(pbp_import_ods(&model, nullptr, ods().c_str(), ods("areas.json").c_str(), "excerpt", PBP_PRETTY) == PBP_OK);
    CHECK(std::string(model) == pretty.model);
    pbp_free(model);
    // The name defaults to the command's.
    const OdsImport unnamed = import_ods(ods(), ods("areas.json").c_str(), nullptr, 0);
    REQUIRE(unnamed.status == PBP_OK);
    CHECK(boost::json::parse(unnamed.model).at("name") == "England's health and care organisations");
}

TEST_CASE("capi import ods: with no areas model, the bundled england-areas") {
    Buffer names;
    REQUIRE(pbp_bundled_models(names.out()) == PBP_OK);
    bool bundled = false;
    const boost::json::value list = names.json();
    for (const auto& n : list.as_array()) bundled = bundled || n == "england-areas";
    const OdsImport r = import_ods(ods(), nullptr, nullptr, 0);
    if (!bundled) {  // a library built with -DPBP_BUNDLE_ENGLAND=OFF
        CHECK(r.status == PBP_ERR_NOT_FOUND);
        CHECK(r.error.find("england-areas") != std::string::npos);
        return;
    }
    REQUIRE_MESSAGE(r.status == PBP_OK, r.error);
    // Every area of england-areas comes through, in its order.
    Model areas;
    REQUIRE(pbp_model_load_bundled(areas.out(), "england-areas") == PBP_OK);
    Buffer exported;
    REQUIRE(pbp_model_export(exported.out(), areas.m, "json", nullptr) == PBP_OK);
    CHECK(boost::json::parse(r.model).at("areas") == exported.json().at("areas"));
    // Liverpool, left out of the excerpt's areas on purpose, is in England's: no W611 for it.
    for (const auto& d : r.report.at("diagnostics").as_array())
        CHECK(std::string(d.at("message").as_string()).find("E08000012") == std::string::npos);
}

#ifdef PBP_TEST_CLI
TEST_CASE("capi import ods: byte for byte what pbp import-ods writes, with the same findings and counts") {
    const OdsImport& r = excerpt();
    REQUIRE(r.status == PBP_OK);
    const CliRun cli = cli_import_ods(ods(), "--areas " + shell_word(ods("areas.json")) + " --name excerpt");
    REQUIRE_MESSAGE(cli.status == 0, cli.err);
    CHECK(r.model == cli.model);

    // Standard error: "pbp import-ods: 31 findings ...:", one "  CODE severity: message" line for
    // each, in order, then "pbp import-ods: wrote N organisations (n kind, ...), B bodies and R
    // relations, ...".
    std::istringstream err(cli.err);
    std::string line;
    std::vector<std::string> findings;
    std::string wrote;
    while (std::getline(err, line)) {
        if (line.rfind("  ", 0) == 0) findings.push_back(line.substr(2));
        if (line.rfind("pbp import-ods: wrote ", 0) == 0) wrote = line;
    }
    std::vector<std::string> expected;
    for (const auto& d : r.report.at("diagnostics").as_array())
        expected.push_back(std::string(d.at("code").as_string()) + " " + std::string(d.at("severity").as_string()) + ": " +
                           std::string(d.at("message").as_string()));
    CHECK(findings == expected);
    std::int64_t total = 0;
    std::string kinds;
    for (const auto& [kind, n] : r.report.at("organisations").as_object()) {
        total += n.to_number<std::int64_t>();
        kinds += (kinds.empty() ? "" : ", ") + std::to_string(n.to_number<std::int64_t>()) + " " + std::string(kind);
    }
    CHECK(wrote.rfind("pbp import-ods: wrote " + std::to_string(total) + " organisations (" + kinds + "), " +
                          std::to_string(r.report.at("bodies").to_number<std::int64_t>()) + " bodies and " +
                          std::to_string(r.report.at("relations").to_number<std::int64_t>()) + " relations, ",
                      0) == 0);

    // The command's default name too.
    const OdsImport unnamed = import_ods(ods(), ods("areas.json").c_str(), nullptr, PBP_PRETTY);
    const CliRun cli_unnamed = cli_import_ods(ods(), "--areas " + shell_word(ods("areas.json")));
    REQUIRE_MESSAGE(cli_unnamed.status == 0, cli_unnamed.err);
    CHECK(unnamed.model == cli_unnamed.model);
}

TEST_CASE("capi import ods: an areas model with errors, refused as the command refuses it, forced as --force forces it") {
    // with_errors.json's error (E004) is in its bodies; it has no areas, so every link to an area
    // is left out (W611), and the model built has no error.
    const std::string with_errors = data("with_errors.json");
    const OdsImport refused = import_ods(ods(), with_errors.c_str(), nullptr, PBP_PRETTY);
    CHECK(refused.status == PBP_ERR_MODEL_HAS_ERRORS);
    CHECK(refused.error.find("the areas model '" + with_errors + "' has 1 error (first: E004") == 0);
    CHECK(refused.error.find("pass PBP_FORCE to import on it anyway") != std::string::npos);
    CHECK(std::string(pbp_last_error_diagnostic()) == "E004");
    const CliRun cli_refused = cli_import_ods(ods(), "--areas " + shell_word(with_errors));
    CHECK(cli_refused.status != 0);

    const OdsImport forced = import_ods(ods(), with_errors.c_str(), nullptr, PBP_PRETTY | PBP_FORCE);
    REQUIRE_MESSAGE(forced.status == PBP_OK, forced.error);
    const CliRun cli_forced = cli_import_ods(ods(), "--areas " + shell_word(with_errors) + " --force");
    REQUIRE_MESSAGE(cli_forced.status == 0, cli_forced.err);
    CHECK(forced.model == cli_forced.model);
}
#endif

TEST_CASE("capi import ods: NULL arguments, missing registers and columns, and areas that cannot be opened fail cleanly") {
    char* model = poison();
    char* report = poison();
    // The out-parameter for the model and the folder are required.
    CHECK(pbp_import_ods(nullptr, &report, ods().c_str(), ods("areas.json").c_str(), nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("out_model") != std::string::npos);
    CHECK(report == nullptr);
    report = poison();
    CHECK(pbp_import_ods(&model, &report, nullptr, ods("areas.json").c_str(), nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == "data_dir is NULL");
    CHECK(model == nullptr);
    CHECK(report == nullptr);

    // A folder that does not exist, and one without a register: I/O errors naming them.
    const OdsImport none = import_ods(ods("no-such-folder"), ods("areas.json").c_str(), nullptr, 0);
    CHECK(none.status == PBP_ERR_IO);
    CHECK(none.error == "there is no directory '" + ods("no-such-folder") + "'");  // not "has no ods_etr.csv"
    const OdsImport file = import_ods(ods("areas.json"), ods("areas.json").c_str(), nullptr, 0);
    CHECK(file.status == PBP_ERR_IO);
    CHECK(file.error.find("is not a directory") != std::string::npos);
    {
        TempDir tmp;
        copy_registers(tmp.path);
        std::filesystem::remove(tmp.path / "sicbl24_icb24_nhser_en.csv");
        const OdsImport missing = import_ods(tmp.path.string(), ods("areas.json").c_str(), nullptr, 0);
        CHECK(missing.status == PBP_ERR_IO);
        CHECK(missing.error == "'" + tmp.path.string() + "' has no sicbl24_icb24_nhser_en.csv or sicbl_icb_nhser.csv");
        // A register's other name is read as well.
        std::filesystem::copy_file(ods("sicbl24_icb24_nhser_en.csv"), tmp.path / "sicbl_icb_nhser.csv");
        const OdsImport renamed = import_ods(tmp.path.string(), ods("areas.json").c_str(), "excerpt", PBP_PRETTY);
        REQUIRE_MESSAGE(renamed.status == PBP_OK, renamed.error);
        CHECK(renamed.model == excerpt().model);
    }
    {
        // The ICB list without the ICB24CDH column the import needs.
        TempDir tmp;
        copy_registers(tmp.path);
        std::ofstream(tmp.path / "ons_icb24_names_codes_dec2024_en.csv", std::ios::binary | std::ios::trunc)
            << "ICB24CD,ICB24NM\nE54000048,NHS Lancashire and South Cumbria Integrated Care Board\n";
        const OdsImport bad = import_ods(tmp.path.string(), ods("areas.json").c_str(), nullptr, 0);
        CHECK(bad.status == PBP_ERR_INVALID_ARGUMENT);
        CHECK(bad.error.find("CDH") != std::string::npos);
    }

    // Areas that cannot be opened fail as pbp_model_open() fails for the same name: the same
    // status and message.
    for (const std::string& areas : {std::string("no-such-model"), data("not_json.json"), data("wrong_format.json"), ods()}) {
        CAPTURE(areas);
        Model opened;
        const int open_status = pbp_model_open(opened.out(), areas.c_str());
        const std::string open_error = pbp_last_error();
        REQUIRE(open_status != PBP_OK);
        const OdsImport r = import_ods(ods(), areas.c_str(), nullptr, 0);
        CHECK(r.status == open_status);
        CHECK(r.error == open_error);
    }
    CHECK(import_ods(ods(), "no-such-model", nullptr, 0).status == PBP_ERR_NOT_FOUND);
    CHECK(import_ods(ods(), data("not_json.json").c_str(), nullptr, 0).status == PBP_ERR_PARSE);
    CHECK(std::string(pbp_last_error_diagnostic()) == "E001");
    CHECK(import_ods(ods(), ods().c_str(), nullptr, 0).status == PBP_ERR_IO);  // a folder, not a file
}

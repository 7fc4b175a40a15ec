// Loading, saving, validating, exporting and reporting models (pbp.h "Loading and saving").
#include "capi_support.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

using namespace capi_test;

namespace {
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("capi load: a valid file loads with no diagnostics") {
    Model m;
    load(m, "small.json");
    size_t errors = 99, warnings = 99;
    REQUIRE(pbp_model_diagnostic_counts(&errors, &warnings, m.m) == PBP_OK);
    CHECK(errors == 0);
    CHECK(warnings == 0);
    CHECK(pbp_model_diagnostic_counts(nullptr, nullptr, m.m) == PBP_OK);  // either may be omitted
    Buffer name;
    REQUIRE(pbp_model_name(name.out(), m.m) == PBP_OK);
    CHECK(name.str() == "Small test partnership");
    Buffer v;
    REQUIRE(pbp_model_validate(v.out(), m.m, 0) == PBP_OK);
    CHECK(v.json() == boost::json::parse(R"({"diagnostics": [], "errors": 0, "warnings": 0})"));
}

TEST_CASE("capi load: a model with errors still loads, and validate lists them") {
    // with_errors.json: a board whose "of" names a missing organisation (E004), which also leaves
    // the board answering to no organisation (W102).
    Model m;
    load(m, "with_errors.json");
    size_t errors = 0, warnings = 0;
    REQUIRE(pbp_model_diagnostic_counts(&errors, &warnings, m.m) == PBP_OK);
    CHECK(errors == 1);
    CHECK(warnings == 1);
    Buffer v;
    REQUIRE(pbp_model_validate(v.out(), m.m, PBP_PRETTY) == PBP_OK);
    CHECK(v.str().find("\n  \"diagnostics\"") != std::string::npos);  // indented like the CLI
    CHECK(v.str().back() == '\n');
    auto j = v.json().as_object();
    CHECK(j.at("errors") == 1);
    auto& d = j.at("diagnostics").as_array().at(0).as_object();
    CHECK(d.at("code") == "E004");
    CHECK(d.at("severity") == "error");
    CHECK(d.at("path") == "/bodies/0/of");
    CHECK(d.at("line") == 6);  // the "of" value is on line 6 of with_errors.json
    CHECK(d.at("ids") == strings({"board", "missing-org"}));
}

TEST_CASE("capi load: text that is not JSON fails with E001 and where it went wrong") {
    pbp_model* m = reinterpret_cast<pbp_model*>(poison());
    CHECK(pbp_model_load(&m, data("not_json.json").c_str()) == PBP_ERR_PARSE);
    CHECK(m == nullptr);
    CHECK(std::string(pbp_last_error_diagnostic()) == "E001");
    CHECK(std::string(pbp_last_error()).rfind("E001 at line ", 0) == 0);
    auto ds = boost::json::parse(pbp_last_error_diagnostics()).as_array();
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].at("code") == "E001");
    CHECK(ds[0].at("line").is_int64());

    const char text[] = "{\"format\": \"pbp/1\", \"name\": ";
    CHECK(pbp_model_load_text(&m, text, std::strlen(text)) == PBP_ERR_PARSE);
    CHECK(m == nullptr);
    CHECK(pbp_model_load_text(&m, nullptr, 0) == PBP_ERR_PARSE);  // empty text is not JSON
    CHECK(std::string(pbp_last_error_diagnostic()) == "E001");
    CHECK(pbp_model_load_text(&m, nullptr, 10) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi load: a format other than pbp/1 fails with E002") {
    pbp_model* m = nullptr;
    CHECK(pbp_model_load(&m, data("wrong_format.json").c_str()) == PBP_ERR_PARSE);
    CHECK(m == nullptr);
    CHECK(std::string(pbp_last_error_diagnostic()) == "E002");
}

TEST_CASE("capi load: text is read for exactly the length given") {
    // The text is followed by garbage that must not be read: only the first `length` bytes count.
    const std::string good = R"({"format": "pbp/1", "name": "From text", "organisations": [{"id": "x", "kind": "icb"}]})";
    const std::string buffer = good + "}}} not json";
    Model m;
    REQUIRE(pbp_model_load_text(m.out(), buffer.data(), good.size()) == PBP_OK);
    Buffer name;
    REQUIRE(pbp_model_name(name.out(), m.m) == PBP_OK);
    CHECK(name.str() == "From text");
}

TEST_CASE("capi text results: a NUL in a name comes out as U+FFFD, not as the end of the text") {
    // "A\u0000B" is valid JSON; as a C string the name, and the report after its first line,
    // were cut short at the NUL.
    const std::string text = R"({"format": "pbp/1", "name": "A\u0000B", "organisations": [{"id": "x", "kind": "icb", "name": "X\u0000Y"}]})";
    Model m;
    REQUIRE(pbp_model_load_text(m.out(), text.data(), text.size()) == PBP_OK);
    Buffer name, report, dot, json;
    REQUIRE(pbp_model_name(name.out(), m.m) == PBP_OK);
    CHECK(name.str() == "A\xEF\xBF\xBD" "B");
    REQUIRE(pbp_model_report(report.out(), m.m, nullptr) == PBP_OK);
    CHECK(report.str().rfind("A\xEF\xBF\xBD" "B\n###\n", 0) == 0);
    CHECK(report.str().find("Problems\n========") != std::string::npos);  // the whole report
    REQUIRE(pbp_model_export(dot.out(), m.m, "dot", nullptr) == PBP_OK);
    CHECK(dot.str().find("X\xEF\xBF\xBD" "Y") != std::string::npos);
    // JSON escapes it: the document keeps the name exactly.
    REQUIRE(pbp_model_export(json.out(), m.m, "json", nullptr) == PBP_OK);
    CHECK(json.str().find(R"("name": "A\u0000B")") != std::string::npos);
}

TEST_CASE("capi load: missing files are I/O errors: NULL paths invalid") {
    pbp_model* m = nullptr;
    CHECK(pbp_model_load(&m, data("no-such-file.json").c_str()) == PBP_ERR_IO);
    CHECK(m == nullptr);
    CHECK(pbp_model_load(&m, nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_open(&m, nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_load_bundled(&m, nullptr) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi load: bundled models by name, and open as the command line does") {
    Buffer names;
    REQUIRE(pbp_bundled_models(names.out()) == PBP_OK);
    auto list = names.json().as_array();
    bool has_notts = false;
    for (auto& n : list) has_notts = has_notts || n == "nottinghamshire";
    CHECK(has_notts);

    Model notts;
    REQUIRE(pbp_model_load_bundled(notts.out(), "nottinghamshire") == PBP_OK);
    pbp_model* m = nullptr;
    CHECK(pbp_model_load_bundled(&m, "atlantis") == PBP_ERR_NOT_FOUND);
    CHECK(std::string(pbp_last_error()).find("nottinghamshire") != std::string::npos);  // lists what there is

    Model by_name, by_path;
    REQUIRE(pbp_model_open(by_name.out(), "nottinghamshire") == PBP_OK);
    REQUIRE(pbp_model_open(by_path.out(), data("small.json").c_str()) == PBP_OK);
    Buffer name;
    REQUIRE(pbp_model_name(name.out(), by_path.m) == PBP_OK);
    CHECK(name.str() == "Small test partnership");
    CHECK(pbp_model_open(&m, "atlantis") == PBP_ERR_NOT_FOUND);
    CHECK(pbp_model_open(&m, PBP_TEST_DATA) == PBP_ERR_IO);  // a directory is not a model
    CHECK(std::string(pbp_last_error()).find("is a directory") != std::string::npos);
    CHECK(m == nullptr);
}

TEST_CASE("capi load: open reads a pipe or a device as the command line does, up to the size limit") {
    // A pipe, as `pbp validate <(cat small.json)` gives: /dev/fd/N, a link to the pipe.
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const std::string text = slurp(data("small.json"));
    REQUIRE(text.size() < 65536);  // fits in the pipe's buffer: written before it is read
    REQUIRE(write(fds[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    close(fds[1]);
    Model piped;
    const std::string fd_path = "/dev/fd/" + std::to_string(fds[0]);
    REQUIRE_MESSAGE(pbp_model_open(piped.out(), fd_path.c_str()) == PBP_OK, pbp_last_error());
    close(fds[0]);
    Buffer name;
    REQUIRE(pbp_model_name(name.out(), piped.m) == PBP_OK);
    CHECK(name.str() == "Small test partnership");
    // An endless device: refused with E010 after reading one byte past the limit (docs/limits.md).
    if (std::filesystem::exists("/dev/zero")) {
        pbp_model* m = nullptr;
        CHECK(pbp_model_open(&m, "/dev/zero") == PBP_ERR_PARSE);
        CHECK(std::string(pbp_last_error()).find("E010") != std::string::npos);
        CHECK(m == nullptr);
    }
}

TEST_CASE("capi handles: NULL and things that are not models are refused, never dereferenced blindly") {
    Buffer b;
    CHECK(pbp_model_name(b.out(), nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == "model is NULL");
    CHECK(pbp_model_validate(b.out(), nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_accountability(b.out(), nullptr, "icb", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_diagnostic_counts(nullptr, nullptr, nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_save(nullptr, "x.json") == PBP_ERR_INVALID_ARGUMENT);

    // Memory that is not a model (zeroed, as a stale or wrong pointer might be).
    alignas(64) unsigned char fake[256] = {0};
    auto* not_a_model = reinterpret_cast<pbp_model*>(fake);
    CHECK(pbp_model_name(b.out(), not_a_model) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("not a pbp_model") != std::string::npos);
    CHECK(pbp_model_decides(b.out(), not_a_model, "fn", "p1", nullptr, PBP_FORCE) == PBP_ERR_INVALID_ARGUMENT);
    pbp_model_free(not_a_model);  // ignored: it was never a model
}

TEST_CASE("capi save: the model saved loads again and answers as the one loaded") {
    Model m;
    load(m, "small.json");
    const auto path = (std::filesystem::temp_directory_path() / ("pbp-capi-save-" + std::to_string(::getpid()) + ".json")).string();
    REQUIRE_MESSAGE(pbp_model_save(m.m, path.c_str()) == PBP_OK, pbp_last_error());
    Model again;
    REQUIRE(pbp_model_load(again.out(), path.c_str()) == PBP_OK);
    Buffer a, b;
    REQUIRE(pbp_model_decides(a.out(), m.m, "fn", "p1", nullptr, 0) == PBP_OK);
    REQUIRE(pbp_model_decides(b.out(), again.m, "fn", "p1", nullptr, 0) == PBP_OK);
    CHECK(a.str() == b.str());
    Buffer exported;
    REQUIRE(pbp_model_export(exported.out(), m.m, "json", nullptr) == PBP_OK);
    CHECK(exported.str() == slurp(path));  // export json is what save writes
    std::filesystem::remove(path);

    CHECK(pbp_model_save(m.m, "/nonexistent-directory/model.json") == PBP_ERR_IO);
    CHECK(pbp_model_save(m.m, nullptr) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi export: json, dot and graphml: other formats refused") {
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_export(out.out(), m.m, nullptr, nullptr) == PBP_OK);  // NULL = json
    CHECK(boost::json::parse(out.str()).at("name") == "Small test partnership");
    REQUIRE(pbp_model_export(out.out(), m.m, "dot", nullptr) == PBP_OK);
    CHECK(out.str().find("digraph") != std::string::npos);
    CHECK(out.str().find("p1.committee") != std::string::npos);
    REQUIRE(pbp_model_export(out.out(), m.m, "graphml", "2023-01-01") == PBP_OK);
    CHECK(out.str().find("<graphml") != std::string::npos);
    CHECK(out.str().find("p1.director") == std::string::npos);  // the post starts on 2023-04-01
    char* p = poison();
    CHECK(pbp_model_export(&p, m.m, "svg", nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(p == nullptr);
    CHECK(pbp_model_export(&p, m.m, "json", "2023-01-01") == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_export(&p, m.m, "dot", "2023-02-30") == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi report: the readable summary, for models with errors too") {
    Model m;
    load(m, "with_errors.json");
    Buffer r;
    REQUIRE(pbp_model_report(r.out(), m.m, nullptr) == PBP_OK);
    CHECK(r.str().find("A model with an error") != std::string::npos);
    CHECK(r.str().find("E004") != std::string::npos);
    CHECK(pbp_model_report(r.out(), m.m, "yesterday") == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi report_html: one self-contained page, and NULL arguments and bad days are errors") {
    Model m;
    load(m, "with_errors.json");
    Buffer r;
    if (!PBP_TEST_HTML_REPORT) {  // built with -DPBP_HTML_REPORT=OFF: a clear error, nothing written
        char* p = nullptr;
        CHECK(pbp_model_report_html(&p, m.m, nullptr) == PBP_ERR_INVALID_ARGUMENT);
        CHECK(p == nullptr);
        CHECK(std::string(pbp_last_error()).find("-DPBP_HTML_REPORT=OFF") != std::string::npos);
        return;
    }
    REQUIRE_MESSAGE(pbp_model_report_html(r.out(), m.m, nullptr) == PBP_OK, pbp_last_error());
    CHECK(r.str().rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(r.str().find("<section id=\"problems\">") != std::string::npos);
    CHECK(r.str().find("E004") != std::string::npos);
    REQUIRE(pbp_model_report_html(r.out(), m.m, "2023-01-01") == PBP_OK);
    CHECK(!r.str().empty());
    char* p = nullptr;
    CHECK(pbp_model_report_html(&p, m.m, "yesterday") == PBP_ERR_INVALID_ARGUMENT);
    CHECK(p == nullptr);
    CHECK(pbp_model_report_html(&p, nullptr, nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_report_html(nullptr, m.m, nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("out") != std::string::npos);
}

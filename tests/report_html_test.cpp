// The HTML report (report_html.hpp): its sections, escaping of the model's text, and the day.
#include "pbp/bundled.hpp"
#include "pbp/error.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"
#include "pbp/report_html.hpp"
#include "pbp/validate.hpp"

#include "bundled_support.hpp"
#include "test_support.hpp"
#include <doctest/doctest.h>

#include <string>

using namespace pbp;

using pbp::test::occurrences;

TEST_CASE("report_html: every section, diagrams per place, no reference outside the page") {
    auto m = test::load_bundled("nottinghamshire");
    if (!has_html_report()) {  // built with -DPBP_HTML_REPORT=OFF: a clear error, and nothing else to test
        CHECK_THROWS_WITH_AS(report_html(*m, {}), doctest::Contains("no HTML report"), Error);
        return;
    }
    const std::string page = report_html(*m, validate(*m));
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    for (const char* id : {"accountability", "money", "decisions", "geography", "problems", "entities"})
        CHECK_MESSAGE(page.find(std::string("<section id=\"") + id + "\">") != std::string::npos, id);
    // One Graphviz diagram per place, without its XML prolog.
    CHECK(occurrences(page, "class=\"diagram accountability\"") == 4);
    CHECK(page.find("<?xml") == std::string::npos);
    CHECK(page.find("<!DOCTYPE svg") == std::string::npos);
    CHECK(occurrences(page, "class=\"diagram sankey\"") >= 1);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("src=\"http") == std::string::npos);
    CHECK(page.find("href=\"http") == std::string::npos);
    CHECK(page.find("@media print") != std::string::npos);
}

TEST_CASE("report_html: names from the file are text, never markup") {
    if (!has_html_report()) return;
    const auto loaded = load_model(R"({"format": "pbp/1", "name": "A <script>alert('x')</script> & \"B\"",
        "areas": [{"id": "place.a", "name": "<b>Place</b> & co", "kind": "place"}],
        "organisations": [{"id": "parliament", "kind": "parliament"},
                          {"id": "icb", "name": "ICB \"quoted\" <i>", "kind": "icb"}],
        "bodies": [{"id": "board", "name": "Board <img src=x>", "kind": "board", "of": "icb", "place": "place.a"}]})");
    REQUIRE(loaded.model);
    const std::string page = report_html(*loaded.model, validate(*loaded.model));
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<b>Place") == std::string::npos);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("A &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;B&quot;") != std::string::npos);
    CHECK(page.find("&lt;b&gt;Place&lt;/b&gt; &amp; co") != std::string::npos);
}

TEST_CASE("report_html: the day changes what is shown") {
    if (!has_html_report()) return;
    auto m = test::load_bundled("nottinghamshire");
    const Diagnostics problems = validate(*m);
    const std::string all = report_html(*m, problems);
    const std::string day = report_html(*m, problems, *parse_date("2022-07-01"));
    CHECK(all != day);
    CHECK(day.find("As of 2022-07-01.") != std::string::npos);
    CHECK(all.find("As of") == std::string::npos);
}

TEST_CASE("report_html: problems link to their entities and back") {
    if (!has_html_report()) return;
    const auto loaded = load_model(R"({"format": "pbp/1", "name": "Broken",
        "organisations": [{"id": "icb", "kind": "icb"}],
        "bodies": [{"id": "board", "kind": "board", "of": "nowhere"}]})");
    REQUIRE(loaded.model);
    Diagnostics problems = loaded.diagnostics;
    const Diagnostics more = validate(*loaded.model);
    problems.insert(problems.end(), more.begin(), more.end());
    REQUIRE(!problems.empty());
    const std::string page = report_html(*loaded.model, problems);
    CHECK(page.find("<h3 id=\"errors\">") != std::string::npos);
    CHECK(page.find("<a href=\"#entity-board\">") != std::string::npos);
    CHECK(page.find("<tr id=\"entity-board\">") != std::string::npos);
    CHECK(page.find("<a href=\"#problem-1\">") != std::string::npos);
}

TEST_CASE("report titles: the name, underlined to its width in characters, and a model with no name says so") {
    // "Café – Ely" is 10 characters in 13 bytes (é two, the en dash three).
    const LoadResult named = load_model(R"({"format": "pbp/1", "name": "Caf\u00e9 \u2013 Ely"})");
    REQUIRE(named.model);
    CHECK(report(*named.model, {}).rfind("Café – Ely\n##########\n", 0) == 0);
    // With no name (E006), `pbp report --force` still has a title to write.
    const LoadResult unnamed = load_model(R"({"format": "pbp/1"})");
    REQUIRE(unnamed.model);
    REQUIRE(pbp::test::codes(unnamed.diagnostics) == std::vector<std::string>{"E006"});
    CHECK(report(*unnamed.model, unnamed.diagnostics).rfind("(a model with no name)\n######################\n", 0) == 0);
    if (!has_html_report()) return;
    const std::string page = report_html(*unnamed.model, unnamed.diagnostics);
    CHECK(page.find("<title>(a model with no name)</title>") != std::string::npos);
    CHECK(page.find("<h1>(a model with no name)</h1>") != std::string::npos);
}

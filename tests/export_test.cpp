// Tests for export.hpp's GraphML: the model's ids are the node ids, escaped as XML 1.0 requires
// (section 2.4 for character data, 3.3.3 for the normalisation of attribute values), and only
// areas, organisations, bodies and posts are nodes. Expectations are written out by hand.
#include "pbp/detail/html.hpp"
#include "pbp/export.hpp"
#include "pbp/load.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace pbp;

namespace {
const char* kEscapesModel = R"({"format": "pbp/1", "name": "Escapes",
  "areas": [{"id": "place.a", "name": "A & B <North>", "kind": "place"}],
  "organisations": [{"id": "icb", "name": "The \"ICB\"", "kind": "icb"}],
  "bodies": [{"id": "icb.board", "name": "Board", "kind": "board", "of": "icb", "place": "place.a"}],
  "functions": [{"id": "fn.x", "name": "X", "holder": "icb"}]})";

using pbp::test::occurrences;
}  // namespace

TEST_CASE("xml_escape: markup characters, whitespace kept through attribute normalisation, other controls replaced") {
    CHECK(detail::xml_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
    CHECK(detail::xml_escape("tab\there\nnew\rline") == "tab&#9;here&#10;new&#13;line");
    CHECK(detail::xml_escape(std::string("bell\x07", 5)) == "bell\xEF\xBF\xBD");
    CHECK(detail::xml_escape("Ynys Môn") == "Ynys Môn");  // UTF-8 passes through
    CHECK(detail::xml_escape("") == "");
}

TEST_CASE("dot_quote and html_escape: a NUL and the other controls a name may hold come out as U+FFFD") {
    // "\u0000" is valid JSON in a name; written raw, Graphviz stops reading the string there and
    // HTML treats it as a parse error.
    const std::string name("A\0B\x01" "C\tD\nE", 9);
    CHECK(detail::dot_quote(name) == "\"A\xEF\xBF\xBD" "B\xEF\xBF\xBD" "C\tD\\nE\"");
    CHECK(detail::dot_quote("say \"hi\" \\ there") == "\"say \\\"hi\\\" \\\\ there\"");
    CHECK(detail::html_escape(name) == "A\xEF\xBF\xBD" "B\xEF\xBF\xBD" "C\tD\nE");
    CHECK(detail::html_escape("<b>&'\"") == "&lt;b&gt;&amp;&#39;&quot;");
    CHECK(detail::html_escape("Ynys Môn\r\n") == "Ynys Môn\r\n");
}

TEST_CASE("to_graphml: the model's ids are the node ids, names are escaped, functions are not nodes") {
    auto r = load_model(kEscapesModel);
    REQUIRE(r.model);
    const std::string g = to_graphml(*r.model);
    CHECK(g.find("<node id=\"place.a\">") != std::string::npos);
    CHECK(g.find("<node id=\"icb\">") != std::string::npos);
    CHECK(g.find("<node id=\"icb.board\">") != std::string::npos);
    CHECK(occurrences(g, "<node ") == 3);  // fn.x is not a node, nor its holder link an edge
    CHECK(g.find("fn.x") == std::string::npos);
    CHECK(g.find("<data key=\"name\">A &amp; B &lt;North&gt;</data>") != std::string::npos);
    CHECK(g.find("<data key=\"name\">The &quot;ICB&quot;</data>") != std::string::npos);
    CHECK(g.find("source=\"icb.board\" target=\"icb\"") != std::string::npos);        // of
    CHECK(g.find("source=\"icb.board\" target=\"place.a\"") != std::string::npos);    // place
    CHECK(g.find("id=\"n0\"") == std::string::npos);
}

TEST_CASE("to_graphml: an id with &, < and \" is escaped in the node, and in the edges that name it") {
    // The loader refuses such ids (E006); a model built or changed in code may still hold one,
    // and export never refuses, so the writer must escape what it is given.
    auto r = load_model(kEscapesModel);
    REQUIRE(r.model);
    Model m = *r.model;  // a copy, changed below
    auto icb = m.find("icb");
    REQUIRE(icb);
    m.entities[*icb].id = "a&b<c\"d";
    const std::string g = to_graphml(m);
    CHECK(g.find("<node id=\"a&amp;b&lt;c&quot;d\">") != std::string::npos);
    CHECK(g.find("target=\"a&amp;b&lt;c&quot;d\"") != std::string::npos);
    CHECK(g.find("a&b") == std::string::npos);
    CHECK(g.find("c\"d") == std::string::npos);
}

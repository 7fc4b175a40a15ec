// Saving a model writes its text back re-indented, each value as the file wrote it
// (src/pretty_json.hpp): checked against pretty_json() of the parsed document on random
// documents (the layout), and on numbers a document cannot hold (the reason it exists).
#include "pretty_json.hpp"

#include "pbp/load.hpp"
#include "load_both_ways.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace pbp;
namespace json = boost::json;

namespace {
json::value random_value(std::mt19937& rng, int depth) {
    const int pick = static_cast<int>(rng() % (depth > 3 ? 6 : 9));
    switch (pick) {
    case 0: return nullptr;
    case 1: return rng() % 2 == 0;
    case 2: return static_cast<std::int64_t>(rng() % 2000) - 1000;
    case 3: return static_cast<double>(rng() % 1000) / 8.0;  // written by Boost as 1.25E1
    case 4: {
        static const char* texts[] = {"", "plain", "quote \" and \\ back", "line\nbreak\ttab", "caf\xc3\xa9 \xe2\x80\x93",
                                      "\x01 control", "emoji \xf0\x9f\x8f\xa5", "/slash"};
        return json::string(texts[rng() % 8]);
    }
    case 5: return rng() % 2 ? json::value(json::array()) : json::value(json::object());
    case 6:
    case 7: {
        json::array a;
        const auto n = rng() % 5;
        for (unsigned i = 0; i < n; ++i) a.push_back(random_value(rng, depth + 1));
        return a;
    }
    default: {
        json::object o;
        const auto n = rng() % 5;
        for (unsigned i = 0; i < n; ++i) o["k" + std::to_string(i) + (rng() % 2 ? "\xc3\xa9" : "")] = random_value(rng, depth + 1);
        return o;
    }
    }
}
}  // namespace

TEST_CASE("reindent_json: lays out any text as pretty_json lays out its document") {
    std::mt19937 rng(20261207);
    for (int round = 0; round < 600; ++round) {
        const json::value v = random_value(rng, 0);
        const std::string text = json::serialize(v);
        CAPTURE(text);
        const auto reindented = detail::reindent_json(text);
        REQUIRE(reindented);
        CHECK(*reindented == pretty_json(v));
    }
}

TEST_CASE("reindent_json: the layout, by hand") {
    // Scalars-only arrays on one line; a container in an array puts every element on its own.
    CHECK(detail::reindent_json(R"({"a": [1, "x", null], "b": [1, {"c": true}, [2, 3]], "d": {}, "e": [], "f": [[]]})") ==
          "{\n"
          "  \"a\": [1, \"x\", null],\n"
          "  \"b\": [\n"
          "    1,\n"
          "    {\n"
          "      \"c\": true\n"
          "    },\n"
          "    [2, 3]\n"
          "  ],\n"
          "  \"d\": {},\n"
          "  \"e\": [],\n"
          "  \"f\": [\n"
          "    []\n"
          "  ]\n"
          "}\n");
    // Comments and trailing commas, which pbp reads, are not written.
    CHECK(detail::reindent_json("/* a */ [1, // b\n 2,]") == "[1, 2]\n");
    CHECK(detail::reindent_json("\"only\"") == "\"only\"\n");
    CHECK(detail::reindent_json("-0") == "-0\n");
    CHECK_FALSE(detail::reindent_json("{\"a\": }"));
    CHECK_FALSE(detail::reindent_json("[1] 2"));
}

TEST_CASE("save: numbers are written as the file wrote them, even those no 64-bit integer or double holds") {
    // A document keeps a number as a 64-bit integer or a double: 123456789012345678901 came back
    // as 1.2345678901234567E20, pi's 36 digits as 3.141592653589793E0.
    const char* numbers[] = {"12345678901234567", "123456789012345678901", "18446744073709551615",
                             "-9223372036854775809", "3.14159265358979323846264338327950288", "1.0", "1e2",
                             "2.50", "-0", "0.1E-3"};
    std::string list;
    for (const char* n : numbers) list += std::string(list.empty() ? "" : ", ") + n;
    const std::string text = R"({"format": "pbp/1", "name": "Numbers", "x": [)" + list +
                             R"(], "organisations": [{"id": "icb", "kind": "icb", "attrs": {"pi": 3.14159265358979323846264338327950288, "n": [)" +
                             list + "]}}]}";
    auto r = test::checked_load(text);
    REQUIRE(r.model);
    const std::string saved = save_model(*r.model);
    CHECK(saved.find("\"x\": [" + list + "]") != std::string::npos);
    CHECK(saved.find("\"pi\": 3.14159265358979323846264338327950288,") != std::string::npos);
    CHECK(saved.find("\"n\": [" + list + "]") != std::string::npos);
    auto again = test::checked_load(saved);
    REQUIRE(again.model);
    CHECK(again.diagnostics.size() == r.diagnostics.size());
    CHECK(again.model->document() == r.model->document());
    CHECK(save_model(*again.model) == saved);
}

TEST_CASE("save: a key written twice is written twice, so the saved file reads as the first did") {
    auto r = test::checked_load(R"({"format": "pbp/1", "name": "Twice",
  "areas": [{"id": "a", "kind": "region", "kind": "place"}]})");
    REQUIRE(r.model);
    CHECK(r.model->entities.at(0).kind == "place");  // of equal keys, the last
    const std::string saved = save_model(*r.model);
    CHECK(saved.find("\"kind\": \"region\",\n      \"kind\": \"place\"") != std::string::npos);
    auto again = test::checked_load(saved);
    REQUIRE(again.model);
    CHECK(again.model->entities.at(0).kind == "place");
    REQUIRE(again.diagnostics.size() == r.diagnostics.size());
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
        CHECK(again.diagnostics[i].code == r.diagnostics[i].code);
        CHECK(again.diagnostics[i].code == "E009");
        CHECK(again.diagnostics[i].path == r.diagnostics[i].path);
    }
}

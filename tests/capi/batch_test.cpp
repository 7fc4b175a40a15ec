// The batch queries of the C API: each answer in a batch is the single query's answer, on every
// node (and every place) of bundled models; the list's order is kept; bad lists are refused.
#include "capi_support.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace capi_test;
namespace json = boost::json;

namespace {
void open_bundled(Model& m, const char* name) {
    REQUIRE_MESSAGE(pbp_model_load_bundled(m.out(), name) == PBP_OK, pbp_last_error());
}

json::array ids_of(const json::value& answers, const char* key) {
    json::array out;
    for (const auto& a : answers.as_array()) out.push_back(a.at(key));
    return out;
}
}  // namespace

TEST_CASE("capi accountability_batch: NULL asks every organisation, body and post, and each answer is the single query's") {
    for (const char* name : {"nottinghamshire", "black-country", "west-yorkshire"}) {
        CAPTURE(name);
        Model m;
        open_bundled(m, name);
        Buffer all;
        REQUIRE_MESSAGE(pbp_model_accountability_batch(all.out(), m.m, nullptr, nullptr, 0) == PBP_OK, pbp_last_error());
        const json::value answers = all.json();
        REQUIRE(answers.is_array());
        // Every node the export lists as an organisation, body or post, in byte order of ids.
        Buffer exported;
        REQUIRE(pbp_model_export(exported.out(), m.m, "json", nullptr) == PBP_OK);
        const json::value model = exported.json();
        std::vector<std::string> expected;
        for (const char* section : {"organisations", "bodies", "posts"})
            if (model.as_object().contains(section))
                for (const auto& e : model.at(section).as_array()) expected.emplace_back(e.at("id").as_string());
        std::sort(expected.begin(), expected.end());
        std::vector<std::string> got;
        for (const auto& id : ids_of(answers, "node")) got.emplace_back(id.as_string());
        CHECK(got == expected);
        for (const auto& a : answers.as_array()) {
            Buffer one;
            const std::string node(a.at("node").as_string());
            REQUIRE(pbp_model_accountability(one.out(), m.m, node.c_str(), nullptr, 0) == PBP_OK);
            CHECK(one.json() == a);
        }
    }
}

TEST_CASE("capi accountability_batch: the order asked, repeats kept, dates respected") {
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_accountability_batch(out.out(), m.m, R"(["parliament", "p1.director", "icb", "p1.director"])",
                                           nullptr, 0) == PBP_OK);
    const json::value answers = out.json();
    CHECK(ids_of(answers, "node") == strings({"parliament", "p1.director", "icb", "p1.director"}));
    CHECK(answers.at(1).at("chain") == strings({"p1.director", "p1.committee", "icb", "nhse", "parliament"}));
    CHECK(answers.at(0).at("chain") == strings({"parliament"}));
    // p1.director starts on 2023-04-01: NULL on 2023-01-01 leaves it out; naming it is NOT_FOUND.
    REQUIRE(pbp_model_accountability_batch(out.out(), m.m, nullptr, "2023-01-01", 0) == PBP_OK);
    for (const auto& id : ids_of(out.json(), "node")) CHECK(id != "p1.director");
    CHECK(pbp_model_accountability_batch(out.out(), m.m, R"(["icb", "p1.director"])", "2023-01-01", 0) == PBP_ERR_NOT_FOUND);
    CHECK(std::string(pbp_last_error()).find("p1.director") != std::string::npos);
    CHECK(out.p == nullptr);
    // An empty list is an empty answer.
    REQUIRE(pbp_model_accountability_batch(out.out(), m.m, "[]", nullptr, 0) == PBP_OK);
    CHECK(out.json() == json::array{});
}

TEST_CASE("capi accountability_batch: lists that are not arrays of ids are refused") {
    Model m;
    load(m, "small.json");
    Buffer out;
    for (const char* bad : {"", "icb", R"({"nodes": ["icb"]})", R"(["icb", 3])", R"(["icb",)", R"([null])"}) {
        CAPTURE(bad);
        CHECK(pbp_model_accountability_batch(out.out(), m.m, bad, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
        CHECK(std::string(pbp_last_error()).find("nodes") != std::string::npos);
    }
    CHECK(pbp_model_accountability_batch(out.out(), m.m, R"(["nobody"])", nullptr, 0) == PBP_ERR_NOT_FOUND);
    // A NUL written as \u0000 is valid JSON; read as a C string, "icb\u0000zzz" was taken for "icb".
    CHECK(pbp_model_accountability_batch(out.out(), m.m, R"(["p1", "icb\u0000zzz"])", nullptr, 0) ==
          PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()) == "nodes[1] holds a NUL character (\\u0000), which no id can");
    CHECK(pbp_model_decides_batch(out.out(), m.m, "fn", R"(["p1\u0000"])", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("places[0] holds a NUL") == 0);
    CHECK(pbp_model_accountability_batch(nullptr, m.m, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_accountability_batch(out.out(), nullptr, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_accountability_batch(out.out(), m.m, nullptr, "2023-02-30", 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi decides_batch: every place of every function, each the single query's answer") {
    for (const char* name : {"nottinghamshire", "bob"}) {
        CAPTURE(name);
        Model m;
        open_bundled(m, name);
        Buffer exported;
        REQUIRE(pbp_model_export(exported.out(), m.m, "json", nullptr) == PBP_OK);
        const json::value model = exported.json();
        std::vector<std::string> places;
        for (const auto& a : model.at("areas").as_array())
            if (a.at("kind") == "place") places.emplace_back(a.at("id").as_string());
        std::sort(places.begin(), places.end());
        REQUIRE(!places.empty());
        std::size_t functions = 0;
        for (const auto& f : model.at("functions").as_array()) {
            const std::string fn(f.at("id").as_string());
            Buffer all;
            REQUIRE_MESSAGE(pbp_model_decides_batch(all.out(), m.m, fn.c_str(), nullptr, nullptr, 0) == PBP_OK, pbp_last_error());
            const json::value answers = all.json();
            REQUIRE(answers.as_array().size() == places.size());
            for (std::size_t k = 0; k < places.size(); ++k) {
                Buffer one;
                REQUIRE(pbp_model_decides(one.out(), m.m, fn.c_str(), places[k].c_str(), nullptr, 0) == PBP_OK);
                CHECK(one.json() == answers.at(k));
            }
            ++functions;
        }
        CHECK(functions > 0);
    }
}

TEST_CASE("capi decides_batch: a list of places, and its refusals") {
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_decides_batch(out.out(), m.m, "fn", R"(["p2", "p1"])", nullptr, 0) == PBP_OK);
    CHECK(ids_of(out.json(), "decision_maker") == strings({"icb", "p1.director"}));
    CHECK(pbp_model_decides_batch(out.out(), m.m, nullptr, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_decides_batch(out.out(), m.m, "fn", "p1", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_decides_batch(out.out(), m.m, "fn", R"(["nowhere"])", nullptr, 0) == PBP_ERR_NOT_FOUND);
    CHECK(pbp_model_decides_batch(out.out(), m.m, "nofn", nullptr, nullptr, 0) == PBP_ERR_NOT_FOUND);
}

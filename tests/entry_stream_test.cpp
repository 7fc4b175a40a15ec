// Tests for src/entry_stream.hpp, the two readings that stand in for one parsed document while
// a model loads. The expectation is always the document Boost.JSON's own parser builds from
// the same text: the streamed entries, ids and top level must be exactly what it holds.
#include "entry_stream.hpp"

#include "pbp/bundled.hpp"
#include "pbp/load.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace json = boost::json;
using pbp::detail::Outline;

namespace {

constexpr std::array<std::string_view, 3> kLists{"areas", "relations", "flows"};

json::value whole(std::string_view text) {
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    return json::parse(text, {}, options);
}

// Every entry the second reading hands over, per list, in the order handed.
std::vector<std::vector<json::value>> streamed(std::string_view text, const Outline& outline) {
    std::vector<std::vector<json::value>> out(kLists.size());
    pbp::detail::for_each_entry(text, kLists, outline, [&](std::size_t list, std::size_t index, const json::value& v) {
        CHECK(index == out[list].size());  // in order, none skipped
        // Copied into memory of its own: the entry's goes when the call returns.
        out[list].emplace_back(v, json::storage_ptr{});
    });
    return out;
}

// Checks both readings of `text` against the whole document.
void same_as_document(std::string_view text) {
    const json::value doc = whole(text);
    json::error_code ec;
    std::size_t consumed = 0;
    const Outline outline = pbp::detail::outline(text, kLists, ec, consumed);
    REQUIRE(!ec);
    CHECK(consumed == text.size());
    REQUIRE(outline.object == doc.is_object());
    const json::object& root = doc.as_object();
    const auto entries = streamed(text, outline);
    CHECK(outline.root.size() == root.size());
    for (const auto& kv : root) {
        const auto* list = std::find(kLists.begin(), kLists.end(), std::string_view(kv.key()));
        const json::value* kept = outline.root.if_contains(kv.key());
        REQUIRE(kept);
        if (list == kLists.end() || !kv.value().is_array()) {
            CHECK(*kept == kv.value());
            continue;
        }
        const auto l = static_cast<std::size_t>(list - kLists.begin());
        CHECK(kept->is_array());
        CHECK(kept->get_array().empty());
        CHECK(outline.listed[l].has_value());
        const json::array& a = kv.value().get_array();
        REQUIRE(outline.entries[l].size() == a.size());
        REQUIRE(entries[l].size() == a.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(entries[l][i] == a[i]);
            const pbp::detail::ListEntry& e = outline.entries[l][i];
            CHECK(e.object == a[i].is_object());
            const json::value* id = a[i].is_object() ? a[i].get_object().if_contains("id") : nullptr;
            CHECK(e.has_id == (id != nullptr));
            if (id) CHECK(e.id == *id);
        }
    }
    for (std::size_t l = 0; l < kLists.size(); ++l)
        if (!root.contains(kLists[l]) || !root.at(kLists[l]).is_array()) {
            CHECK(!outline.listed[l].has_value());
            CHECK(entries[l].empty());
        }
}

}  // namespace

TEST_CASE("entry stream: every bundled model read entry by entry is the document Boost.JSON builds") {
    for (std::string_view name : pbp::bundled_model_names()) {
        CAPTURE(name);
        same_as_document(*pbp::bundled_model(name));
    }
}

TEST_CASE("entry stream: odd shapes read as the document holds them") {
    // Lists in any order; entries that are not objects; ids of every type; nested lists and
    // objects at every depth; comments and trailing commas; escapes in keys and strings.
    same_as_document(R"({"flows": [1, "two", [3, [4]], null], "name": "x", /* a comment */
        "areas": [{"id": "a\u0041", "within": ["b"], "attrs": {"id": "not the entry's", "deep": [{"id": 1}]}},
                  {"id": 7}, {"id": {"nested": ["id"]}}, {"name": "no id"}, [{"id": "in a list"}], ],
        "attrs": {"areas": [{"id": "not a list of the model"}]}, "relations": [], "other": [{"id": "x"}],
        "k\"ey": "v\n"})");
    // A list that is not a list stays at the top level, to be reported there.
    same_as_document(R"({"areas": 5, "relations": {"id": "r"}, "flows": null})");
    same_as_document(R"({})");
}

TEST_CASE("entry stream: of a key written twice, the last writing is kept, as the document keeps it") {
    // Boost.JSON keeps the last value of a repeated key; the loader reports the repeat (E009).
    same_as_document(R"({"areas": [{"id": "first"}], "name": "n", "areas": [{"id": "second"}, {"id": "third"}]})");
    same_as_document(R"({"areas": [{"id": "listed"}], "areas": 5})");
    same_as_document(R"({"areas": 5, "areas": [{"id": "listed"}]})");
    same_as_document(R"({"areas": [{"id": "x", "name": "a", "id": "y"}]})");
    same_as_document(R"({"name": "a", "name": {"nested": [1, 2]}, "flows": [], "flows": [{"from": "x"}]})");
}

TEST_CASE("entry stream: a syntax error stops the first reading where the parser stops") {
    for (std::string_view text : {R"({"areas": [{"id": "a"}, {"id": )", R"({"areas": [] } extra)", R"([1, 2,, 3])"}) {
        CAPTURE(text);
        json::error_code ec, expected;
        std::size_t consumed = 0;
        pbp::detail::outline(text, kLists, ec, consumed);
        CHECK(ec);
        json::stream_parser p;
        const std::size_t n = p.write_some(text.data(), text.size(), expected);
        if (!expected && n < text.size()) expected = json::error::extra_data;
        if (!expected) p.finish(expected);
        CHECK(ec == expected);
        CHECK(consumed == n);
    }
}

TEST_CASE("entry stream: the first value past a limit is found wherever it is, with its pointer") {
    using What = pbp::detail::Oversize::What;
    const std::string past(pbp::limits::string_bytes + 1, 'k');
    json::error_code ec;
    std::size_t consumed = 0;
    auto first = [&](const std::string& text) {
        const Outline o = pbp::detail::outline(text, kLists, ec, consumed);
        REQUIRE(!ec);
        REQUIRE(o.oversize);
        return *o.oversize;
    };
    // In an entry, where the document is never whole: a string, then a key, then a number.
    auto s = first(R"({"areas": [{"id": "a"}, {"id": "b", "attrs": {"x~/y": [0, ")" + past + R"("]}}]})");
    CHECK(s.what == What::string);
    CHECK(s.pointer == "/areas/1/attrs/x~0~1y/1");
    CHECK(s.bytes == past.size());
    auto k = first(R"({"relations": [{"kind": "informs", "attrs": {")" + past + R"(": 1}}]})");
    CHECK(k.what == What::key);
    CHECK(k.pointer == "/relations/0/attrs/" + std::string(32, 'k') + "...");
    auto n = first(R"({"flows": [{}, {}, {"amount": 1e999}], "name": ")" + past + "\"}");
    CHECK(n.what == What::number);  // the first in text order, not the string after it
    CHECK(n.pointer == "/flows/2/amount");
    // A long key cut for its pointer at a character boundary: each 'é' is two bytes.
    std::string accents;
    while (accents.size() <= pbp::limits::string_bytes) accents += "\xC3\xA9";
    auto cut = first(R"({"name": "n", "attrs": {"z)" + accents + R"(": 1}})");
    CHECK(cut.pointer == "/attrs/z" + accents.substr(0, 30) + "...");
}

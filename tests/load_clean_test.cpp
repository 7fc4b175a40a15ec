// The quick reading of a model (src/load_clean.hpp) against the full one: on every model of
// the project and on thousands of broken copies of them, load_model() must give exactly what
// the full reading gives (every field of the model, every diagnostic with its words and
// place), and the quick reading must not give way on a model the full reading finds nothing
// wrong with.
#include "load_both_ways.hpp"

#include "pbp/bundled.hpp"
#include "pbp/load.hpp"

#include <boost/json.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {
using namespace pbp;
using test::quick_reads;
using test::same_both_ways;
namespace json = boost::json;

std::vector<std::filesystem::path> project_models() {
    const std::filesystem::path root = std::filesystem::path(PBP_TEST_DATA).parent_path().parent_path();
    std::vector<std::filesystem::path> out;
    for (const char* dir : {"tests", "examples", "bindings", "docs"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir))
            if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// As pbp reads JSON: with comments and trailing commas.
json::value parse(std::string_view text) {
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    return json::parse(text, {}, options);
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// ---- broken copies ---------------------------------------------------------------------------

// Every value of `v` with its place, so that a mutation can pick one at random.
void values(json::value& v, std::vector<json::value*>& out) {
    out.push_back(&v);
    if (v.is_object())
        for (auto& kv : v.get_object()) values(kv.value(), out);
    else if (v.is_array())
        for (auto& x : v.get_array()) values(x, out);
}

// Values to put in place of another: other types, near misses of each field's syntax, the
// words of other fields, sizes at and past pbp's limits.
const std::vector<json::value>& replacements() {
    static const std::vector<json::value> values{
        nullptr, true, 0, -1, 3.5, 1e300, "", "x", "2023-02-30", "2023/24", "-5.00", "12.345", "1e3",
        json::array(), json::array{"x"}, json::object(), json::object{{"id", "x"}}, "chair", "delegates", "board",
        "icb", "pbp/2", "999999999999999999999999999999999999999999.00", "1701411834604692317316873037158841057.27",
        20000000000, 18446744073709551615ull};
    return values;
}

// A copy of `model` with one thing changed: a value replaced by one of another type or by a
// near miss, a key dropped, renamed or added, an id copied onto another entry.
std::string mutated(const json::value& model, std::mt19937& rng) {
    json::value copy = model;
    std::vector<json::value*> all;
    values(copy, all);
    json::value& target = *all[std::uniform_int_distribution<std::size_t>(0, all.size() - 1)(rng)];
    std::vector<std::string> ids;
    for (json::value* v : all)
        if (v->is_object())
            if (auto* id = v->get_object().if_contains("id"); id && id->is_string()) ids.emplace_back(id->get_string());
    auto pick = [&](auto& options) { return options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng)]; };
    switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
        case 0: target = pick(replacements()); break;
        case 1:
            if (!ids.empty()) target = json::string(pick(ids));  // another entity, or a duplicate id
            break;
        case 2:
            if (target.is_object() && !target.get_object().empty()) {
                auto& o = target.get_object();
                o.erase(std::next(o.begin(), static_cast<std::ptrdiff_t>(rng() % o.size())));
            }
            break;
        case 3:
            if (target.is_object()) {
                static const std::vector<std::string> keys{"id", "name", "kind", "notes", "attrs", "of", "in",
                                                           "holder", "members", "quorum", "role", "voting", "limit",
                                                           "functions", "valid_from", "valid_to", "codes", "colour"};
                target.get_object()[pick(keys)] = pick(replacements());
            }
            break;
        case 4:
            if (target.is_array() && !target.get_array().empty()) {
                auto& a = target.get_array();
                a.push_back(a[rng() % a.size()]);  // an entry twice: its id twice
            }
            break;
        default:
            if (target.is_string()) target = json::string(std::string(target.get_string()) + "x");
            break;
    }
    return json::serialize(copy);
}

}  // namespace

TEST_CASE("load: the quick reading and the full one agree on every model of the project") {
    const auto paths = project_models();
    REQUIRE(paths.size() >= 40);
    std::size_t quick = 0;
    for (const auto& p : paths) quick += same_both_ways(read(p), p.string());
    for (std::string_view name : bundled_model_names()) quick += same_both_ways(std::string(*bundled_model(name)), std::string(name));
    MESSAGE(quick << " of " << paths.size() + bundled_model_names().size() << " read quickly");
    // The bundled models are sound: each is read quickly.
    for (std::string_view name : bundled_model_names()) CHECK_MESSAGE(quick_reads(*bundled_model(name)), name);
}

TEST_CASE("load: the quick reading and the full one agree on broken copies of the models") {
    std::mt19937 rng(20261206);
    std::vector<std::pair<std::string, json::value>> models;
    const std::filesystem::path data(PBP_TEST_DATA);
    models.emplace_back("conformance", parse(read(data.parent_path() / "conformance" / "model.json")));
    models.emplace_back("docs_example", parse(read(data / "docs_example.json")));
    for (std::string_view name : {"nottinghamshire", "bob"}) models.emplace_back(name, parse(*bundled_model(name)));
    std::size_t quick = 0, total = 0;
    for (const auto& [name, model] : models)
        for (int i = 0; i < 400; ++i, ++total) quick += same_both_ways(mutated(model, rng), name + " copy " + std::to_string(i));
    MESSAGE(quick << " of " << total << " broken copies read quickly (their change was harmless)");
    CHECK(quick > 0);
    CHECK(quick < total);
}

// The JSON Pointer of every value under the top-level lists, by where it is: "flows/amount",
// "bodies/members/role".
void by_place(const json::value& v, const std::string& place, const std::string& pointer,
              std::map<std::string, std::vector<std::string>>& out) {
    out[place].push_back(pointer);
    if (v.is_object())
        for (const auto& kv : v.get_object()) {
            const std::string key(kv.key());
            // "~" and "/" do not occur in the keys of this model; a pointer would escape them.
            by_place(kv.value(), place + "/" + key, pointer + "/" + key, out);
        }
    else if (v.is_array())
        for (std::size_t i = 0; i < v.get_array().size(); ++i)
            by_place(v.get_array()[i], place, pointer + "/" + std::to_string(i), out);
}

TEST_CASE("load: the quick reading and the full one agree with every field given every wrong value") {
    // Each field of each list, given each replacement in turn (at one of its places, chosen at
    // random): so that no rule of the full reading is missed by chance.
    const std::filesystem::path data(PBP_TEST_DATA);
    const json::value model = parse(read(data.parent_path() / "conformance" / "model.json"));
    std::map<std::string, std::vector<std::string>> places;
    for (const auto& kv : model.get_object())
        by_place(kv.value(), std::string(kv.key()), "/" + std::string(kv.key()), places);
    REQUIRE(places.count("flows/amount"));
    std::mt19937 rng(17);
    std::size_t copies = 0;
    for (const auto& [place, pointers] : places)
        for (const json::value& replacement : replacements()) {
            json::value copy = model;
            copy.at_pointer(pointers[rng() % pointers.size()]) = replacement;
            same_both_ways(json::serialize(copy), place + " = " + json::serialize(replacement));
            ++copies;
        }
    MESSAGE(copies << " copies, " << places.size() << " places");
}

TEST_CASE("load: the quick reading gives way on the text itself") {
    // Text-level faults: a cut, a stray byte, a comment, a byte order mark, escapes in ids.
    const std::string base = read(std::filesystem::path(PBP_TEST_DATA).parent_path() / "conformance" / "model.json");
    std::mt19937 rng(7);
    for (int i = 0; i < 200; ++i) {
        std::string t = base;
        const std::size_t at = rng() % t.size();
        switch (i % 4) {
            case 0: t.erase(at, 1 + rng() % 4); break;
            case 1: t.insert(at, 1, "{}[],:\"\\x0"[rng() % 10]); break;
            case 2: t.insert(t.find('{') + 1, "// a comment\n/* and another */"); break;
            default: t = "\xEF\xBB\xBF" + t; break;
        }
        same_both_ways(t, "text copy " + std::to_string(i));
    }
    // Ids written with escapes (\u0041 for A) read as the same ids, here and where they are named.
    std::string escaped = base;
    std::size_t changed = 0;
    for (std::size_t at = escaped.find("\"id\""); at != std::string::npos; at = escaped.find("\"id\"", at + 1)) {
        const std::size_t open = escaped.find('"', escaped.find(':', at) + 1);
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\u%04X", static_cast<unsigned>(escaped[open + 1]));
        escaped.replace(open + 1, 1, hex);
        ++changed;
    }
    REQUIRE(changed > 5);
    CHECK(same_both_ways(escaped, "escaped ids"));
}

namespace {
// A small sound model, with `extra` added to its lists (each a JSON text of list entries,
// with a leading comma).
std::string small_model(const std::string& bodies = "", const std::string& relations = "") {
    return R"({"format": "pbp/1", "name": "small",
  "areas": [{"id": "A", "kind": "place"}],
  "organisations": [{"id": "icb", "kind": "icb", "serves": "A"}, {"id": "council", "kind": "unitary_authority"}],
  "bodies": [{"id": "board", "kind": "board", "of": "icb", "members": [{"member": "chair", "role": "chair"}]})" +
           bodies + R"(],
  "posts": [{"id": "chair", "in": "board", "title": "Chair"}],
  "functions": [{"id": "f", "holder": "icb"}],
  "relations": [{"kind": "accountable_to", "from": "board", "to": "icb"},
                {"kind": "delegates", "from": "icb", "to": "board", "functions": ["f"], "limit": "1000.00"},
                {"kind": "member_of", "from": "icb", "to": "council", "role": "member"})" +
           relations + "]}";
}

// The full reading reports `code` on `text`; the quick reading gives way, and the two agree.
void gives_way_where_full_reports(const std::string& code, const std::string& text) {
    const LoadResult full = detail::load_model_in_full(text);
    CHECK_MESSAGE(std::any_of(full.diagnostics.begin(), full.diagnostics.end(),
                              [&](const Diagnostic& d) { return d.code == code; }),
                  code << " expected in " << text);
    CHECK_FALSE(same_both_ways(text, code));
}
}  // namespace

TEST_CASE("load: the quick reading gives way on each rule that joins two fields") {
    // Rules the full reading applies across fields or entries, each broken once: the quick
    // reading must give way on each, and the two loads must agree.
    REQUIRE(same_both_ways(small_model(), "the sound model"));
    const std::vector<std::pair<std::string, std::string>> broken{
        {"E005", small_model(R"(, {"id": "jc", "kind": "joint_committee", "of": ["icb", "board"]})")},
        {"E005", small_model("", R"(, {"kind": "member_of", "from": "chair", "to": "council"})")},
        {"W009", small_model("", R"(, {"kind": "accountable_to", "from": "chair", "to": "board", "limit": "5.00"})")},
        {"W009", small_model("", R"(, {"kind": "member_of", "from": "chair", "to": "board", "functions": ["f"]})")},
        {"W009", small_model("", R"(, {"kind": "delegates", "from": "icb", "to": "board", "functions": ["f"], "role": "chair"})")},
        {"E006", small_model("", R"(, {"kind": "member_of", "from": "chair", "to": "board", "role": "boss"})")},
        {"E006", small_model(R"(, {"id": "b2", "kind": "committee", "of": "icb", "members": [{"member": "chair", "role": "boss"}]})")},
        {"W009", small_model(R"(, {"id": "b2", "kind": "committee", "of": "icb", "quorum": {"count": 1, "size": 2}})")},
        {"E006", small_model(R"(, {"id": "b2", "kind": "committee"})")},
        {"E006", small_model("", R"(, {"kind": "delegates", "from": "icb", "to": "board", "functions": []})")},
        {"E003", small_model("", R"(, {"id": "icb", "kind": "informs", "from": "icb", "to": "board"})")},
        {"E003", small_model("", R"(, {"id": "r", "kind": "informs", "from": "icb", "to": "board"}, {"id": "r", "kind": "informs", "from": "board", "to": "icb"})")},
        {"E004", small_model("", R"(, {"kind": "informs", "from": "icb", "to": "nobody"})")},
    };
    for (const auto& [code, text] : broken) gives_way_where_full_reports(code, text);
}

TEST_CASE("load: rules that join two fields, where an entity is named before it is read") {
    // The relations listed first and a joint committee naming a body listed after it: the
    // quick reading learns these entities' sections only at the end, and must still apply
    // each rule then, or give way exactly where the full reading reports.
    const auto model = [](const std::string& relations, const std::string& joint_of) {
        return R"({"format": "pbp/1", "name": "ahead",
  "relations": [{"kind": "member_of", "from": "icb", "to": "council"})" + relations + R"(],
  "areas": [{"id": "A", "kind": "place"}],
  "organisations": [{"id": "icb", "kind": "icb", "serves": "A"}, {"id": "council", "kind": "unitary_authority"}],
  "bodies": [{"id": "jc", "kind": "joint_committee", "of": ["icb", )" + joint_of + R"(]},
             {"id": "board", "kind": "board", "of": "icb"}, {"id": "council2", "kind": "board", "of": "council"}],
  "posts": [{"id": "chair", "in": "board", "title": "Chair"}]})";
    };
    const std::string sound = model("", R"("council")");
    REQUIRE(detail::load_model_in_full(sound).diagnostics.empty());
    CHECK(same_both_ways(sound, "sound, named ahead"));
    const std::vector<std::pair<std::string, std::string>> broken{
        {"E005", model(R"(, {"kind": "member_of", "from": "chair", "to": "council"})", R"("council")")},
        {"E005", model("", R"("council2")")},  // a joint committee of a body
    };
    for (const auto& [code, text] : broken) gives_way_where_full_reports(code, text);
}

TEST_CASE("load: the quick reading gives way, with the same result, where it cannot be sure") {
    // Sound models the quick reading leaves to the full one (load_clean.hpp): sections in
    // another order than SPEC's, an object under "attrs" with very many keys.
    const std::string reordered = R"({"format": "pbp/1", "name": "n",
        "organisations": [{"id": "icb", "kind": "icb", "serves": "A"}], "areas": [{"id": "A", "kind": "place"}]})";
    std::string keys;
    for (int k = 0; k < 100; ++k) keys += "\"k" + std::to_string(k) + "\": " + std::to_string(k) + ", ";
    const std::string many = R"({"format": "pbp/1", "name": "n", "areas": [{"id": "A", "kind": "place", "attrs": {)" +
                             keys + R"("last": 0}}]})";
    for (const std::string& text : {reordered, many}) {
        const LoadResult full = detail::load_model_in_full(text);
        REQUIRE(full.model);
        CHECK(full.diagnostics.empty());
        CHECK_FALSE(quick_reads(text));
        CHECK(test::same_loads(full, load_model(text), text.substr(0, 60)));
    }
}

TEST_CASE("load: the quick reading reads the free shapes the bundled models never use, as the full one does") {
    // A quorum's must_include as one id instead of a list; "attrs" holding a list on a member,
    // a relation and a flow; a relation's and a flow's "notes" as a list. All are sound (the
    // full reading finds nothing), so the quick reading must read them, to the same model.
    const std::string model = R"({"format": "pbp/1", "name": "n",
        "organisations": [{"id": "a", "kind": "icb"}, {"id": "c", "kind": "icb"}],
        "bodies": [{"id": "b", "kind": "board", "of": ["a"],
                    "members": [{"member": "chair", "role": "chair", "attrs": [1, 2]}],
                    "quorum": {"count": 1, "must_include": MUST}}],
        "posts": [{"id": "chair", "title": "Chair", "in": "b"}],
        "relations": [{"kind": "informs", "from": "a", "to": "c", "attrs": [3], "notes": ["n1"]}],
        "flows": [{"from": "a", "to": "c", "amount": "1.00", "year": "2023/24", "attrs": [4], "notes": ["n2"]}]})";
    for (const char* must : {R"("chair")", R"(["chair"])"}) {
        CAPTURE(must);
        std::string text = model;
        text.replace(text.find("MUST"), 4, must);
        const LoadResult full = detail::load_model_in_full(text);
        REQUIRE(full.model);
        CHECK(full.diagnostics.empty());
        CHECK(same_both_ways(text, must));
        const LoadResult quick = load_model(text);
        REQUIRE(quick.model);
        const Entity& board = quick.model->at(*quick.model->find("b"));
        REQUIRE(board.details().quorum.has_value());
        CHECK(board.details().quorum->must_include == std::vector<Index>{*quick.model->find("chair")});
        // Saved, every list under "attrs" and "notes" is still there.
        const json::value saved = json::parse(save_model(*quick.model));
        CHECK(saved.at_pointer("/bodies/0/members/0/attrs") == json::array{1, 2});
        CHECK(saved.at_pointer("/relations/0/attrs") == json::array{3});
        CHECK(saved.at_pointer("/relations/0/notes") == json::array{"n1"});
        CHECK(saved.at_pointer("/flows/0/attrs") == json::array{4});
        CHECK(saved.at_pointer("/flows/0/notes") == json::array{"n2"});
    }
}

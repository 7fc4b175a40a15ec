// Tests for load.hpp (SPEC 1 and the structural codes of SPEC 3: E001-E008, W009).
// Each model is inline so that the expected line and column can be read off the text: line 1
// is the line of `R"({`, and columns count characters (not bytes) from 1. A diagnostic points
// at the start of the offending *value* (for W009, the value of the unknown key).
#include "pbp/load.hpp"
#include "pbp/validate.hpp"
#include "ids.hpp"  // src/: the id rule the loader and the importers share
#include "load_both_ways.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace pbp;
using Ids = std::vector<std::string>;
namespace json = boost::json;

namespace {

using pbp::test::codes;

// The only diagnostic with `code`; fails the test when there is not exactly one.
const Diagnostic& only(const Diagnostics& ds, const char* code) {
    const Diagnostic* found = nullptr;
    int n = 0;
    for (const auto& d : ds)
        if (d.code == code) {
            found = &d;
            ++n;
        }
    INFO("diagnostics: " << [&] {
        std::string s;
        for (const auto& d : ds) s += d.code + " " + d.path + "; ";
        return s;
    }());
    REQUIRE(n == 1);
    return *found;
}

// The diagnostic at JSON Pointer `path`; fails the test when there is none.
const Diagnostic& at(const Diagnostics& ds, const std::string& path) {
    for (const auto& d : ds)
        if (d.path == path) return d;
    FAIL("no diagnostic at " << path);
    return ds.front();
}

void check_at(const Diagnostic& d, const char* code, const Ids& ids, const char* path, int line, int column) {
    CAPTURE(d.message);
    CHECK(d.code == code);
    CHECK(d.severity == severity_of(code));
    CHECK(d.ids == ids);
    CHECK(d.path == path);
    REQUIRE(d.line.has_value());
    REQUIRE(d.column.has_value());
    CHECK(*d.line == line);
    CHECK(*d.column == column);
    CHECK_FALSE(d.message.empty());
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

// ---- E001 / E002: the only codes that leave no model ------------------------------------------

TEST_CASE("load: E001 invalid JSON, with the line and column of the bad token") {
    // Line 4 follows "missing comma" with no comma: the parser stops at the '"' of "areas".
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "missing comma"
  "areas": []
})");
    CHECK_FALSE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    check_at(r.diagnostics[0], "E001", {}, "", 4, 3);
    CHECK(r.diagnostics[0].message.find("line 4, column 3") != std::string::npos);

    // Unfinished text: the position is the end of the text (line 2, after 18 characters).
    auto cut = test::checked_load("{\n  \"format\": \"pbp/1\"");
    CHECK_FALSE(cut.model);
    REQUIRE(cut.diagnostics.size() == 1);
    check_at(cut.diagnostics[0], "E001", {}, "", 2, 20);

    // Text after the document is not allowed either: the 'x' is column 32.
    auto extra = test::checked_load(R"({"format":"pbp/1","name":"x"}  x)");
    CHECK_FALSE(extra.model);
    REQUIRE(extra.diagnostics.size() == 1);
    check_at(extra.diagnostics[0], "E001", {}, "", 1, 32);

    auto empty = test::checked_load("");
    CHECK_FALSE(empty.model);
    CHECK(codes(empty.diagnostics) == std::vector<std::string>{"E001"});
}

TEST_CASE("load: E002 format missing or not pbp/1") {
    auto missing = test::checked_load(R"({"name": "no format"})");
    CHECK_FALSE(missing.model);
    REQUIRE(missing.diagnostics.size() == 1);
    check_at(missing.diagnostics[0], "E002", {}, "", 1, 1);

    auto wrong = test::checked_load(R"({
  "format": "pbp/2",
  "name": "from the future"
})");
    CHECK_FALSE(wrong.model);
    REQUIRE(wrong.diagnostics.size() == 1);
    check_at(wrong.diagnostics[0], "E002", {}, "/format", 2, 13);

    auto number = test::checked_load(R"({"format": 1, "name": "x"})");
    CHECK_FALSE(number.model);
    CHECK(codes(number.diagnostics) == std::vector<std::string>{"E002"});

    auto list = test::checked_load("[]");
    CHECK_FALSE(list.model);
    CHECK(codes(list.diagnostics) == std::vector<std::string>{"E002"});
}

// ---- E003-E008: reported, and the rest of the model loads --------------------------------------

TEST_CASE("load: E003 duplicate id, across sections and relations: the first one wins") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "duplicates",
  "areas": [
    {"id": "notts", "kind": "ics"},
    {"id": "notts", "kind": "place"}
  ],
  "bodies": [
    {"id": "pbp", "kind": "partnership"}
  ],
  "relations": [
    {"id": "pbp", "kind": "reports_to", "from": "pbp", "to": "pbp"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 2);
    check_at(at(r.diagnostics, "/areas/1/id"), "E003", {"notts"}, "/areas/1/id", 6, 12);
    check_at(at(r.diagnostics, "/relations/0/id"), "E003", {"pbp"}, "/relations/0/id", 12, 12);
    REQUIRE(r.model->entities.size() == 2);
    CHECK(r.model->at(*r.model->find("notts")).kind == "ics");
}

TEST_CASE("load: E004 a reference to an id that does not exist") {
    // Column 52 of line 5 is the '"' of "nowhere", the second element of "serves".
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "dangling",
  "organisations": [
    {"id": "icb", "kind": "icb", "serves": ["ics", "nowhere"]}
  ],
  "areas": [{"id": "ics", "kind": "ics"}]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    check_at(r.diagnostics[0], "E004", {"icb", "nowhere"}, "/organisations/0/serves/1", 5, 52);
    // The good reference (forward, to an area defined later) is kept.
    const Entity& icb = r.model->at(*r.model->find("icb"));
    REQUIRE(icb.serves.size() == 1);
    CHECK(r.model->id(icb.serves[0]) == "ics");
}

TEST_CASE("load: E005 a reference to the wrong kind of entity") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "wrong kind",
  "areas": [{"id": "city", "kind": "place"}],
  "bodies": [
    {"id": "board", "kind": "board", "of": "city"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    check_at(r.diagnostics[0], "E005", {"board", "city"}, "/bodies/0/of", 6, 44);
    CHECK(r.model->at(*r.model->find("board")).of.empty());
}

TEST_CASE("load: E006 malformed id") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "bad id",
  "areas": [
    {"id": "north notts", "kind": "place"},
    {"id": "ok", "kind": "place"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    check_at(r.diagnostics[0], "E006", {"north notts"}, "/areas/0/id", 5, 12);
    // The entity with the bad id cannot be referred to, so it is not in the typed model (it is
    // still in the document, and saved).
    CHECK_FALSE(r.model->find("north notts"));
    CHECK(r.model->find("ok"));
    CHECK(r.model->entities.size() == 1);
}

TEST_CASE("load: E006 an entry of a list that is not an object, at the entry, the rest still read") {
    auto r = test::checked_load(R"({
  "format": "pbp/1", "name": "not objects",
  "organisations": ["icb", {"id": "icb", "kind": "icb"}, {"id": "lbc", "kind": "unitary_authority"}],
  "relations": [{"kind": "informs", "from": "icb", "to": "lbc"}, 7],
  "flows": [null, {"from": "icb", "to": "lbc", "amount": "1.00", "year": "2022/23"}],
  "assessments": [["icb"]]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 4);
    check_at(r.diagnostics[0], "E006", {}, "/organisations/0", 3, 21);
    check_at(r.diagnostics[1], "E006", {}, "/relations/1", 4, 66);
    check_at(r.diagnostics[2], "E006", {}, "/flows/0", 5, 13);
    check_at(r.diagnostics[3], "E006", {}, "/assessments/0", 6, 19);
    CHECK(r.diagnostics[0].message == "Each entry in \"organisations\" must be an object ({...}).");
    CHECK(r.diagnostics[1].message == "Each relation must be an object with \"kind\", \"from\" and \"to\".");
    CHECK(r.diagnostics[2].message == "Each flow must be an object with \"from\", \"to\", \"amount\" and \"year\".");
    CHECK(r.diagnostics[3].message == "Each assessment must be an object.");
    CHECK(r.model->entities.size() == 2);
    CHECK(r.model->relations.size() == 1);
    CHECK(r.model->flows.size() == 1);
    CHECK(r.model->assessments.empty());
}

TEST_CASE("load: E006 malformed date") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "bad date",
  "organisations": [
    {"id": "ccg", "kind": "icb", "valid_to": "2022-02-30"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    check_at(r.diagnostics[0], "E006", {"ccg"}, "/organisations/0/valid_to", 5, 46);
    // The bad bound is dropped: the organisation is open-ended.
    CHECK_FALSE(r.model->at(*r.model->find("ccg")).valid.to.has_value());
}

TEST_CASE("load: E006 unknown enumerated value") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "bad kinds",
  "organisations": [
    {"id": "ccg", "kind": "ccg"}
  ],
  "relations": [
    {"kind": "friend_of", "from": "ccg", "to": "ccg"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 2);
    check_at(at(r.diagnostics, "/organisations/0/kind"), "E006", {"ccg"}, "/organisations/0/kind", 5, 27);
    check_at(at(r.diagnostics, "/relations/0/kind"), "E006", {}, "/relations/0/kind", 8, 14);
    CHECK(r.model->at(*r.model->find("ccg")).kind.empty());
    CHECK(r.model->relations.empty());
}

TEST_CASE("load: E006 no name, attrs that are not an object, a quorum that is not one, an unknown restriction") {
    // Columns: attrs' value at 43, the quorum's at 76, the restriction's at 96.
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "organisations": [
    {"id": "icb", "kind": "icb", "attrs": [1, 2]},
    {"id": "trust", "kind": "nhs_trust"}
  ],
  "bodies": [{"id": "icb.board", "kind": "board", "of": ["icb"], "quorum": 3}],
  "flows": [{"from": "icb", "to": "trust", "amount": "1.00", "year": "2023/24", "restriction": "earmarked"}]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 4);
    check_at(at(r.diagnostics, ""), "E006", {}, "", 1, 1);
    check_at(at(r.diagnostics, "/organisations/0/attrs"), "E006", {"icb"}, "/organisations/0/attrs", 4, 43);
    check_at(at(r.diagnostics, "/bodies/0/quorum"), "E006", {"icb.board"}, "/bodies/0/quorum", 7, 76);
    check_at(at(r.diagnostics, "/flows/0/restriction"), "E006", {}, "/flows/0/restriction", 8, 96);
    CHECK(at(r.diagnostics, "").message == "The model has no name: add a top-level \"name\".");
    CHECK(at(r.diagnostics, "/flows/0/restriction").message.find("none, ring_fenced, pass_through, mandated") !=
          std::string::npos);
    // What could be read is kept: both organisations, the board without a quorum, the flow
    // without a restriction. The E006 is what stops queries trusting it (unless forced).
    CHECK(r.model->name.empty());
    CHECK(r.model->entities.size() == 3);
    CHECK_FALSE(r.model->at(*r.model->find("icb.board")).details().quorum.has_value());
    REQUIRE(r.model->flows.size() == 1);
    CHECK(r.model->flows[0].restriction == Restriction::none);
    CHECK(r.model->flows[0].amount == test::gbp("1.00"));
}

TEST_CASE("load: E006 a year that is not YYYY/YY") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "bad years",
  "organisations": [{"id": "nhse", "kind": "nhs_england"}, {"id": "icb", "kind": "icb"}],
  "funds": [
    {"id": "pot", "kind": "programme", "holder": "icb", "year": "22/23"}
  ],
  "flows": [
    {"from": "nhse", "to": "icb", "amount": "10.00", "year": "2022/24"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 2);
    // Columns: the fund's "year" value is at 65, the flow's at 62.
    check_at(at(r.diagnostics, "/funds/0/year"), "E006", {"pot"}, "/funds/0/year", 6, 65);
    check_at(at(r.diagnostics, "/flows/0/year"), "E006", {}, "/flows/0/year", 9, 62);
    CHECK(r.model->flows.empty());  // a flow with no valid year cannot be placed in any year
}

TEST_CASE("load: E007 malformed money") {
    // Every "amount" value starts at column 45. Only the last flow is well formed.
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "money",
  "organisations": [{"id": "nhse", "kind": "nhs_england"}, {"id": "icb", "kind": "icb"}],
  "flows": [
    {"from": "nhse", "to": "icb", "amount": 100.5, "year": "2022/23"},
    {"from": "nhse", "to": "icb", "amount": "1.005", "year": "2022/23"},
    {"from": "nhse", "to": "icb", "amount": "-1.00", "year": "2022/23"},
    {"from": "nhse", "to": "icb", "amount": "", "year": "2022/23"},
    {"from": "nhse", "to": "icb", "amount": "1.50", "year": "2022/23"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 4);
    // A flow has no id of its own here: the message calls it "flow N" and `ids` names who pays whom.
    check_at(at(r.diagnostics, "/flows/0/amount"), "E007", {"nhse", "icb"}, "/flows/0/amount", 6, 45);  // a JSON number
    check_at(at(r.diagnostics, "/flows/1/amount"), "E007", {"nhse", "icb"}, "/flows/1/amount", 7, 45);  // three decimals
    check_at(at(r.diagnostics, "/flows/2/amount"), "E007", {"nhse", "icb"}, "/flows/2/amount", 8, 45);  // a sign
    check_at(at(r.diagnostics, "/flows/3/amount"), "E007", {"nhse", "icb"}, "/flows/3/amount", 9, 45);  // empty
    // The number is quoted back as written, not as 1.005E2.
    CHECK(at(r.diagnostics, "/flows/0/amount").message.find("100.5") != std::string::npos);
    REQUIRE(r.model->flows.size() == 1);
    CHECK(r.model->flows[0].amount.to_string() == "1.50");
}

TEST_CASE("load: E007 on a delegation limit: a flow with an id is named by it") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "limits",
  "organisations": [{"id": "icb", "kind": "icb"}],
  "bodies": [{"id": "board", "kind": "board", "of": "icb"}, {"id": "sc", "kind": "sub_committee", "of": "board"}],
  "functions": [{"id": "fn", "holder": "icb"}],
  "relations": [
    {"id": "d1", "kind": "delegates", "from": "board", "to": "sc", "functions": ["fn"], "limit": 5000}
  ],
  "flows": [
    {"id": "f1", "from": "icb", "to": "sc", "amount": "12.345", "year": "2022/23"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 2);
    check_at(at(r.diagnostics, "/relations/0/limit"), "E007", {"d1"}, "/relations/0/limit", 8, 98);
    check_at(at(r.diagnostics, "/flows/0/amount"), "E007", {"f1"}, "/flows/0/amount", 11, 55);
    // The delegation itself still loads, with no limit of its own.
    REQUIRE(r.model->relations.size() == 1);
    CHECK_FALSE(r.model->relations[0].limit.has_value());
}

TEST_CASE("load: E008 valid_from not before valid_to") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "dates",
  "bodies": [
    {"id": "shadow", "kind": "partnership", "valid_from": "2022-04-01", "valid_to": "2022-04-01"}
  ],
  "relations": [
    {"id": "r1", "kind": "informs", "from": "shadow", "to": "shadow",
     "valid_from": "2023-01-01", "valid_to": "2022-01-01"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 2);
    check_at(at(r.diagnostics, "/bodies/0/valid_from"), "E008", {"shadow"}, "/bodies/0/valid_from", 5, 59);
    check_at(at(r.diagnostics, "/relations/0/valid_from"), "E008", {"r1"}, "/relations/0/valid_from", 9, 20);
    // Both bounds are dropped rather than guessing which one is wrong.
    const Entity& e = r.model->at(*r.model->find("shadow"));
    CHECK_FALSE(e.valid.from.has_value());
    CHECK_FALSE(e.valid.to.has_value());
}

// ---- W009: unknown keys are warned about and kept ---------------------------------------------

TEST_CASE("load: W009 unknown keys, top level and in an entity, kept on save") {
    const char* text = R"({
  "format": "pbp/1",
  "name": "extras",
  "source": "paper 000",
  "areas": [
    {"id": "city", "kind": "place", "colour": "blue", "attrs": {"anything": 1}}
  ]
})";
    auto r = test::checked_load(text);
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 2);  // nothing for "anything": attrs may hold anything
    check_at(at(r.diagnostics, "/source"), "W009", {}, "/source", 4, 13);
    check_at(at(r.diagnostics, "/areas/0/colour"), "W009", {}, "/areas/0/colour", 6, 47);
    CHECK(count_errors(r.diagnostics) == 0);

    const std::string saved = save_model(*r.model);
    const auto doc = boost::json::parse(saved);
    CHECK(doc.at("source").as_string() == "paper 000");
    CHECK(doc.at("areas").at(0).at("colour").as_string() == "blue");
    CHECK(doc.at("areas").at(0).at("attrs").at("anything").as_int64() == 1);
    auto again = test::checked_load(saved);
    REQUIRE(again.model);
    CHECK(codes(again.diagnostics) == codes(r.diagnostics));
    CHECK(again.model->document() == r.model->document());
}

TEST_CASE("load: W009 inside relations, flows and members") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "more extras",
  "organisations": [{"id": "icb", "kind": "icb"}],
  "bodies": [{"id": "board", "kind": "board", "of": "icb",
              "members": [{"member": "icb", "role": "chair", "seat": 1}]}],
  "relations": [{"kind": "accountable_to", "from": "board", "to": "icb", "limit": "1.00"}],
  "flows": [{"from": "icb", "to": "board", "amount": "1.00", "year": "2022/23", "colour": "red"}]
})");
    REQUIRE(r.model);
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"W009", "W009", "W009"});
    at(r.diagnostics, "/bodies/0/members/0/seat");
    at(r.diagnostics, "/relations/0/limit");  // "limit" belongs to delegations only
    at(r.diagnostics, "/flows/0/colour");
    CHECK(r.model->relations.size() == 1);
    CHECK(r.model->flows.size() == 1);
}

// ---- what the loader accepts -------------------------------------------------------------------

TEST_CASE("Model::position: where a JSON Pointer's value is written, or its nearest ancestor") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "where",
  "organisations": [
    {"id": "a", "kind": "icb"}
  ]
})");
    REQUIRE(r.model);
    const Model& m = *r.model;
    auto at = [&](std::string_view pointer) {
        const std::optional<SourcePosition> p = m.position(pointer);
        return p ? std::to_string(p->line) + ":" + std::to_string(p->column) : std::string("none");
    };
    CHECK(at("") == "1:1");                          // the document
    CHECK(at("/name") == "3:11");                    // the value, not its key
    CHECK(at("/organisations/0") == "5:5");          // the object's brace
    CHECK(at("/organisations/0/kind") == "5:25");    // "icb"
    CHECK(at("/organisations/0/colour") == "5:5");   // no such key: its object
    CHECK(at("/organisations/7/kind") == "4:20");    // no such entry: the list
    // Not a JSON Pointer (no leading '/'): there is no position to give, and no exception.
    CHECK(at("organisations") == "none");
    CHECK(at("organisations/0") == "none");
    // A model built in code has no text to point into.
    CHECK_FALSE(Model{}.position("/name").has_value());
}

TEST_CASE("load: E009 a key written twice in one object is an error, not a silent choice") {
    // Boost.JSON keeps the last of two equal keys; pbp says so, at the second key.
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "twice",
  "organisations": [
    {"id": "a", "kind": "icb",
     "kind": "nhs_trust"}
  ]
})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    check_at(only(r.diagnostics, "E009"), "E009", {}, "/organisations/0/kind", 6, 6);
    CHECK(r.model->at(0).kind == "nhs_trust");
    CHECK(only(r.diagnostics, "E009").message.find("first at line 5, column 17, again at line 6, column 6") != std::string::npos);
    // Three times: each repeat is named, against the first; the last value is the one kept.
    auto thrice = test::checked_load(R"({"format": "pbp/1", "name": "n", "name": "m", "name": "o"})");
    REQUIRE(thrice.model);
    REQUIRE(thrice.diagnostics.size() == 2);
    check_at(thrice.diagnostics[0], "E009", {}, "/name", 1, 34);  // at each repeated key
    check_at(thrice.diagnostics[1], "E009", {}, "/name", 1, 47);
    for (const auto& d : thrice.diagnostics) CHECK(d.message.find("first at line 1, column 21") != std::string::npos);
    CHECK(thrice.model->name == "o");
    // Equal keys in different objects are fine.
    auto ok = test::checked_load(R"({"format": "pbp/1", "name": "n", "areas": [{"id": "x", "kind": "ics"}, {"id": "y", "kind": "ics"}]})");
    CHECK(ok.diagnostics.empty());
}

TEST_CASE("load: E009 between a key written plainly and the same key escaped, of every width") {
    // The places of keys are found by a scanner of its own (src/source_map.cpp), which must
    // decode each escape as the parser does: a repeat it missed would be reported without its
    // line. Each pair below is one key: two-, three- and four-byte characters (the last as a
    // surrogate pair), and the control characters' short and \u forms.
    auto r = test::checked_load(R"({"format": "pbp/1", "name": "n",
"organisations": [{"id": "a", "kind": "icb",
  "attrs": {"\u00e9": 0,
"é": 1,
"\u20ac": 2,
"€": 3,
"\ud83d\ude00": 4,
"😀": 5,
"a\nb": 6,
"a\u000ab": 7,
"\b\f\r\t": 8,
"\u0008\u000c\u000d\u0009": 9}}]})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 5);
    // Columns count characters: each repeat opens its line; the first of each pair is the line
    // before, the first at column 13 (after `  "attrs": {`).
    const char* const keys[] = {"é", "€", "😀", "a\nb", "\b\f\r\t"};
    for (int k = 0; k < 5; ++k) {
        const Diagnostic& d = r.diagnostics[static_cast<std::size_t>(k)];
        check_at(d, "E009", {}, ("/organisations/0/attrs/" + std::string(keys[k])).c_str(), 4 + 2 * k, 1);
        const std::string first = "first at line " + std::to_string(3 + 2 * k) + ", column " + (k == 0 ? "13" : "1");
        CHECK(d.message.find(first + ", again at line " + std::to_string(4 + 2 * k) + ", column 1") != std::string::npos);
    }
    // Saved, each key is there once, with the last value written under it.
    const auto attrs = boost::json::parse(save_model(*r.model)).at("organisations").at(0).at("attrs").as_object();
    CHECK(attrs.size() == 5);
    for (int k = 0; k < 5; ++k) CHECK(attrs.at(keys[k]).as_int64() == 2 * k + 1);
}

TEST_CASE("load: E009 found wherever the repeat is: escaped, nested, after many keys, of a list") {
    // The first reading notes repeats by hash, per open object; these are the places where
    // that bookkeeping could go wrong.
    auto r = test::checked_load(R"({"format": "pbp/1", "name": "n",
"organisations": [{"id": "a", "kind": "icb", "na\u006de": "A", "name": "B",
  "attrs": {"x": {"y": 1, "y": 2}, "x": 3}}],
"relations": [],
"relations": []})");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 4);
    check_at(r.diagnostics[0], "E009", {}, "/organisations/0/name", 2, 64);  // "na\u006de" is "name"
    check_at(r.diagnostics[1], "E009", {}, "/organisations/0/attrs/x/y", 3, 27);
    check_at(r.diagnostics[2], "E009", {}, "/organisations/0/attrs/x", 3, 36);
    check_at(r.diagnostics[3], "E009", {}, "/relations", 5, 1);
    CHECK(r.model->at(0).name == "B");

    // An object of many keys, each once, then one again.
    std::string keys;
    for (int k = 0; k < 40; ++k) keys += "\"k" + std::to_string(k) + "\": " + std::to_string(k) + ", ";
    const std::string head = R"({"format": "pbp/1", "name": "n", "organisations": [{"id": "a", "kind": "icb", "attrs": {)";
    auto distinct = test::checked_load(head + keys + R"("last": 0}}]})");
    CHECK(distinct.diagnostics.empty());
    auto again = test::checked_load(head + keys + R"("k3": 0}}]})");
    REQUIRE(again.diagnostics.size() == 1);
    CHECK(again.diagnostics[0].path == "/organisations/0/attrs/k3");

    // The same key in a parent and its child, or in two sibling objects, is no repeat.
    auto ok = test::checked_load(R"({"format": "pbp/1", "name": "n", "organisations": [
{"id": "a", "kind": "icb", "attrs": {"id": {"id": 1}, "kind": {"id": 2}}}, {"id": "b", "kind": "icb"}]})");
    CHECK(ok.diagnostics.empty());
}

TEST_CASE("load: comments and trailing commas are accepted") {
    auto r = test::checked_load(R"(// A model written by hand
{
  "format": "pbp/1", /* required */
  "name": "hand-written",
  "areas": [
    {"id": "e", "kind": "country",},  // a trailing comma inside
    {"id": "p", "kind": "place", "within": ["e",],},
  ],
}
)");
    REQUIRE(r.model);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.model->find("p"));
    CHECK(r.model->at(*r.model->find("p")).within.size() == 1);
    CHECK(r.model->name == "hand-written");

    // Lines inside comments still count: "zz"'s value is on line 3, column 22.
    auto located = test::checked_load(R"(/* a header
   over two lines */ {"format": "pbp/1", // the format
  "name": "x", "zz": 1})");
    REQUIRE(located.model);
    check_at(only(located.diagnostics, "W009"), "W009", {}, "/zz", 3, 22);
}

TEST_CASE("load: a UTF-8 byte order mark is accepted and not counted as a column") {
    const std::string body = R"({"format":"pbp/1","name":"x","zz":1})";
    auto plain = test::checked_load(body);
    auto bom = test::checked_load("\xEF\xBB\xBF" + body);
    REQUIRE(bom.model);
    REQUIRE(bom.diagnostics.size() == 1);
    check_at(bom.diagnostics[0], "W009", {}, "/zz", 1, 35);
    check_at(plain.diagnostics[0], "W009", {}, "/zz", 1, 35);
    CHECK(bom.model->document() == plain.model->document());

    auto bad = test::checked_load("\xEF\xBB\xBF{\"format\": }");
    CHECK_FALSE(bad.model);
    check_at(bad.diagnostics.at(0), "E001", {}, "", 1, 12);
}

TEST_CASE("load: columns count characters, not bytes") {
    // "Café – Notts" is 14 characters but 17 bytes: the unknown key's value is column 36.
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "Café – Notts", "extra": true
})");
    REQUIRE(r.model);
    check_at(only(r.diagnostics, "W009"), "W009", {}, "/extra", 3, 36);
    CHECK(r.model->name == "Café – Notts");
}

TEST_CASE("load: a valid model has zero diagnostics and every field typed") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "small",
  "areas": [
    {"id": "ics", "kind": "ics"},
    {"id": "p", "kind": "place", "within": ["ics"], "population": 1000, "need_index": "1.25"}
  ],
  "organisations": [{"id": "icb", "name": "The ICB", "kind": "icb", "serves": ["ics"],
                     "codes": {"ods": "QT1"}, "valid_from": "2022-04-01", "notes": "n"}],
  "bodies": [{"id": "board", "kind": "board", "of": "icb",
              "members": [{"member": "icb", "role": "chair", "voting": false}], "quorum": {"count": 0}}],
  "posts": [{"id": "lead", "title": "Place lead", "in": "board", "employer": "icb", "holder": "A. Person",
             "appointed_by": ["icb"], "approved_by": "board"}],
  "functions": [{"id": "fn", "holder": "icb", "statutory": false, "basis": "s3", "service_area": "UEC"}],
  "relations": [{"id": "d", "kind": "delegates", "from": "board", "to": "lead", "functions": ["fn"],
                 "mechanism": "executive_authority", "limit": "10.00", "may_subdelegate": true,
                 "instrument": "SoRD", "valid_to": "2030-01-01"}],
  "funds": [{"id": "pot", "kind": "programme", "holder": "board", "year": "2022/23"}],
  "flows": [{"from": "icb", "to": "pot", "amount": "99.99", "year": "2022/23", "purpose": "programme",
             "restriction": "ring_fenced"}],
  "assessments": [{"subject": "p", "date": "2023-01-31", "theme": "shared_data", "stage": "thriving"}]
})");
    REQUIRE(r.model);
    CHECK(r.diagnostics.empty());
    const Model& m = *r.model;
    CHECK(m.entities.size() == 7);
    const Entity& p = m.at(*m.find("p"));
    CHECK(p.population == 1000);
    CHECK(p.details().need_index == Ratio(5, 4));
    const Entity& icb = m.at(*m.find("icb"));
    CHECK(icb.name == "The ICB");
    CHECK(icb.codes.at("ods") == "QT1");
    CHECK(icb.valid.from == parse_date("2022-04-01"));
    const Entity& board = m.at(*m.find("board"));
    REQUIRE(board.details().members.size() == 1);
    CHECK_FALSE(board.details().members[0].voting);
    CHECK(board.details().members[0].role == "chair");
    const Entity& lead = m.at(*m.find("lead"));
    CHECK(lead.details().person == "A. Person");
    CHECK(lead.details().approved_by.size() == 1);  // a single id is taken as a list of one
    CHECK_FALSE(m.at(*m.find("fn")).statutory);
    REQUIRE(m.relations.size() == 1);
    CHECK(m.relations[0].mechanism == Mechanism::executive_authority);
    CHECK(m.relations[0].limit->to_string() == "10.00");
    CHECK(m.relations[0].may_subdelegate);
    REQUIRE(m.flows.size() == 1);
    CHECK(m.flows[0].restriction == Restriction::ring_fenced);
    CHECK(m.flows[0].year.start == 2022);
    REQUIRE(m.assessments.size() == 1);
    CHECK(m.assessments[0].stage == "thriving");
}

TEST_CASE("load: everything is collected — three different errors, and the rest still loads") {
    auto r = test::checked_load(R"({
  "format": "pbp/1",
  "name": "three problems",
  "areas": [
    {"id": "notts", "kind": "ics"},
    {"id": "city", "kind": "place", "within": ["notts", "nottingham"]},
    {"id": "county", "kind": "shire"}
  ],
  "organisations": [{"id": "nhse", "kind": "nhs_england"}, {"id": "icb", "kind": "icb", "serves": ["notts"]}],
  "flows": [{"from": "nhse", "to": "icb", "amount": 2500000, "year": "2022/23"}]
})");
    REQUIRE(r.model);
    // In file order: the dangling reference, the unknown kind, the numeric amount.
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"E004", "E006", "E007"});
    check_at(r.diagnostics[0], "E004", {"city", "nottingham"}, "/areas/1/within/1", 6, 57);
    check_at(r.diagnostics[1], "E006", {"county"}, "/areas/2/kind", 7, 30);
    check_at(r.diagnostics[2], "E007", {"nhse", "icb"}, "/flows/0/amount", 10, 53);
    const Model& m = *r.model;
    CHECK(m.entities.size() == 5);
    const Entity& city = m.at(*m.find("city"));
    REQUIRE(city.within.size() == 1);
    CHECK(m.id(city.within[0]) == "notts");
    CHECK(m.at(*m.find("icb")).serves.size() == 1);
    CHECK(m.flows.empty());
    // validate() starts with the load diagnostics.
    Diagnostics all = validate(m);
    REQUIRE(all.size() >= 3);
    const auto all_codes = codes(all);
    CHECK(std::vector<std::string>(all_codes.begin(), all_codes.begin() + 3) == codes(r.diagnostics));
}

TEST_CASE("load: the lists may come in any order in the file: the same model, the same diagnostics") {
    // The loader reads each list's entries as the text goes by (src/entry_stream.hpp); entities
    // are still numbered, and problems still reported, list by list in the order of SPEC 1.
    const json::value canonical = json::parse(R"({
  "format": "pbp/1", "name": "order",
  "areas": [{"id": "notts", "kind": "ics", "typo": 1}, {"id": "city", "kind": "place", "within": ["nowhere"]}],
  "organisations": [{"id": "icb", "kind": "icb", "serves": "notts"}, {"id": "nhse", "kind": "nhs_england"}, 5],
  "bodies": [{"id": "board", "kind": "board", "of": "icb"}, {"id": "icb", "kind": "board", "of": "icb"}],
  "posts": [{"id": "ceo", "in": "board", "employer": "board"}],
  "functions": [{"id": "fn", "holder": "icb"}, {"name": "no id"}],
  "funds": [{"id": "alloc", "kind": "allocation", "holder": "icb", "year": "2022/23"}],
  "relations": [{"kind": "delegates", "from": "board", "to": "ceo", "functions": ["fn", "gone"]}, {"kind": "x"}],
  "flows": [{"from": "nhse", "to": "icb", "amount": "1.001", "year": "2022/23"},
            {"from": "nhse", "to": "alloc", "amount": "10.00", "year": "2022/23"}],
  "assessments": [{"subject": "board", "date": "2023-01-01", "theme": "shared_vision", "stage": "late"}]
})");
    json::object reversed;
    const json::object& in = canonical.as_object();
    for (auto it = in.end(); it != in.begin();) {
        --it;
        reversed[it->key()] = it->value();
    }
    const auto a = test::checked_load(json::serialize(canonical)), b = test::checked_load(json::serialize(reversed));
    REQUIRE(a.model);
    REQUIRE(b.model);
    // A problem in every list but one, so that their order shows.
    CHECK(a.diagnostics.size() >= 9);
    REQUIRE(a.diagnostics.size() == b.diagnostics.size());
    for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
        CAPTURE(i);
        CHECK(a.diagnostics[i].code == b.diagnostics[i].code);
        CHECK(a.diagnostics[i].path == b.diagnostics[i].path);
        CHECK(a.diagnostics[i].message == b.diagnostics[i].message);
        CHECK(a.diagnostics[i].ids == b.diagnostics[i].ids);
    }
    REQUIRE(a.model->entities.size() == b.model->entities.size());
    for (Index i = 0; i < a.model->entities.size(); ++i) CHECK(a.model->id(i) == b.model->id(i));
    CHECK(a.model->id(0) == "notts");  // areas first, though last in the reversed file
    REQUIRE(a.model->relations.size() == 1);
    CHECK(b.model->relations.size() == 1);
    CHECK(a.model->flows.size() == 1);
    CHECK(b.model->flows.size() == 1);
    CHECK(validate(*a.model).size() == validate(*b.model).size());
}

// ---- saving ------------------------------------------------------------------------------------

TEST_CASE("load: round trip of the documented example — same document, same diagnostics, idempotent") {
    auto first = load_model_file(std::string(PBP_TEST_DATA) + "/docs_example.json");
    REQUIRE(first.model);
    const std::string saved = save_model(*first.model);
    auto second = test::checked_load(saved);
    REQUIRE(second.model);
    CHECK(second.model->document() == first.model->document());
    CHECK(second.model->entities.size() == first.model->entities.size());
    CHECK(second.model->relations.size() == first.model->relations.size());
    CHECK(second.model->flows.size() == first.model->flows.size());
    CHECK(second.model->assessments.size() == first.model->assessments.size());
    CHECK(codes(validate(*second.model)) == codes(validate(*first.model)));
    CHECK(save_model(*second.model) == saved);  // saving a saved model changes nothing
    // Comments are not kept: the saved text is plain JSON.
    CHECK(read_text(std::string(PBP_TEST_DATA) + "/docs_example.json").find("//") != std::string::npos);
    CHECK(saved.find("//") == std::string::npos);
}

TEST_CASE("load: the example in docs/model-format.md loads and validates with zero diagnostics") {
    auto r = load_model_file(std::string(PBP_TEST_DATA) + "/docs_example.json");
    REQUIRE(r.model);
    CHECK(r.diagnostics.empty());
    Diagnostics all = validate(*r.model);
    CHECK_MESSAGE(all.empty(), pbp::test::listing(all));
    CHECK(r.model->entities.size() == 24);
    CHECK(r.model->relations.size() == 11);
    CHECK(r.model->flows.size() == 4);
    CHECK(r.model->assessments.size() == 1);
}

TEST_CASE("ids: SPEC 1.1's syntax, ASCII letters and digits only, at most 128 characters") {
    using pbp::detail::valid_id;
    for (const char* ok : {"a", "9", "icb.board", "place_1", "ons:E54000060", "lsoa-16607", "A.b_c:d-9"}) CHECK_MESSAGE(valid_id(ok), ok);
    for (const char* bad : {"", ".a", "_a", ":a", "-a", "a b", "a/b", "a,b", "caf\xc3\xa9", "\xc3\xa9" "cole"})
        CHECK_MESSAGE(!valid_id(bad), bad);
    CHECK(valid_id(std::string(128, 'x')));
    CHECK(!valid_id(std::string(129, 'x')));

    // Through the loader: a letter outside ASCII is refused with E006 at the id's pointer.
    const auto r = pbp::load_model(R"({"format": "pbp/1", "name": "n", "areas": [{"id": "caf\u00e9", "kind": "place"}]})");
    REQUIRE(r.model);
    bool found = false;
    for (const auto& d : r.diagnostics)
        found = found || (d.code == "E006" && d.path == "/areas/0/id" && d.message.find("is not valid") != std::string::npos);
    CHECK(found);
    CHECK(!r.model->find("caf\xc3\xa9"));
}

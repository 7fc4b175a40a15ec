// Tests for the delegation rules E103-E105 and E201-E205 (src/delegation_rules.cpp; SPEC 3,
// 2.6.11; DOMAIN.md). Each file tests/data/delegation/eNNN.json is lawful except for one
// delegation, and validate() must report exactly that code; valid.json uses every construct
// SPEC 2.6.11 calls valid and must report nothing. The inline variants call the rule family
// directly, so that only its findings count.
#include "pbp/detail/rules.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace pbp;
using Codes = std::vector<std::string>;

namespace {
std::shared_ptr<const Model> load(const std::string& path) {
    auto r = load_model_file(path);
    REQUIRE(r.model);
    return r.model;
}

using pbp::test::codes;

// The delegation rules' findings for a model built from a common lawful base plus `relations`.
Diagnostics delegation_findings(const std::string& relations, const std::string& extra_bodies = "") {
    std::string text = R"({"format": "pbp/1", "name": "t",
      "areas": [{"id": "place", "kind": "place"}],
      "organisations": [
        {"id": "icb", "kind": "icb"}, {"id": "trust", "kind": "nhs_trust"},
        {"id": "council", "name": "Nottingham City Council", "kind": "unitary_authority"},
        {"id": "ca", "kind": "combined_authority"}, {"id": "vcse", "kind": "vcse"},
        {"id": "practice", "kind": "gp_practice"}],
      "bodies": [
        {"id": "icb.board", "kind": "board", "of": "icb"},
        {"id": "icb.sc", "kind": "sub_committee", "of": "icb.board", "place": "place"},
        {"id": "council.cttee", "kind": "committee", "of": "council"},
        {"id": "hwb", "kind": "health_and_wellbeing_board", "of": "council"},
        {"id": "pbp", "kind": "partnership"},
        {"id": "jc", "kind": "joint_committee", "of": ["icb", "council"]},
        {"id": "jc.vcse", "kind": "joint_committee", "of": ["icb", "vcse"]},
        {"id": "s75", "kind": "s75_board", "of": ["icb", "council"]})" +
                       extra_bodies + R"(],
      "posts": [{"id": "officer", "in": "icb.sc"}, {"id": "director", "in": "icb"}],
      "functions": [{"id": "f", "holder": "icb"}, {"id": "g", "holder": "icb"},
                    {"id": "care", "holder": "council"}, {"id": "advice", "holder": "icb", "statutory": false}],
      "relations": [)" + relations + "]}";
    auto r = load_model(text);
    REQUIRE(r.model);
    for (auto& d : r.diagnostics) {
        INFO(d.message);
        CHECK(d.severity != Severity::error);
    }
    Diagnostics out;
    detail::check_delegation(*r.model, out);
    return out;
}
}  // namespace

TEST_CASE("each rule model raises exactly its code") {
    struct Case {
        const char* file;
        const char* code;
        const char* path;
        Codes ids;
        const char* says;   // the law or the fact the message must name
        const char* plain;  // what `pbp report` says the code means, for readers without the table
    };
    const Case cases[] = {
        {"e103.json", "E103", "/relations/2/from", {"trust", "trust.board", "fn.icb", "icb"}, "no right",
         "a function delegated by someone with no right to delegate it"},
        {"e104.json", "E104", "/relations/3/from", {"icb.sc", "icb.officer", "fn.icb"}, "may_subdelegate is false",
         "sub-delegation without the delegator's permission"},
        {"e105.json", "E105", "/relations/3/limit", {"icb.sc", "icb.officer", "icb"}, "£2,000.00",
         "a delegate given a higher limit than its delegator holds"},
        {"e201.json", "E201", "/relations/2/mechanism", {"council", "icb"},
         "Nottingham City Council cannot delegate its own functions under s65Z5 of the NHS Act 2006 (as inserted by "
         "the Health and Care Act 2022); use a section 75 partnership arrangement",
         "s65Z5 used by a body that is not an NHS body"},
        {"e202.json", "E202", "/relations/2/to", {"icb", "council.cttee"}, "s65Z5",
         "s65Z5 used to delegate to a body that cannot receive it"},
        {"e203.json", "E203", "/relations/2/mechanism", {"icb", "trust"}, "section 75 of the NHS Act 2006",
         "a section 75 arrangement not between the NHS and a council"},
        {"e204.json", "E204", "/relations/2/to", {"icb", "pbp", "fn.icb"}, "no legal personality",
         "a statutory function given to a body that cannot hold it"},
        {"e205.json", "E205", "/relations/2/to", {"icb", "trust.board"}, "scheme of delegation",
         "a scheme of delegation reaching outside its own organisation"},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        auto m = load(std::string(PBP_TEST_DATA) + "/delegation/" + c.file);
        Diagnostics ds = validate(*m);
        REQUIRE(codes(ds) == Codes{c.code});
        const Diagnostic& d = ds[0];
        CHECK(d.severity == Severity::error);
        CHECK(d.path == c.path);
        CHECK(d.ids == c.ids);
        CHECK(d.line.has_value());
        INFO(d.message);
        CHECK(d.message.find(c.says) != std::string::npos);
        // `pbp report` lists it once under decisions, in plain words before the message.
        const std::string text = report(*m, ds);
        const std::string line = std::string("  - ") + c.code + " (" + c.plain + "): " + d.message + "\n";
        CHECK(pbp::test::occurrences(text, line) == 1);
        CHECK(text.find("none found: every delegation has a lawful route") == std::string::npos);
    }
}

TEST_CASE("valid constructs raise nothing (SPEC 2.6.11)") {
    for (const char* file : {"valid.json", "chains.json"}) {
        INFO(file);
        auto m = load(std::string(PBP_TEST_DATA) + "/delegation/" + file);
        CHECK(codes(validate(*m)).empty());
    }
    // The conformance model is lawful too.
    auto conf = load(std::string(PBP_TEST_DATA) + "/../conformance/model.json");
    Diagnostics ds;
    detail::check_delegation(*conf, ds);
    CHECK(codes(ds).empty());
}

TEST_CASE("E103: who may delegate a function") {
    // The holder, its board and its posts may; a council may not hand on the ICB's function.
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "icb.sc", "functions": ["f"]},
        {"kind": "delegates", "from": "icb.board", "to": "icb.sc", "functions": ["g"]},
        {"kind": "delegates", "from": "director", "to": "officer", "functions": ["g"]})"))
              .empty());
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "council", "to": "icb", "functions": ["f"], "mechanism": "s75"})")) ==
          Codes{"E103"});
    // A delegate allowed to sub-delegate may hand on what it received, even outside the holder.
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true},
        {"kind": "delegates", "from": "trust", "to": "council", "functions": ["f"], "mechanism": "s65z5"})"))
              .empty());
}

TEST_CASE("E104: permission comes from any delegation received that overlaps in time") {
    const char* permitted = R"({"kind": "delegates", "from": "icb", "to": "icb.sc", "functions": ["f"]},
        {"kind": "delegates", "from": "icb.board", "to": "icb.sc", "functions": ["f"], "may_subdelegate": true},
        {"kind": "delegates", "from": "icb.sc", "to": "officer", "functions": ["f"]})";
    CHECK(codes(delegation_findings(permitted)).empty());
    // The permission ended before the sub-delegation began: refused.
    const char* lapsed = R"({"kind": "delegates", "from": "icb", "to": "icb.sc", "functions": ["f"]},
        {"kind": "delegates", "from": "icb.board", "to": "icb.sc", "functions": ["f"], "may_subdelegate": true, "valid_to": "2023-04-01"},
        {"kind": "delegates", "from": "icb.sc", "to": "officer", "functions": ["f"], "valid_from": "2023-04-01"})";
    CHECK(codes(delegation_findings(lapsed)) == Codes{"E104"});
    // Permission for one function is not permission for another.
    const char* other = R"({"kind": "delegates", "from": "icb", "to": "icb.sc", "functions": ["f"], "may_subdelegate": true},
        {"kind": "delegates", "from": "icb", "to": "icb.sc", "functions": ["g"]},
        {"kind": "delegates", "from": "icb.sc", "to": "officer", "functions": ["f", "g"]})";
    Diagnostics ds = delegation_findings(other);
    REQUIRE(codes(ds) == Codes{"E104"});
    CHECK(ds[0].message.find("'g'") != std::string::npos);
    CHECK(ds[0].message.find("'f'") == std::string::npos);
}

TEST_CASE("E103, E104: the right to delegate must cover every day of the delegation, not one of them") {
    // The trust may hand on f until 2023; its own delegation of f runs on without end. Once any
    // received delegation overlapped, it counted for every day: nothing was reported, though
    // decides() drops the delegation from 2023.
    const auto one = delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true, "valid_from": "2022-01-01", "valid_to": "2023-01-01"},
        {"kind": "delegates", "from": "trust", "to": "council", "functions": ["f"], "mechanism": "s65z5", "valid_from": "2022-01-01"})");
    REQUIRE(codes(one) == Codes{"E103"});
    CHECK(one[0].message ==
          "'trust' delegates 'f' to Nottingham City Council ('council'), but it has no right to from 2023-01-01: it does not "
          "hold that function (held by 'icb'), is not a board, committee or post of the holder, and no delegation it "
          "received covers those days.");
    CHECK(one[0].path == "/relations/1/from");
    // Two delegations received one after the other cover it all; a gap between them does not.
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true, "valid_to": "2023-01-01"},
        {"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true, "valid_from": "2023-01-01"},
        {"kind": "delegates", "from": "trust", "to": "council", "functions": ["f"], "mechanism": "s65z5"})"))
              .empty());
    const auto gap = delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true, "valid_from": "2022-01-01", "valid_to": "2022-06-01"},
        {"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true, "valid_from": "2022-09-01"},
        {"kind": "delegates", "from": "trust", "to": "council", "functions": ["f"], "mechanism": "s65z5", "valid_from": "2022-01-01"})");
    REQUIRE(codes(gap) == Codes{"E103"});
    CHECK(gap[0].message.find("no right to from 2022-06-01 until 2022-09-01:") != std::string::npos);
    // Before 2022 the trust received nothing: the days before the first delegation count too.
    const auto early = delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true, "valid_from": "2022-01-01"},
        {"kind": "delegates", "from": "trust", "to": "council", "functions": ["f"], "mechanism": "s65z5"})");
    REQUIRE(codes(early) == Codes{"E103"});
    CHECK(early[0].message.find("no right to until 2022-01-01:") != std::string::npos);

    // From 2023 the only delegation of f the trust holds refuses sub-delegation.
    const auto refused = delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true, "valid_from": "2022-01-01", "valid_to": "2023-01-01"},
        {"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "valid_from": "2023-01-01"},
        {"kind": "delegates", "from": "trust", "to": "council", "functions": ["f"], "mechanism": "s65z5", "valid_from": "2022-01-01"})");
    REQUIRE(codes(refused) == Codes{"E104"});
    CHECK(refused[0].message ==
          "'trust' sub-delegates 'f' to Nottingham City Council ('council'), but from 2023-01-01 the delegation it "
          "received from 'icb' (/relations/1) does not allow sub-delegation (may_subdelegate is false). A delegate may "
          "hand on a function only with its delegator's permission.");
    // A committee of the holder needs no delegation, but once it receives one that refuses
    // sub-delegation it is bound by it, on that delegation's days only.
    const auto committee = delegation_findings(R"({"kind": "delegates", "from": "icb.board", "to": "icb.sc", "functions": ["f"], "valid_from": "2023-04-01"},
        {"kind": "delegates", "from": "icb.sc", "to": "officer", "functions": ["f"]})");
    REQUIRE(codes(committee) == Codes{"E104"});
    CHECK(committee[0].message.find("but from 2023-04-01 the delegation it received from 'icb.board' (/relations/0)") !=
          std::string::npos);
    // Functions refused on different days are reported apart, each with its days.
    const auto apart = delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5", "may_subdelegate": true, "valid_to": "2023-01-01"},
        {"kind": "delegates", "from": "icb", "to": "trust", "functions": ["g"], "mechanism": "s65z5", "may_subdelegate": true, "valid_to": "2024-01-01"},
        {"kind": "delegates", "from": "trust", "to": "council", "functions": ["f", "g"], "mechanism": "s65z5"})");
    REQUIRE(codes(apart) == Codes{"E103", "E103"});
    CHECK(apart[0].message.find("delegates 'f' to") != std::string::npos);
    CHECK(apart[0].message.find("from 2023-01-01:") != std::string::npos);
    CHECK(apart[1].message.find("delegates 'g' to") != std::string::npos);
    CHECK(apart[1].message.find("from 2024-01-01:") != std::string::npos);
}

TEST_CASE("E105: limits only ever shrink down a chain") {
    auto chain = [](const char* first, const char* second) {
        return std::string(R"({"kind": "delegates", "from": "icb", "to": "icb.sc", "functions": ["f"], "may_subdelegate": true)") +
               first + R"(}, {"kind": "delegates", "from": "icb.sc", "to": "officer", "functions": ["f"])" + second + "}";
    };
    CHECK(codes(delegation_findings(chain(R"(, "limit": "100.00")", R"(, "limit": "100.00")"))).empty());  // equal
    CHECK(codes(delegation_findings(chain(R"(, "limit": "100.00")", ""))).empty());  // none of its own
    CHECK(codes(delegation_findings(chain("", R"(, "limit": "1.00")"))).empty());     // received unlimited
    CHECK(codes(delegation_findings(chain(R"(, "limit": "100.00")", R"(, "limit": "100.01")"))) == Codes{"E105"});
}

TEST_CASE("E104, E105: delegations naming several functions, in any order, are compared function by function") {
    // Both name f, each after another function: the limit given on is checked against the one received.
    const char* received = R"({"kind": "delegates", "from": "icb", "to": "icb.sc", "functions": ["g", "f"], "limit": "100.00"},)";
    CHECK(codes(delegation_findings(std::string(received) +
                                    R"({"kind": "delegates", "from": "icb.sc", "to": "officer", "functions": ["advice", "f"], "limit": "200.00"})")) ==
          Codes{"E104", "E105"});
    // No function in common: the limit received says nothing about advice, nor does the
    // refusal to hand on f and g (the sub-committee of the ICB's board may delegate the ICB's advice).
    CHECK(codes(delegation_findings(std::string(received) +
                                    R"({"kind": "delegates", "from": "icb.sc", "to": "officer", "functions": ["advice"], "limit": "200.00"})"))
              .empty());
    // E104 names what was received and refused, not what was not received.
    const Diagnostics ds = delegation_findings(std::string(received) +
                                               R"({"kind": "delegates", "from": "icb.sc", "to": "officer", "functions": ["advice", "f"]})");
    REQUIRE(codes(ds) == Codes{"E104"});
    CHECK(ds[0].message.find("'f'") != std::string::npos);
    CHECK(ds[0].message.find("'advice'") == std::string::npos);
    CHECK(ds[0].message.find("'g'") == std::string::npos);
}

TEST_CASE("E201, E202: s65Z5 is for NHS bodies, to NHS bodies, councils and their joint committees") {
    // A council acting through its own committee is still a council (002 footnotes 2-3).
    Diagnostics ds = delegation_findings(
        R"({"kind": "delegates", "from": "council", "to": "council.cttee", "functions": ["care"]},
           {"kind": "delegates", "from": "council.cttee", "to": "icb", "functions": ["care"], "mechanism": "s65z5"})");
    // (The committee received "care" without permission to hand it on: E104 as well.)
    const Codes found = codes(ds);
    REQUIRE(std::count(found.begin(), found.end(), "E201") == 1);
    auto e201 = *std::find_if(ds.begin(), ds.end(), [](auto& d) { return d.code == "E201"; });
    CHECK(e201.message.rfind("Nottingham City Council (through 'council.cttee') cannot delegate its own functions under s65Z5", 0) == 0);
    // Lawful s65Z5: ICB to a trust, to a council, to a combined authority, to a joint committee
    // of the ICB and a council, and by the ICB's board.
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "s65z5"},
        {"kind": "delegates", "from": "icb", "to": "council", "functions": ["f"], "mechanism": "s65z5"},
        {"kind": "delegates", "from": "icb", "to": "ca", "functions": ["f"], "mechanism": "s65z5"},
        {"kind": "delegates", "from": "icb", "to": "jc", "functions": ["f"], "mechanism": "s65z5"},
        {"kind": "delegates", "from": "icb.board", "to": "trust", "functions": ["g"], "mechanism": "s65z5"})"))
              .empty());
    // Not to a joint committee that includes a VCSE, nor to an ICB sub-committee.
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "jc.vcse", "functions": ["f"], "mechanism": "s65z5"})")) ==
          Codes{"E202"});
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "icb.sc", "functions": ["f"], "mechanism": "s65z5"})")) ==
          Codes{"E202"});
}

TEST_CASE("E203: section 75 is between an NHS body and a council") {
    // Lawful: council to an s75 board of the ICB and the council (SPEC 2.6.11); ICB to the
    // council; the ICB's board to the council's committee.
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "council", "to": "s75", "functions": ["care"], "mechanism": "s75"},
        {"kind": "delegates", "from": "icb", "to": "council", "functions": ["f"], "mechanism": "s75"},
        {"kind": "delegates", "from": "icb.board", "to": "council.cttee", "functions": ["g"], "mechanism": "s75"})"))
              .empty());
    // A council to its own committee; the ICB to a combined authority (a combined authority is
    // a local authority for s65Z5 only).
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "council", "to": "council.cttee", "functions": ["care"], "mechanism": "s75"})")) ==
          Codes{"E203"});
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "ca", "functions": ["f"], "mechanism": "s75"})")) ==
          Codes{"E203"});
}

TEST_CASE("E204: statutory functions only to bodies that can hold them") {
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "council", "to": "hwb", "functions": ["care"]})")) == Codes{"E204"});
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "practice", "functions": ["f"], "mechanism": "lead_provider"})")) ==
          Codes{"E204"});
    // A non-statutory function may go to the partnership (it answers through accountable_to).
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "pbp", "functions": ["advice"], "mechanism": "executive_authority"})"))
              .empty());
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "trust", "functions": ["f"], "mechanism": "lead_provider"})"))
              .empty());
}

TEST_CASE("E205: a scheme of delegation stays inside its organisation") {
    // Inside: board, sub-committee, officer, and a joint committee the ICB belongs to.
    CHECK(codes(delegation_findings(R"({"kind": "delegates", "from": "icb", "to": "jc", "functions": ["f"]},
        {"kind": "delegates", "from": "icb", "to": "director", "functions": ["g"]})"))
              .empty());
    Diagnostics ds = delegation_findings(R"({"kind": "delegates", "from": "icb.sc", "to": "council.cttee", "functions": ["f"]})");
    // (icb.sc did not receive f and is a body of the holder, so it may delegate it.)
    REQUIRE(codes(ds) == Codes{"E205"});
    CHECK(ds[0].message.find("not part of 'icb'") != std::string::npos);
}

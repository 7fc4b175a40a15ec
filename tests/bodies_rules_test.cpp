// Tests for the committee rules E401 and W402 (src/bodies_rules.cpp; SPEC 3; docs/diagnostics.md
// "Committees"). Membership counts a body's `members` and the member_of relations to it; a
// chair is a member with role "chair" or a chairs relation. Each case is worked by hand in the
// comment beside it; the rule family is called directly, so only its findings count.
#include "pbp/detail/rules.hpp"
#include "pbp/load.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pbp;

namespace {
// The committee rules' findings for a small model: `cttee` with the given members (and quorum),
// and `relations`.
Diagnostics committee_findings(const std::string& cttee, const std::string& relations = "") {
    const std::string text = R"({"format": "pbp/1", "name": "t",
      "organisations": [{"id": "icb", "kind": "icb"}, {"id": "council", "kind": "unitary_authority"}],
      "bodies": [{"id": "board", "kind": "board", "of": "icb"},
                 {"id": "cttee", "kind": "committee", "of": "icb")" + cttee + R"(}],
      "posts": [{"id": "officer", "in": "icb"}, {"id": "chair", "in": "icb"}, {"id": "clerk", "in": "council"}],
      "relations": [)" + relations + "]}";
    auto r = load_model(text);
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.empty());
    Diagnostics out;
    detail::check_bodies(*r.model, out);
    return out;
}
using Codes = std::vector<std::string>;
using pbp::test::codes;
}  // namespace

TEST_CASE("E401: a quorum larger than the voting members, counted from both places") {
    // docs/diagnostics.md's example: three members, one not voting, quorum 3 -> 2 voting < 3.
    const Diagnostics ds = committee_findings(
        R"(, "members": [{"member": "icb", "role": "chair"}, {"member": "officer"}, {"member": "council", "voting": false}],
             "quorum": {"count": 3})");
    REQUIRE(codes(ds) == Codes{"E401"});
    CHECK(ds[0].message.find("'cttee' is 3 but it has only 2 voting members") != std::string::npos);
    CHECK(ds[0].path == "/bodies/1/quorum/count");
    // A voting member_of relation makes the third vote: quorate.
    CHECK(committee_findings(R"(, "members": [{"member": "icb", "role": "chair"}, {"member": "officer"}],
                                  "quorum": {"count": 3})",
                             R"({"kind": "member_of", "from": "clerk", "to": "cttee"})")
              .empty());
    // A non-voting one does not.
    CHECK(codes(committee_findings(R"(, "members": [{"member": "icb", "role": "chair"}, {"member": "officer"}],
                                       "quorum": {"count": 3})",
                                   R"({"kind": "member_of", "from": "clerk", "to": "cttee", "voting": false})")) ==
          Codes{"E401"});
    // The same member named in both places is one vote: 2 voting, quorum 3.
    CHECK(codes(committee_findings(R"(, "members": [{"member": "icb", "role": "chair"}, {"member": "officer"}],
                                       "quorum": {"count": 3})",
                                   R"({"kind": "member_of", "from": "officer", "to": "cttee"})")) == Codes{"E401"});
}

TEST_CASE("W402: members but no chair (a chair from a role, a member_of role or a chairs relation)") {
    const Diagnostics ds = committee_findings(R"(, "members": [{"member": "officer"}, {"member": "council"}])");
    REQUIRE(codes(ds) == Codes{"W402"});
    CHECK(ds[0].message.find("'cttee' has members but no chair") != std::string::npos);
    CHECK(committee_findings(R"(, "members": [{"member": "officer", "role": "chair"}])").empty());
    CHECK(committee_findings(R"(, "members": [{"member": "officer"}])",
                             R"({"kind": "member_of", "from": "chair", "to": "cttee", "role": "chair"})")
              .empty());
    CHECK(committee_findings(R"(, "members": [{"member": "officer"}])", R"({"kind": "chairs", "from": "chair", "to": "cttee"})")
              .empty());
    // Members only from a relation still need a chair.
    CHECK(codes(committee_findings("", R"({"kind": "member_of", "from": "officer", "to": "cttee"})")) == Codes{"W402"});
    // A relation of another kind to the body makes no member and no chair; one to an
    // organisation concerns no body; a body with no members needs no chair.
    CHECK(committee_findings("", R"({"kind": "accountable_to", "from": "officer", "to": "cttee"})").empty());
    CHECK(codes(committee_findings(R"(, "members": [{"member": "officer"}])",
                                   R"({"kind": "informs", "from": "chair", "to": "cttee"})")) == Codes{"W402"});
    CHECK(committee_findings("", R"({"kind": "member_of", "from": "icb", "to": "council", "role": "chair"})").empty());
}

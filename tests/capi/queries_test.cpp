// The queries of SPEC section 2 through the C API, on tests/data/capi/small.json. Expected values
// are worked out by hand from that file (each test says how); the conformance cases of
// tests/conformance are replayed through the C API at the end, so that the C API and the
// command line give the same answers.
#include "capi_support.hpp"

#include <fstream>
#include <string>
#include <vector>

using namespace capi_test;
namespace json = boost::json;

namespace {
json::value parse(const Buffer& b) { return json::parse(b.str()); }
}  // namespace

TEST_CASE("capi accountability: chain, reachable and apexes of a post") {
    // p1.director sits in p1.committee (in), which belongs to the ICB (of) and answers to
    // icb.board (it is its delegate). The shortest way up: director, committee, icb, nhse,
    // parliament. Everything reachable, sorted byte-wise; parliament is the only terminal.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE_MESSAGE(pbp_model_accountability(out.out(), m.m, "p1.director", nullptr, 0) == PBP_OK, pbp_last_error());
    CHECK(parse(out) == json::parse(R"({"node": "p1.director",
        "chain": ["p1.director", "p1.committee", "icb", "nhse", "parliament"],
        "reachable": ["icb", "icb.board", "nhse", "p1.committee", "parliament"],
        "apexes": ["parliament"]})"));
    // The post starts on 2023-04-01: before that it does not exist.
    CHECK(pbp_model_accountability(out.out(), m.m, "p1.director", "2023-01-01", 0) == PBP_ERR_NOT_FOUND);
    CHECK(std::string(pbp_last_error()).find("p1.director") != std::string::npos);
    CHECK(pbp_model_accountability(out.out(), m.m, "nobody", nullptr, 0) == PBP_ERR_NOT_FOUND);
    CHECK(std::string(pbp_last_error()).find("nobody") != std::string::npos);
    CHECK(pbp_model_accountability(out.out(), m.m, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_accountability(out.out(), m.m, "icb", "2023-13-01", 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_accountability(nullptr, m.m, "icb", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    // An area, function or fund answers to no one: refused as an id of the wrong kind (it once
    // answered with itself as its own apex), alone or in a batch.
    for (const char* other : {"p1", "fn", "pool"}) {
        CAPTURE(other);
        CHECK(pbp_model_accountability(out.out(), m.m, other, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
        CHECK(std::string(pbp_last_error()).find("is not an organisation, body or post") != std::string::npos);
        const std::string batch = std::string(R"(["icb", ")") + other + "\"]";
        CHECK(pbp_model_accountability_batch(out.out(), m.m, batch.c_str(), nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    }
}

TEST_CASE("capi decides: who decides fn at p1, at p2 and before the director existed") {
    // icb.board (a body of the holder, icb) delegates fn to p1.committee (place p1, limit
    // 500000.00, may sub-delegate), which delegates it to p1.director (limit 100000.00, from
    // 2023-04-01). At p1 the chain runs to the director; the limit is the smaller, 100000.00.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_decides(out.out(), m.m, "fn", "p1", nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"function": "fn", "place": "p1", "holder": "icb",
        "decision_maker": "p1.director",
        "delegation_chain": ["icb.board", "p1.committee", "p1.director"],
        "accountability_chain": ["p1.director", "p1.committee", "icb.board", "icb", "nhse", "parliament"],
        "limit": "100000.00"})"));
    // p1.committee's place (p1) does not contain p2: nothing is delegated there.
    REQUIRE(pbp_model_decides(out.out(), m.m, "fn", "p2", nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"function": "fn", "place": "p2", "holder": "icb",
        "decision_maker": "icb", "delegation_chain": ["icb"],
        "accountability_chain": ["icb", "nhse", "parliament"], "limit": null})"));
    // Before 2023-04-01 the director's delegation does not exist: the committee decides.
    REQUIRE(pbp_model_decides(out.out(), m.m, "fn", "p1", "2023-01-01", 0) == PBP_OK);
    CHECK(parse(out).at("decision_maker") == "p1.committee");
    CHECK(parse(out).at("limit") == "500000.00");

    CHECK(pbp_model_decides(out.out(), m.m, "nofn", "p1", nullptr, 0) == PBP_ERR_NOT_FOUND);
    CHECK(pbp_model_decides(out.out(), m.m, "fn", "noplace", nullptr, 0) == PBP_ERR_NOT_FOUND);
    // Known ids of the wrong kind are invalid arguments, named in the message.
    CHECK(pbp_model_decides(out.out(), m.m, "icb", "p1", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("icb") != std::string::npos);
    CHECK(pbp_model_decides(out.out(), m.m, "fn", nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi authority: who may approve a commitment, by amount") {
    // Effective limits walking back from the decision maker: p1.director 100000.00,
    // p1.committee 500000.00, icb.board unlimited. An amount equal to a limit is within it.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_authority(out.out(), m.m, "fn", "p1", "100000", nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"function": "fn", "place": "p1", "amount": "100000.00",
        "approver": "p1.director", "effective_limit": "100000.00", "chain": ["p1.director"]})"));
    REQUIRE(pbp_model_authority(out.out(), m.m, "fn", "p1", "200000.00", nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"function": "fn", "place": "p1", "amount": "200000.00",
        "approver": "p1.committee", "effective_limit": "500000.00", "chain": ["p1.director", "p1.committee"]})"));
    REQUIRE(pbp_model_authority(out.out(), m.m, "fn", "p1", "600000.01", nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"function": "fn", "place": "p1", "amount": "600000.01",
        "approver": "icb.board", "effective_limit": null,
        "chain": ["p1.director", "p1.committee", "icb.board"]})"));
    // Money follows SPEC 1.3 exactly: no third decimal, no exponent, no float.
    CHECK(pbp_model_authority(out.out(), m.m, "fn", "p1", "1.005", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_authority(out.out(), m.m, "fn", "p1", "1e6", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_authority(out.out(), m.m, "fn", "p1", nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi balances and trace: the money of 2023/24") {
    // nhse -> icb 1000; council -> pool 300; icb -> pool 600; pool -> provider 900.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_balances(out.out(), m.m, "2023/24", 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"year": "2023/24", "nodes": [
        {"id": "council", "inflow": "0.00", "outflow": "300.00", "net": "-300.00"},
        {"id": "icb", "inflow": "1000.00", "outflow": "600.00", "net": "400.00"},
        {"id": "nhse", "inflow": "0.00", "outflow": "1000.00", "net": "-1000.00"},
        {"id": "pool", "inflow": "900.00", "outflow": "900.00", "net": "0.00"},
        {"id": "provider", "inflow": "900.00", "outflow": "0.00", "net": "900.00"}]})"));
    REQUIRE(pbp_model_balances(out.out(), m.m, "2022/23", 0) == PBP_OK);
    CHECK(parse(out).at("nodes").as_array().empty());
    CHECK(pbp_model_balances(out.out(), m.m, "2023/25", 0) == PBP_ERR_INVALID_ARGUMENT);  // not consecutive years
    CHECK(pbp_model_balances(out.out(), m.m, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);

    // The pool's 900 came 300 from the council and 600 from the ICB, whose money all came from
    // NHS England: the provider's 900 traces to nhse 600.00 and council 300.00.
    REQUIRE(pbp_model_trace(out.out(), m.m, "provider", "2023/24", 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"node": "provider", "year": "2023/24", "total": "900.00",
        "sources": [{"source": "nhse", "amount": "600.00"}, {"source": "council", "amount": "300.00"}]})"));
    REQUIRE(pbp_model_trace(out.out(), m.m, "nhse", "2023/24", 0) == PBP_OK);  // a source: no inflow
    CHECK(parse(out).at("total") == "0.00");
    CHECK(pbp_model_trace(out.out(), m.m, "nobody", "2023/24", 0) == PBP_ERR_NOT_FOUND);
}

TEST_CASE("capi coterminosity: places against local authorities") {
    // Leaves: l1 (100 people, in p1 and la1), l2 (200, p2 and la1), l3 (100, p2 and la2).
    // p1 = {l1} lies within la1: coverage 100/100. p2 = {l2, l3} shares 200 with la1 and 100 with
    // la2: best la1, coverage 200/300 = 0.6667, neither holds the other. Score 300/400 = 0.7500.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_coterminosity(out.out(), m.m, "place", "local_authority", nullptr, nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"score": "0.7500", "areas": [
        {"area": "p1", "best": "la1", "coverage": "1.0000", "relation": "within"},
        {"area": "p2", "best": "la1", "coverage": "0.6667", "relation": "overlaps"}]})"));
    // Ids, comma-separated: p2 against la2 alone: overlap 100 of 300, p2 contains la2.
    REQUIRE(pbp_model_coterminosity(out.out(), m.m, "p2", "la2", nullptr, nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"score": "0.3333", "areas": [
        {"area": "p2", "best": "la2", "coverage": "0.3333", "relation": "contains"}]})"));
    CHECK(pbp_model_coterminosity(out.out(), m.m, "p2,nowhere", "la2", nullptr, nullptr, 0) == PBP_ERR_NOT_FOUND);
    CHECK(std::string(pbp_last_error()).find("nowhere") != std::string::npos);
    CHECK(pbp_model_coterminosity(out.out(), m.m, "", "la2", nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_coterminosity(out.out(), m.m, "place", "la2", "nowhere", nullptr, 0) == PBP_ERR_NOT_FOUND);
    // With ids `within` is not applied (SPEC 2.6.8), but a mistyped one is no longer ignored.
    CHECK(pbp_model_coterminosity(out.out(), m.m, "p1,p2", "la2", "nowhere", nullptr, 0) == PBP_ERR_NOT_FOUND);
    CHECK(std::string(pbp_last_error()).find("nowhere") != std::string::npos);
    CHECK(pbp_model_coterminosity(out.out(), m.m, "p2", "la2", "ics", nullptr, 0) == PBP_OK);
    // Neither an area kind nor an id in the model.
    CHECK(pbp_model_coterminosity(out.out(), m.m, "planet", "la2", nullptr, nullptr, 0) == PBP_ERR_NOT_FOUND);
    CHECK(std::string(pbp_last_error()).find("planet") != std::string::npos);
    // An id that is not an area.
    CHECK(pbp_model_coterminosity(out.out(), m.m, "icb", "la2", nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi partners: the upper-tier councils an ICB must work with") {
    // The ICB serves the ICS {a 100, b 50, c 30}. The unitary serves {a}: whole, 100 of 100.
    // The county serves {b, d 70}: 50 of its 120 people inside. The district is no upper tier.
    const std::string text = R"({"format": "pbp/1", "name": "partners", "areas": [
        {"id": "ics", "kind": "ics"},
        {"id": "ua", "kind": "local_authority"}, {"id": "cty", "kind": "local_authority"},
        {"id": "a", "kind": "lsoa", "within": ["ics", "ua"], "population": 100},
        {"id": "b", "kind": "lsoa", "within": ["ics", "cty"], "population": 50},
        {"id": "c", "kind": "lsoa", "within": ["ics"], "population": 30},
        {"id": "d", "kind": "lsoa", "within": ["cty"], "population": 70}],
      "organisations": [
        {"id": "icb", "kind": "icb", "serves": ["ics"]},
        {"id": "unitary", "kind": "unitary_authority", "serves": ["ua"]},
        {"id": "county", "kind": "county_council", "serves": ["cty"]},
        {"id": "district", "kind": "district_council", "serves": ["cty"]}]})";
    Model m;
    REQUIRE_MESSAGE(pbp_model_load_text(m.out(), text.data(), text.size()) == PBP_OK, pbp_last_error());
    Buffer out;
    REQUIRE_MESSAGE(pbp_model_partners(out.out(), m.m, "icb", nullptr, PBP_FORCE) == PBP_OK, pbp_last_error());
    const json::value r = parse(out);
    CHECK(r.at("node") == "icb");
    CHECK(r.at("population") == 180);
    CHECK(r.at("uncovered") == 30);  // c lies in no upper-tier council's area
    const auto& councils = r.at("councils").as_array();
    REQUIRE(councils.size() == 2);
    CHECK(councils[0].at("council") == "county");
    CHECK(councils[0].at("overlap") == 50);
    CHECK(councils[0].at("population") == 120);
    CHECK(councils[0].at("whole") == false);
    CHECK(councils[1].at("council") == "unitary");
    CHECK(councils[1].at("overlap") == 100);
    CHECK(councils[1].at("whole") == true);
    CHECK(pbp_model_partners(out.out(), m.m, "nobody", nullptr, PBP_FORCE) == PBP_ERR_NOT_FOUND);
    CHECK(pbp_model_partners(out.out(), m.m, nullptr, nullptr, PBP_FORCE) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_partners(out.out(), nullptr, "icb", nullptr, PBP_FORCE) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi boundaries: partitions and units cutting boundaries") {
    // Leaves: l1 (100, p1, la1), l2 (200, p2, la1), l3 (100, p2, la2). The places p1 and p2
    // cover ics's leaves {l1, l2, l3} once each. p1 lies within la1; p2 is cut 200 / 100.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_partitions(out.out(), m.m, "place", "ics", nullptr, nullptr, 0) == PBP_OK);
    CHECK(parse(out).at("partitions") == true);
    // la1 alone leaves l3 (100 people) uncovered.
    REQUIRE(pbp_model_partitions(out.out(), m.m, "la1", "ics", nullptr, nullptr, 0) == PBP_OK);
    CHECK(parse(out).at("gap") == json::parse(R"({"leaves": ["l3"], "population": 100})"));
    REQUIRE(pbp_model_boundaries(out.out(), m.m, "place", "local_authority", nullptr, nullptr, 0) == PBP_OK);
    auto r = parse(out);
    CHECK(r.at("respects") == false);
    CHECK(r.at("units").at(1) == json::parse(R"({"unit": "p2", "within": null, "pieces": [
        {"area": "la1", "population": 200}, {"area": "la2", "population": 100}], "outside": 0})"));
    CHECK(pbp_model_partitions(out.out(), m.m, "place", "nowhere", nullptr, nullptr, 0) == PBP_ERR_NOT_FOUND);
    CHECK(pbp_model_boundaries(out.out(), m.m, "", "la2", nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_boundaries(out.out(), nullptr, "place", "la2", nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi fair shares: by population x need, with and without a floor") {
    // Weights: p1 = 100 people x 1, p2 = 300 x 0.5 = 150. 1000.00 splits 400.00 / 600.00. With
    // a floor of 450.00, p1's exact share (400) is below it: p1 gets 450.00, p2 the rest, 550.00.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_fair_shares(out.out(), m.m, "1000.00", "place", nullptr, nullptr, nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"total": "1000.00", "shares": [
        {"area": "p1", "amount": "400.00"}, {"area": "p2", "amount": "600.00"}]})"));
    REQUIRE(pbp_model_fair_shares(out.out(), m.m, "1000", "place", "ics", "450", nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"total": "1000.00", "shares": [
        {"area": "p1", "amount": "450.00"}, {"area": "p2", "amount": "550.00"}]})"));
    // Floors summing to more than the total are an error.
    CHECK(pbp_model_fair_shares(out.out(), m.m, "100.00", "place", nullptr, "60.00", nullptr, 0) ==
          PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_fair_shares(out.out(), m.m, "100.001", "place", nullptr, nullptr, nullptr, 0) ==
          PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi designation: place-level where the decision maker is specific to the place") {
    // fn (service area "Primary care") is decided by p1.director at p1 (a place-specific post);
    // at p2 nothing in scope is delegated, though fn is delegated elsewhere: "system", the ICB.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_designation(out.out(), m.m, nullptr, 0) == PBP_OK);
    CHECK(parse(out) == json::parse(R"({"as_of": null, "designations": [
        {"function": "fn", "service_area": "Primary care", "place": "p1", "level": "place", "decision_maker": "p1.director"},
        {"function": "fn", "service_area": "Primary care", "place": "p2", "level": "system", "decision_maker": "icb"}]})"));
    REQUIRE(pbp_model_designation(out.out(), m.m, "2023-01-01", 0) == PBP_OK);
    CHECK(parse(out).at("as_of") == "2023-01-01");
    CHECK(parse(out).at("designations").at(0).at("decision_maker") == "p1.committee");
    CHECK(pbp_model_designation(out.out(), m.m, "01/01/2023", 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi diff: the director's post and delegation start on 2023-04-01") {
    // Between 2023-01-01 and 2023-06-01 the post p1.director and the delegation to it
    // (/relations/4) appear, and the decision maker for fn at p1 moves from the committee to it.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_diff(out.out(), m.m, "2023-01-01", "2023-06-01", 0) == PBP_OK);
    const json::value d = parse(out);
    CHECK(d.at("from") == "2023-01-01");
    CHECK(d.at("entities") == json::parse(R"({"appeared": ["p1.director"], "disappeared": []})"));
    CHECK(d.at("relations") == json::parse(R"({"appeared": [{"pointer": "/relations/4", "id": null,
        "kind": "delegates", "from": "p1.committee", "to": "p1.director"}], "disappeared": []})"));
    REQUIRE(d.at("decisions").as_array().size() == 1);
    const json::value& c = d.at("decisions").at(0);
    CHECK(c.at("place") == "p1");
    CHECK(c.at("before").at("decision_maker") == "p1.committee");
    CHECK(c.at("after").at("decision_maker") == "p1.director");
    CHECK(c.at("after").at("limit") == "100000.00");
    // The same day twice: nothing changed.
    REQUIRE(pbp_model_diff(out.out(), m.m, "2023-06-01", "2023-06-01", 0) == PBP_OK);
    CHECK(parse(out).at("decisions").as_array().empty());
    CHECK(pbp_model_diff(out.out(), m.m, "2023-01-01", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_diff(out.out(), m.m, "2023-1-1", "2023-06-01", 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi maturity: the latest stage by a day, and the change between two days") {
    // p1.committee assessed shared_vision "developing" on 2023-06-01 and "maturing" on 2024-01-15.
    Model m;
    load(m, "small.json");
    Buffer out;
    REQUIRE(pbp_model_maturity(out.out(), m.m, "p1.committee", "2023-12-31", nullptr, nullptr, 0) == PBP_OK);
    json::value r = parse(out);
    REQUIRE(r.at("subjects").as_array().size() == 1);
    const json::array& themes = r.at("subjects").at(0).at("themes").as_array();
    REQUIRE(themes.size() == 10);  // the ten themes of the maturity matrix, always all listed
    CHECK(themes[0] == json::parse(R"({"theme": "shared_vision", "stage": "developing", "date": "2023-06-01",
        "evidence": "Place plan agreed"})"));
    CHECK(themes[1].at("stage").is_null());

    REQUIRE(pbp_model_maturity(out.out(), m.m, nullptr, nullptr, "2023-07-01", "2024-02-01", 0) == PBP_OK);
    r = parse(out);
    const json::value& sv = r.at("subjects").at(0).at("themes").at(0);
    CHECK(sv.at("from_stage") == "developing");
    CHECK(sv.at("stage") == "maturing");
    CHECK(sv.at("change") == 1);  // one stage further

    CHECK(pbp_model_maturity(out.out(), m.m, "nobody", nullptr, nullptr, nullptr, 0) == PBP_ERR_NOT_FOUND);
    // A subject is a body or an area (SPEC 1.2): an organisation or function is the wrong kind.
    CHECK(pbp_model_maturity(out.out(), m.m, "icb", nullptr, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_maturity(out.out(), m.m, "fn", nullptr, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_maturity(out.out(), m.m, "p1", nullptr, nullptr, nullptr, 0) == PBP_OK);
    CHECK(pbp_model_maturity(out.out(), m.m, nullptr, nullptr, "2023-07-01", nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_maturity(out.out(), m.m, nullptr, "2023-07-01", "2023-07-01", "2024-01-01", 0) ==
          PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi queries: a model with errors is refused unless PBP_FORCE, like the command line") {
    Model m;
    load(m, "with_errors.json");
    char* out = poison();
    CHECK(pbp_model_accountability(&out, m.m, "icb", nullptr, 0) == PBP_ERR_MODEL_HAS_ERRORS);
    CHECK(out == nullptr);
    CHECK(std::string(pbp_last_error_diagnostic()) == "E004");
    CHECK(std::string(pbp_last_error()).find("PBP_FORCE") != std::string::npos);
    auto ds = json::parse(pbp_last_error_diagnostics()).as_array();
    REQUIRE(ds.size() == 1);  // the errors only, not the warning
    CHECK(ds[0].at("code") == "E004");

    Buffer ok;
    REQUIRE(pbp_model_accountability(ok.out(), m.m, "icb", nullptr, PBP_FORCE) == PBP_OK);
    CHECK(parse(ok).at("chain") == strings({"icb"}));
    CHECK(std::string(pbp_last_error_diagnostics()) == "[]");  // success clears the last error
}

TEST_CASE("capi queries: PBP_PRETTY indents as the command line does") {
    Model m;
    load(m, "small.json");
    Buffer compact, pretty;
    REQUIRE(pbp_model_decides(compact.out(), m.m, "fn", "p1", nullptr, 0) == PBP_OK);
    REQUIRE(pbp_model_decides(pretty.out(), m.m, "fn", "p1", nullptr, PBP_PRETTY) == PBP_OK);
    CHECK(compact.str().find('\n') == std::string::npos);
    CHECK(pretty.str().rfind("{\n  \"function\": \"fn\",\n", 0) == 0);
    CHECK(parse(compact) == parse(pretty));
}

namespace {
/// The value of `--name` in a command line, or NULL.
const char* option(const std::vector<std::string>& args, const std::string& name) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--" + name) return args[i + 1].c_str();
    return nullptr;
}

/// Runs one conformance case's command line through the C API; returns the status.
int run_case(const std::vector<std::string>& args, pbp_model* m, Buffer& out) {
    const std::string& cmd = args[0];
    const char* as_of = option(args, "as-of");
    if (cmd == "accountability") return pbp_model_accountability(out.out(), m, args[2].c_str(), as_of, 0);
    if (cmd == "decides") return pbp_model_decides(out.out(), m, option(args, "function"), option(args, "place"), as_of, 0);
    if (cmd == "authority")
        return pbp_model_authority(out.out(), m, option(args, "function"), option(args, "place"), option(args, "amount"), as_of, 0);
    if (cmd == "balances") return pbp_model_balances(out.out(), m, option(args, "year"), 0);
    if (cmd == "trace") return pbp_model_trace(out.out(), m, args[2].c_str(), option(args, "year"), 0);
    if (cmd == "coterminosity")
        return pbp_model_coterminosity(out.out(), m, option(args, "a"), option(args, "b"), option(args, "within"), as_of, 0);
    if (cmd == "fair-shares")
        return pbp_model_fair_shares(out.out(), m, option(args, "total"), option(args, "kind"), option(args, "within"),
                                     option(args, "floor"), as_of, 0);
    if (cmd == "designation") return pbp_model_designation(out.out(), m, as_of, 0);
    if (cmd == "diff") return pbp_model_diff(out.out(), m, option(args, "from"), option(args, "to"), 0);
    if (cmd == "maturity")
        return pbp_model_maturity(out.out(), m, option(args, "subject"), as_of, option(args, "from"), option(args, "to"), 0);
    if (cmd == "allocate") {
        std::vector<const char*> w;
        for (std::size_t i = 2; i < args.size(); ++i) w.push_back(args[i].c_str());
        return pbp_allocate(out.out(), args[1].c_str(), w.data(), w.size(), 0);
    }
    FAIL("a conformance case for a command the C API test does not know: " << cmd);
    return PBP_ERR_INTERNAL;
}
}  // namespace

TEST_CASE("capi conformance: every case of tests/conformance gives the expected answer through the C API") {
    Model m;
    REQUIRE(pbp_model_load(m.out(), PBP_CONFORMANCE_DIR "/model.json") == PBP_OK);
    std::ifstream cases(PBP_CONFORMANCE_DIR "/cases.jsonl");
    REQUIRE(cases);
    std::string line;
    int n = 0;
    while (std::getline(cases, line)) {
        if (line.empty()) continue;
        const json::object c = json::parse(line).as_object();
        std::vector<std::string> args;
        for (auto& a : c.at("args").as_array()) args.emplace_back(a.as_string());
        Buffer out;
        const int status = run_case(args, m.m, out);
        INFO("case: " << line.substr(0, 160));
        REQUIRE_MESSAGE(status == PBP_OK, pbp_last_error());
        const json::object got = json::parse(out.str()).as_object();
        for (auto& [key, want] : c.at("expect").as_object()) {
            INFO("key: " << std::string(key));
            REQUIRE(got.contains(key));
            CHECK(got.at(key) == want);
        }
        ++n;
    }
    CHECK(n >= 50);  // 51 cases when this was written
}

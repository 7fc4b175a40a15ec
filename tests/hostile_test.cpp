// Hostile and malformed input (docs/limits.md): files a governance officer's tools really
// produce (Latin-1 text, a byte order mark, a key pasted twice), values at the edges of what pbp
// holds, references that go round in circles, and files built to exhaust memory or time. Each
// must end in a diagnostic with a code, never a crash, a hang or unbounded memory. The inputs
// are tests/data/hostile/*.json; the large ones are generated here, not committed.
//
// Lines and columns below were counted by hand in the files (columns in characters, from 1).
#include "load_both_ways.hpp"

#include "pbp/accountability.hpp"
#include "pbp/detail/rules.hpp"
#include "pbp/delegation.hpp"
#include "pbp/designation.hpp"
#include "pbp/diff.hpp"
#include "pbp/error.hpp"
#include "pbp/export.hpp"
#include "pbp/fair_shares.hpp"
#include "pbp/flows.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"

#include <boost/graph/strong_components.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace pbp;

namespace {

std::string hostile(const std::string& name) {
    std::ifstream in(std::string(PBP_TEST_DATA) + "/hostile/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string listing(const Diagnostics& ds) {
    std::string s;
    for (const auto& d : ds) s += d.code + " " + d.path + "; ";
    return s;
}

// The diagnostic with this code at this path; fails the test when there is none.
const Diagnostic& find(const Diagnostics& ds, const std::string& code, const std::string& path) {
    for (const auto& d : ds)
        if (d.code == code && d.path == path) return d;
    FAIL("no " << code << " at " << path << " among: " << listing(ds));
    return ds.front();
}

std::size_t count(const Diagnostics& ds, const std::string& code) {
    std::size_t n = 0;
    for (const auto& d : ds) n += d.code == code;
    return n;
}

// The single diagnostic of a file that does not load (a copy: the result is often a temporary).
Diagnostic refusal(const LoadResult& r, const std::string& code) {
    INFO(listing(r.diagnostics));
    CHECK_FALSE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == code);
    CHECK(r.diagnostics[0].severity == Severity::error);
    return r.diagnostics[0];
}

const std::string kMaxAmount = "1701411834604692317316873037158841057.27";  // 2^127 - 1 pence
const std::string kPastMax = "1701411834604692317316873037158841057.28";

// Every query on every node, function and area of the model on each day, as --force would
// ask them: the point is that each one returns (a refusal of the arguments is an answer).
void every_query_returns(const Model& m, const std::vector<std::optional<Date>>& days) {
    const Diagnostics problems = validate(m);
    auto attempt = [](auto&& f) {
        try {
            f();
        } catch (const InvalidArgument&) {
        }
    };
    for (const auto& day : days) {
        const Footprints fp(m, day);
        for (Index i = 0; i < m.entities.size(); ++i) {
            const Entity& e = m.entities[i];
            if (e.section != Section::area && e.section != Section::function)
                attempt([&] { (void)accountability(m, i, day); });
            if (e.section == Section::function)
                for (Index p = 0; p < m.entities.size(); ++p)
                    if (m.entities[p].section == Section::area) {
                        attempt([&] { (void)decides(m, i, p, day); });
                        attempt([&] { (void)authority(m, i, p, *Money::parse("1000.00"), day); });
                    }
        }
        for (const std::string& kind : area_kinds()) {
            attempt([&] { (void)coterminosity(fp, AreaSelection::of_kind(kind), AreaSelection::of_kind("place")); });
            attempt([&] { (void)fair_shares(fp, *Money::parse("100.00"), AreaSelection::of_kind(kind)); });
        }
        (void)designation(m, day);
        (void)report(m, problems, day);
        (void)to_dot(m, day);
        (void)to_graphml(m, day);
    }
    for (FinancialYear y : flow_years(m)) {
        (void)balances(m, y);
        (void)flow_problems(m, y);
        for (Index i = 0; i < m.entities.size(); ++i) attempt([&] { (void)trace(m, i, y); });
    }
    (void)diff(m, *parse_date("2000-01-01"), *parse_date("2030-01-01"));
}

}  // namespace

// ---- the bytes of the file ---------------------------------------------------------------------

TEST_CASE("hostile: invalid UTF-8 is E001 naming the line, column and byte") {
    // invalid_utf8.json: a Latin-1 pound sign (byte A3) at line 3, column 19.
    const Diagnostic d = refusal(test::checked_load(hostile("invalid_utf8.json")), "E001");
    CHECK(d.line == 3);
    CHECK(d.column == 19);
    CHECK(d.message.find("not valid UTF-8") != std::string::npos);
    CHECK(d.message.find("0xA3") != std::string::npos);
    // Other ill-formed UTF-8: a lone continuation byte, an overlong '/', a surrogate, a
    // sequence cut short at the end of the file. Each at its first byte.
    for (const std::string bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
        const std::string text = "{\"format\": \"pbp/1\", \"name\": \"" + bad;
        const Diagnostic e = refusal(test::checked_load(text), "E001");
        CHECK(e.column == 30);
        CHECK(e.message.find("UTF-8") != std::string::npos);
    }
    // Inside a comment too: a model is one UTF-8 document (SPEC 1).
    refusal(test::checked_load("// \xFF\n{\"format\": \"pbp/1\", \"name\": \"n\"}"), "E001");
}

TEST_CASE("hostile: a raw NUL byte inside a string is E001 naming the control character") {
    // nul_in_string.json: byte 00 at line 3, column 17.
    const Diagnostic d = refusal(test::checked_load(hostile("nul_in_string.json")), "E001");
    CHECK(d.line == 3);
    CHECK(d.column == 17);
    CHECK(d.message.find("U+0000") != std::string::npos);
    CHECK(d.message.find("\\u0000") != std::string::npos);
}

TEST_CASE("hostile: an escaped NUL is kept in a name and refused in an id") {
    auto r = test::checked_load(hostile("escaped_nul.json"));
    REQUIRE(r.model);
    INFO(listing(r.diagnostics));
    CHECK(r.model->name == std::string("North\0South", 11));
    const Diagnostic& id = find(r.diagnostics, "E006", "/areas/0/id");
    CHECK(id.line == 5);
    CHECK(r.diagnostics.size() == 1);
    REQUIRE(r.model->find("ok"));
    CHECK(r.model->at(*r.model->find("ok")).name == std::string("Ok\0place", 8));
    // Saved and loaded again, the NUL survives (written as \u0000).
    auto again = test::checked_load(save_model(*r.model));
    REQUIRE(again.model);
    CHECK(again.model->name == r.model->name);
}

TEST_CASE("hostile: a UTF-8 byte order mark is skipped and not counted in columns") {
    const std::string text = hostile("bom.json");
    REQUIRE(text.substr(0, 3) == "\xEF\xBB\xBF");
    auto r = test::checked_load(text);
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    // The value of "colour" is at line 4, column 72 in characters (73 in bytes: "é" is two).
    const Diagnostic& d = find(r.diagnostics, "W009", "/areas/0/colour");
    CHECK(d.line == 4);
    CHECK(d.column == 72);
    CHECK(r.model->at(0).name == "Caf\xC3\xA9");
    // Without the mark, the same.
    auto plain = test::checked_load(text.substr(3));
    REQUIRE(plain.diagnostics.size() == 1);
    CHECK(plain.diagnostics[0].column == 72);
    // A second mark is not whitespace: E001 at its place.
    const Diagnostic twice = refusal(test::checked_load("\xEF\xBB\xBF" + text), "E001");
    CHECK(twice.line == 1);
    CHECK(twice.column == 1);
}

TEST_CASE("hostile: a key written twice is E009 with both places") {
    // duplicate_keys.json line 4: "kind" at columns 25 and 42; the second value, "ics", is kept.
    auto r = test::checked_load(hostile("duplicate_keys.json"));
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = find(r.diagnostics, "E009", "/areas/0/kind");
    CHECK(d.line == 4);
    CHECK(d.column == 42);
    CHECK(d.message.find("line 4, column 25") != std::string::npos);
    CHECK(d.message.find("line 4, column 42") != std::string::npos);
    CHECK(r.model->at(0).kind == "ics");
    // Three times: two E009, each naming the first place.
    auto thrice = test::checked_load(R"({"format": "pbp/1", "name": "n", "name": "m", "name": "o"})");
    REQUIRE(thrice.model);
    REQUIRE(count(thrice.diagnostics, "E009") == 2);
    for (const auto& e : thrice.diagnostics) CHECK(e.message.find("line 1, column 21") != std::string::npos);
    CHECK(thrice.model->name == "o");
}

// ---- money -------------------------------------------------------------------------------------

TEST_CASE("hostile: -0.00 is zero, printed without a sign, and refused where money has no sign") {
    REQUIRE(Money::parse("-0.00"));
    CHECK(Money::parse("-0.00")->is_zero());
    CHECK(Money::parse("-0.00")->to_string() == "0.00");
    CHECK_FALSE(Money::parse("-0.00")->is_negative());

    auto r = test::checked_load(hostile("minus_zero.json"));
    REQUIRE(r.model);
    INFO(listing(r.diagnostics));
    CHECK(find(r.diagnostics, "E007", "/relations/0/limit").message.find("no sign") != std::string::npos);
    CHECK(find(r.diagnostics, "E007", "/flows/0/amount").message.find("no sign") != std::string::npos);
    CHECK(r.model->flows.empty());
    REQUIRE(r.model->relations.size() == 1);
    CHECK_FALSE(r.model->relations[0].limit);  // loads with no limit of its own (diagnostics.md E007)
}

TEST_CASE("hostile: amounts at the bound load, past it E007, too many digits E015, a year past it E017") {
    // The largest amount is 2^127 - 1 pence (money.hpp), one penny more is out of range.
    REQUIRE(Money::parse(kMaxAmount));
    CHECK(Money::parse(kMaxAmount)->to_string() == kMaxAmount);
    CHECK_FALSE(Money::parse(kPastMax));
    CHECK(Money::parse("-" + kMaxAmount));
    CHECK_FALSE(Money::parse("-" + kPastMax));
    CHECK_THROWS_AS(*Money::parse(kMaxAmount) + Money::from_pence(1), Overflow);

    // money_bound.json: flow "at" (the largest amount, 2023/24) loads; "past" (one penny more)
    // is E007; "again" (0.01 in 2023/24) would take the year's total past the bound: E017;
    // "next-year" (the largest amount in 2024/25) loads; "digits" (42 digits) is E015.
    auto r = test::checked_load(hostile("money_bound.json"));
    REQUIRE(r.model);
    INFO(listing(r.diagnostics));
    CHECK(r.diagnostics.size() == 3);
    CHECK(find(r.diagnostics, "E007", "/flows/1/amount").message.find("larger than") != std::string::npos);
    const Diagnostic& year = find(r.diagnostics, "E017", "/flows/2/amount");
    CHECK(year.ids == std::vector<std::string>{"again"});
    CHECK(year.message.find("2023/24") != std::string::npos);
    const Diagnostic& digits = find(r.diagnostics, "E015", "/flows/4/amount");
    CHECK(digits.message.find("42 digits") != std::string::npos);
    REQUIRE(r.model->flows.size() == 2);

    // Every sum of a year stays exact, so validation, balances and the report never overflow.
    const Diagnostics all = validate(*r.model);
    CHECK(all.size() == 3);
    const Balances b = balances(*r.model, FinancialYear{2023});
    REQUIRE(b.nodes.size() == 2);
    CHECK(b.nodes[0].id == "icb");
    CHECK(b.nodes[0].inflow.to_string() == kMaxAmount);
    CHECK(b.nodes[1].net.to_string() == "-" + kMaxAmount);
    CHECK(trace(*r.model, "icb", FinancialYear{2023}).sources.at(0).amount.to_string() == kMaxAmount);
    CHECK_FALSE(report(*r.model, all).empty());
}

TEST_CASE("fuzz finding: an amount with more than 39 digits, leading zeros, is in range and parses") {
    // pbp_fuzz_money, input tests/data/hostile/fuzz/money-leading-zeros (it decodes to 45 zeros):
    // Money::parse refused every amount with more than 39 digits before the point, so "000...0"
    // was refused although it is zero, disagreeing with parse_decimal (money.hpp: nullopt only
    // for other text or amounts too large). Replay: build-fuzz/fuzz/pbp_fuzz_money FILE.
    std::ifstream artifact(std::string(PBP_TEST_DATA) + "/hostile/fuzz/money-leading-zeros", std::ios::binary);
    CHECK(artifact.good());
    const std::string zeros(45, '0');
    REQUIRE(Money::parse(zeros));
    CHECK(Money::parse(zeros)->is_zero());
    CHECK(Money::parse(std::string(60, '0') + "12.34")->to_string() == "12.34");
    CHECK(Money::parse("-" + std::string(60, '0') + kMaxAmount)->to_string() == "-" + kMaxAmount);
    CHECK_FALSE(Money::parse(std::string(60, '0') + kPastMax));
    CHECK_FALSE(Money::parse("1" + std::string(39, '0')));  // 40 significant digits: out of range
}

// ---- dates and years ---------------------------------------------------------------------------

TEST_CASE("hostile: impossible dates are E006, and 0000-01-01 is a day") {
    auto r = test::checked_load(hostile("dates.json"));
    REQUIRE(r.model);
    INFO(listing(r.diagnostics));
    CHECK(r.diagnostics.size() == 2);
    find(r.diagnostics, "E006", "/areas/0/valid_from");  // 2023-02-29: 2023 is not a leap year
    find(r.diagnostics, "E006", "/areas/1/valid_to");    // 2023-13-01: no month 13
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2023-13-01"));
    CHECK_FALSE(parse_date("2023-00-10"));
    CHECK_FALSE(parse_date("2023-04-31"));
    REQUIRE(parse_date("0000-01-01"));
    CHECK(to_string(*parse_date("0000-01-01")) == "0000-01-01");
    CHECK(to_string(*parse_date("9999-12-31")) == "9999-12-31");
    CHECK(parse_date("2024-02-29"));  // 2024 is

    // 'ancient' exists from 0000-01-01 up to (not on) 9999-12-31; 'leap-ok' from 2024-02-29;
    // the two with bad dates have none, so exist always.
    const Diff d = diff(*r.model, *parse_date("0000-01-01"), *parse_date("9999-12-31"));
    CHECK(d.entities_appeared == std::vector<std::string>{"leap-ok"});
    CHECK(d.entities_disappeared == std::vector<std::string>{"ancient"});
    every_query_returns(*r.model, {std::nullopt, parse_date("0000-01-01"), parse_date("9999-12-31")});
}

TEST_CASE("hostile: financial year 2023/25 is refused and 1999/00 is 1999 to 2000") {
    CHECK_FALSE(parse_financial_year("2023/25"));
    REQUIRE(parse_financial_year("1999/00"));
    CHECK(parse_financial_year("1999/00")->start == 1999);
    CHECK(to_string(*parse_financial_year("1999/00")) == "1999/00");
    CHECK_FALSE(parse_financial_year("1999/99"));
    CHECK_FALSE(parse_financial_year("2000/00"));
    REQUIRE(parse_financial_year("9999/00"));

    auto r = test::checked_load(hostile("years.json"));
    REQUIRE(r.model);
    INFO(listing(r.diagnostics));
    CHECK(r.diagnostics.size() == 2);
    find(r.diagnostics, "E006", "/funds/0/year");
    find(r.diagnostics, "E006", "/flows/1/year");
    REQUIRE(r.model->find("y2k"));
    CHECK(r.model->at(*r.model->find("y2k")).year->start == 1999);
    REQUIRE(r.model->flows.size() == 1);
    const Balances b = balances(*r.model, *parse_financial_year("1999/00"));
    REQUIRE(b.nodes.size() == 2);
    CHECK(b.nodes[0].id == "icb");
    CHECK(b.nodes[0].inflow.to_string() == "10.00");
}

// ---- circles and self-references ----------------------------------------------------------------

TEST_CASE("hostile: areas within each other in a circle are E207 and no query hangs") {
    // area_cycle.json: a within b within c within a; d within itself; leaf l1 under a, l2 under d.
    auto r = test::checked_load(hostile("area_cycle.json"));
    REQUIRE(r.model);
    CHECK(r.diagnostics.empty());  // a circle is found by validation, not while reading
    const Diagnostics all = validate(*r.model);
    INFO(listing(all));
    REQUIRE(count(all, "E207") == 2);
    const Diagnostic& circle = find(all, "E207", "/areas/0/within");
    CHECK(circle.ids == std::vector<std::string>{"a", "b", "c"});
    CHECK(circle.line == 5);
    const Diagnostic& self = find(all, "E207", "/areas/3/within");
    CHECK(self.ids == std::vector<std::string>{"d"});
    CHECK(self.message.find("within itself") != std::string::npos);

    // The footprints stay finite: l1 is the only leaf of a, b and c; l2 of d.
    const Footprints fp(*r.model, std::nullopt);
    for (const char* id : {"a", "b", "c"}) CHECK(fp.population(*r.model->find(id)) == 100);
    CHECK(fp.population(*r.model->find("d")) == 50);
    const FairShares f = fair_shares(fp, *Money::parse("900.00"), AreaSelection::of_kind("place"));
    REQUIRE(f.shares.size() == 2);
    CHECK(f.shares[0].amount.to_string() == "600.00");  // a: 100 of 150 people
    CHECK(f.shares[1].amount.to_string() == "300.00");  // d: 50
    CHECK(decides(*r.model, "fn", "a").decision_maker == "a.committee");
    every_query_returns(*r.model, {std::nullopt});
}

TEST_CASE("hostile: delegations in a circle end, and no query hangs") {
    // delegation_cycle.json: board -> sc -> officer -> board, all with may_subdelegate. Every
    // body and post of the ICB has received the function, so none originates it (delegation.hpp:
    // an originator has not itself received F): the ICB decides.
    auto r = test::checked_load(hostile("delegation_cycle.json"));
    REQUIRE(r.model);
    const Decision d = decides(*r.model, "fn", "p");
    CHECK(d.delegation_chain == std::vector<std::string>{"icb"});
    CHECK(authority(*r.model, "fn", "p", *Money::parse("1000.00")).approver == "icb");
    // board hands on 100.00 having received only 10.00 (from officer): E105.
    const Diagnostics all = validate(*r.model);
    INFO(listing(all));
    find(all, "E105", "/relations/0/limit");
    every_query_returns(*r.model, {std::nullopt, parse_date("2023-01-01")});
}

TEST_CASE("hostile: every reference field naming its own entity, and no query hangs") {
    auto r = test::checked_load(hostile("self_reference.json"));
    REQUIRE(r.model);
    const Diagnostics all = validate(*r.model);
    INFO(listing(all));
    // Fields that may not name an entity of their own section: E005, the link dropped.
    for (const char* path : {"/organisations/0/serves/0", "/bodies/0/place", "/bodies/0/members/0/member",
                             "/bodies/0/quorum/must_include/0", "/posts/0/in", "/posts/0/employer",
                             "/functions/0/holder", "/funds/0/holder", "/funds/0/host", "/relations/5/to",
                             "/relations/6/to"})
        find(all, "E005", path);
    // Links that may: an area within itself (E207), a body of itself and an organisation
    // accountable to itself (E101), an organisation and a fund paying themselves (E301).
    find(all, "E207", "/areas/0/within");
    find(all, "E101", "/bodies/0");
    find(all, "E101", "/organisations/0");
    find(all, "E301", "/flows/0");
    find(all, "E301", "/flows/1");
    every_query_returns(*r.model, {std::nullopt, parse_date("2023-06-01")});
}

TEST_CASE("hostile: ids are compared byte-wise, and are ASCII so normalisation cannot join two") {
    auto r = test::checked_load(hostile("ids_case_unicode.json"));
    REQUIRE(r.model);
    INFO(listing(r.diagnostics));
    // "ICB" and "icb" are two organisations (no E003); "Icb" is neither (E004).
    CHECK(count(r.diagnostics, "E003") == 0);
    REQUIRE(r.model->find("ICB"));
    REQUIRE(r.model->find("icb"));
    CHECK(*r.model->find("ICB") != *r.model->find("icb"));
    CHECK_FALSE(r.model->find("Icb"));
    // (The relation has no id of its own, so only the id it names is listed: diagnostics.md.)
    CHECK(find(r.diagnostics, "E004", "/relations/0/to").ids == std::vector<std::string>{"Icb"});
    // "caf\u00e9" and "cafe\u0301" are not ids at all (E006), composed or not.
    find(r.diagnostics, "E006", "/areas/2/id");
    find(r.diagnostics, "E006", "/areas/3/id");
    CHECK(r.diagnostics.size() == 3);
    // Names are text, kept as written: the two spellings of "Café" stay different.
    CHECK(r.model->at(*r.model->find("cafe")).name == "Caf\xC3\xA9");
    CHECK(r.model->at(*r.model->find("cafe2")).name == "Cafe\xCC\x81");
}

// ---- limits (docs/limits.md): generated here, never committed ---------------------------------

TEST_CASE("limits: 100 MB of junk ends in E001 at once") {
    {
        std::string junk(100'000'000, '\0');
        std::mt19937 random(11);
        for (char& c : junk) c = static_cast<char>(random() & 0xFF);
        const Diagnostic d = refusal(test::checked_load(junk), "E001");
        CHECK(d.line.has_value());
    }
    // And 100 MB of text pasted into one string: E013 at the string.
    std::string pasted = R"({"format": "pbp/1", "name": ")" + std::string(100'000'000, 'x') + "\"}";
    const Diagnostic e = refusal(test::checked_load(pasted), "E013");
    CHECK(e.path == "/name");
    CHECK(e.line == 1);
    CHECK(e.column == 29);
    CHECK(e.message.find("100,000,000 bytes") != std::string::npos);
}

TEST_CASE("limits: E010 for more than 128 MiB, read no further than the limit") {
    CHECK(limits::file_bytes == 134'217'728);
    // In memory.
    const Diagnostic d = refusal(load_model(std::string(limits::file_bytes + 1, ' ')), "E010");
    CHECK(d.message.find("134,217,729 bytes") != std::string::npos);
    CHECK(d.message.find("134,217,728") != std::string::npos);
    // Far past the limit: refused (before any copy) with the whole size.
    CHECK(refusal(load_model(std::string(limits::file_bytes + 4, ' ')), "E010").message.find("134,217,732 bytes") !=
          std::string::npos);
    // A byte order mark is not counted: the limit's worth of text after one is read (and here,
    // being only spaces, is not JSON).
    const LoadResult at_limit = load_model("\xEF\xBB\xBF" + std::string(limits::file_bytes, ' '));
    REQUIRE(at_limit.diagnostics.size() == 1);
    CHECK(at_limit.diagnostics[0].code == "E001");
    // A file (sparse: no disk is used) one byte past the limit.
    const auto path = std::filesystem::temp_directory_path() / "pbp_hostile_too_large.json";
    { std::ofstream(path, std::ios::binary) << ' '; }
    std::filesystem::resize_file(path, limits::file_bytes + 1);
    const LoadResult big = load_model_file(path);
    std::filesystem::remove(path);
    CHECK(refusal(big, "E010").message.find("134,217,729 bytes") != std::string::npos);
    // An endless device: refused after reading just past the limit.
    if (std::filesystem::exists("/dev/zero"))
        CHECK(refusal(load_model_file("/dev/zero"), "E010").message.find("more than 134,217,728") != std::string::npos);
}

TEST_CASE("limits: a stream is read no further than the limit") {
    // An endless stream of spaces, as `pbp validate - < /dev/zero` would give.
    struct Endless : std::streambuf {
        char block[4096];
        std::size_t served = 0;
        int_type underflow() override {
            std::fill(std::begin(block), std::end(block), ' ');
            setg(block, block, block + sizeof block);
            served += sizeof block;
            return traits_type::to_int_type(block[0]);
        }
    } endless;
    std::istream in(&endless);
    const Diagnostic d = refusal(load_model(in), "E010");
    CHECK(d.message.find("The input is more than 134,217,728 bytes") != std::string::npos);
    CHECK(endless.served <= limits::file_bytes + 2 * sizeof endless.block);
    std::istringstream small(R"({"format": "pbp/1", "name": "from a stream"})");
    auto ok = load_model(small);
    REQUIRE(ok.model);
    CHECK(ok.model->name == "from a stream");
}

TEST_CASE("limits: a 10,000-level nested array is E011") {
    const std::string head = R"({"format": "pbp/1", "name": "deep", "attrs": )";
    const Diagnostic& d =
        refusal(test::checked_load(head + std::string(10'000, '[') + std::string(10'000, ']') + "}"), "E011");
    CHECK(d.line == 1);
    // The top-level object is level 1, so the 64th '[' (column 45 + 64) would be level 65.
    CHECK(d.column == static_cast<int>(head.size()) + 64);
    CHECK(d.message.find("64 levels") != std::string::npos);
    refusal(test::checked_load(std::string(10'000, '[')), "E011");
    // 63 arrays inside the top-level object: 64 levels, accepted (with only W009 for the
    // top-level "attrs", which pbp does not use).
    auto ok = test::checked_load(head + std::string(63, '[') + std::string(63, ']') + "}");
    CHECK(ok.model);
    REQUIRE(ok.diagnostics.size() == 1);
    CHECK(ok.diagnostics[0].code == "W009");
}

TEST_CASE("limits: E012 for too many entities or relations") {
    std::string text = R"({"format": "pbp/1", "name": "many", "areas": [)";
    for (std::size_t i = 0; i <= limits::entities; ++i) text += "{},";
    text += "]}";
    const Diagnostic d = refusal(test::checked_load(text), "E012");
    CHECK(d.path == "/areas");
    CHECK(d.message.find("2,000,001") != std::string::npos);
    std::string rel = R"({"format": "pbp/1", "name": "many", "relations": [)";
    for (std::size_t i = 0; i <= limits::relations; ++i) rel += "0,";
    rel += "]}";
    const Diagnostic e = refusal(test::checked_load(rel), "E012");
    CHECK(e.path == "/relations");
    CHECK(e.message.find("2,000,001 relations") != std::string::npos);
}

TEST_CASE("limits: E013 for a string or key past 1 MiB") {
    const std::string at(limits::string_bytes, 'x'), past(limits::string_bytes + 1, 'x');
    CHECK(test::checked_load(R"({"format": "pbp/1", "name": ")" + at + "\"}").model);
    const Diagnostic d = refusal(test::checked_load(R"({"format": "pbp/1", "name": ")" + past + "\"}"), "E013");
    CHECK(d.path == "/name");
    CHECK(d.message.find("1,048,577 bytes") != std::string::npos);
    const Diagnostic k =
        refusal(test::checked_load(R"({"format": "pbp/1", "name": "n", "attrs": {")" + past + R"(": 1}})"), "E013");
    CHECK(k.message.find("a key of 1,048,577 bytes") != std::string::npos);
    CHECK(k.line == 1);
}

TEST_CASE("limits: E014 for a number beyond floating point, which could not be saved") {
    const Diagnostic d = refusal(test::checked_load(R"({"format": "pbp/1", "name": "n", "attrs": {"x": [1, 1e400]}})"), "E014");
    CHECK(d.path == "/attrs/x/1");
    CHECK(d.column == 53);
    auto ok = test::checked_load(R"({"format": "pbp/1", "name": "n", "attrs": {"x": 1e308}})");
    REQUIRE(ok.model);
    CHECK(test::checked_load(save_model(*ok.model)).model);
}

TEST_CASE("limits: a population of 10^30 is E016 and the area loads without one") {
    auto r = test::checked_load(R"({"format": "pbp/1", "name": "people", "areas": [
      {"id": "digits", "kind": "lsoa", "population": 1000000000000000000000000000000},
      {"id": "exponent", "kind": "lsoa", "population": 1e30},
      {"id": "past", "kind": "lsoa", "population": 10000000001},
      {"id": "at", "kind": "lsoa", "population": 10000000000},
      {"id": "negative", "kind": "lsoa", "population": -1}
    ]})");
    REQUIRE(r.model);
    INFO(listing(r.diagnostics));
    CHECK(r.diagnostics.size() == 4);
    for (const char* path : {"/areas/0/population", "/areas/1/population", "/areas/2/population"}) {
        const Diagnostic& d = find(r.diagnostics, "E016", path);
        CHECK(d.message.find("10,000,000,000") != std::string::npos);
    }
    find(r.diagnostics, "E006", "/areas/4/population");  // not a number of people at all
    CHECK_FALSE(r.model->at(0).population);
    CHECK(r.model->at(3).population == limits::population);
    const FairShares f = fair_shares(*r.model, *Money::parse("10.00"), AreaSelection::of_kind("lsoa"));
    CHECK(f.shares.at(0).area == "at");
    CHECK(f.shares.at(0).amount.to_string() == "10.00");
}

// has_cycle() reads the graph directly; the circles it must see are those Boost's strong
// components find in the filtered view the rules report from. Random links among a handful of
// areas and organisations, dated and undated, many of them circular: both must agree on each.
TEST_CASE("hostile: has_cycle agrees with strong components on random links") {
    std::mt19937 rng(20261206);
    const auto within = [](EdgeKind k) noexcept { return k == EdgeKind::within; };
    const auto structural = [](EdgeKind k) noexcept {
        return k == EdgeKind::accountable_to || k == EdgeKind::of || k == EdgeKind::in;
    };
    // A circle in the view: a component of two or more vertices, or a vertex linked to itself.
    const auto circular = [](const Model& m, bool (*kinds)(EdgeKind) noexcept) {
        const GraphView g = view(m, std::nullopt, kinds);
        std::vector<int> component(m.entities.size());
        const int n = boost::strong_components(g, boost::make_iterator_property_map(component.begin(),
                                                                                    boost::get(boost::vertex_index, g)));
        if (static_cast<std::size_t>(n) < m.entities.size()) return true;
        for (Index v = 0; v < m.entities.size(); ++v)
            for (auto [b, e] = boost::out_edges(v, g); b != e; ++b)
                if (boost::target(*b, g) == v) return true;
        return false;
    };
    int circles[2] = {0, 0}, straight[2] = {0, 0};
    for (int round = 0; round < 300; ++round) {
        const int areas = 1 + static_cast<int>(rng() % 7), orgs = 1 + static_cast<int>(rng() % 7);
        std::string text = R"({"format": "pbp/1", "name": "random", "areas": [)";
        for (int a = 0; a < areas; ++a) {
            text += (a ? "," : "") + std::string(R"({"id": "a)") + std::to_string(a) + R"(", "kind": "place")";
            if (rng() % 3 != 0) text += R"(, "within": ["a)" + std::to_string(rng() % areas) + "\"]";
            text += "}";
        }
        text += R"(], "organisations": [)";
        for (int o = 0; o < orgs; ++o)
            text += (o ? "," : "") + std::string(R"({"id": "o)") + std::to_string(o) + R"(", "kind": "icb"})";
        text += R"(], "relations": [)";
        const int links = static_cast<int>(rng() % 8);
        for (int k = 0; k < links; ++k) {
            text += (k ? "," : "") + std::string(R"({"kind": ")") + (rng() % 2 ? "accountable_to" : "informs") +
                    R"(", "from": "o)" + std::to_string(rng() % orgs) + R"(", "to": "o)" + std::to_string(rng() % orgs) + "\"";
            if (rng() % 3 == 0) text += R"(, "valid_from": "2023-04-01")";
            text += "}";
        }
        text += "]}";
        auto r = test::checked_load(text);
        REQUIRE(r.model);
        for (int which = 0; which < 2; ++which) {
            bool (*kinds)(EdgeKind) noexcept = which == 0 ? +within : +structural;
            INFO(text);
            const bool expected = circular(*r.model, kinds);
            CHECK(detail::has_cycle(*r.model, kinds) == expected);
            ++(expected ? circles : straight)[which];
        }
    }
    // Both answers came up often enough for the comparison to mean something.
    for (int which = 0; which < 2; ++which) {
        CHECK(circles[which] > 30);
        CHECK(straight[which] > 30);
    }
}

// The readable report (report.hpp): who each body and post answers to, checked against the full
// accountability answer (a second method: the report prints the chain alone).
#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/delegation.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"

#include "bundled_support.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace pbp;

namespace {
// The lines of the section headed `title` (the title underlined with '='), up to the next one.
std::vector<std::string> section(const std::string& report, const std::string& title) {
    std::istringstream in(report);
    std::vector<std::string> lines, out;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    bool inside = false;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const bool heading = k + 1 < lines.size() && !lines[k].empty() &&
                             lines[k + 1] == std::string(lines[k].size(), '=');
        if (heading) inside = lines[k] == title;
        else if (inside && lines[k] != std::string(lines[k].size(), '=')) out.push_back(lines[k]);
    }
    return out;
}

// What follows "    answers to: " in each line that has it.
std::vector<std::string> answers(const std::vector<std::string>& lines) {
    const std::string key = "    answers to: ";
    std::vector<std::string> out;
    for (const auto& line : lines)
        if (line.rfind(key, 0) == 0) out.push_back(line.substr(key.size()));
    return out;
}

// The same from accountability(): the chain after the node itself, or for a body whose chain
// stops at itself, whether it has an apex (itself) or none (it is in a circle).
std::string expected(const Model& m, Index i, std::optional<Date> as_of) {
    const Accountability a = accountability(m, i, as_of);
    std::string out;
    for (std::size_t k = 1; k < a.chain.size(); ++k) out += (k > 1 ? " -> " : "") + a.chain[k];
    if (a.chain.size() == 1 && m.at(i).section == Section::body)
        out = a.apexes.empty() ? "(no one: a circle)" : "(no one: an apex)";
    return out;
}

void check_answers(const Model& m, std::optional<Date> as_of) {
    const std::string text = report(m, {}, as_of);
    std::vector<std::string> bodies, posts;
    for (Index i = 0; i < m.entities.size(); ++i) {
        if (!m.exists(i, as_of)) continue;
        if (m.at(i).section == Section::body) bodies.push_back(expected(m, i, as_of));
        if (m.at(i).section == Section::post) posts.push_back(expected(m, i, as_of));
    }
    CHECK(answers(section(text, "Bodies and who they answer to")) == bodies);
    CHECK(answers(section(text, "Posts")) == posts);
}
// The bodies at each place and the organisations serving it, as the "Places" section lists
// them, worked out the plain way: for each place, every entity looked at.
std::vector<std::string> place_lines(const Model& m, std::optional<Date> as_of) {
    const auto names = [&](const std::vector<Index>& v) {
        std::string out;
        for (Index i : v) out += (out.empty() ? "" : ", ") + label(m, i);
        return out;
    };
    std::vector<std::string> out;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.at(i);
        if (e.section != Section::area || (e.kind != "place" && e.kind != "neighbourhood") || !m.exists(i, as_of)) continue;
        std::vector<Index> bodies, orgs;
        for (Index j = 0; j < m.entities.size(); ++j) {
            const Entity& x = m.at(j);
            if (!m.exists(j, as_of)) continue;
            if (x.section == Section::body && x.place == i) bodies.push_back(j);
            if (x.section == Section::organisation && std::find(x.serves.begin(), x.serves.end(), i) != x.serves.end())
                orgs.push_back(j);
        }
        if (!bodies.empty()) out.push_back("    bodies: " + names(bodies));
        if (!orgs.empty()) out.push_back("    organisations serving it: " + names(orgs));
    }
    return out;
}

std::vector<std::string> starting_with(const std::vector<std::string>& lines, std::initializer_list<std::string_view> keys) {
    std::vector<std::string> out;
    for (const auto& line : lines)
        for (std::string_view key : keys)
            if (line.rfind(key, 0) == 0) out.push_back(line);
    return out;
}
// The days a report test looks at in a bundled model: every day of the regional models; the
// national one, whose report takes longest, undated only.
std::vector<std::optional<Date>> report_days(const Model& m) {
    if (m.entities.size() < 20000) return test::days_of(m);
    return {std::nullopt};
}

}  // namespace

TEST_CASE("pbp report: the bodies at each place and the organisations serving it, on every bundled model, as a plain search finds them") {
    std::size_t lines = 0;
    for (std::string_view name : bundled_model_names()) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        for (const auto& day : report_days(*m)) {
            CAPTURE(day ? to_string(*day) : std::string("no day"));
            const std::vector<std::string> want = place_lines(*m, day);
            CHECK(starting_with(section(report(*m, {}, day), "Places"), {"    bodies: ", "    organisations serving it: "}) == want);
            lines += want.size();
        }
    }
    CHECK(lines > 0);
}

TEST_CASE("pbp report: a holder deciding itself answers to its own accountability chain, on every bundled model and day") {
    const std::string itself = " itself, answering to ";
    std::size_t checked = 0;
    for (std::string_view name : bundled_model_names()) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        for (const auto& day : report_days(*m)) {
            for (const std::string& line : section(report(*m, {}, day), "Who decides what where")) {
                const std::size_t at = line.find(itself);
                if (at == std::string::npos) continue;
                const std::size_t from = line.rfind(": ", at) + 2;
                const std::string holder = line.substr(from, at - from);
                CAPTURE(line);
                REQUIRE(m->find(holder));
                const Accountability a = accountability(*m, holder, day);
                std::string want;
                for (std::size_t k = 1; k < a.chain.size(); ++k) want += (k > 1 ? " -> " : "") + a.chain[k];
                CHECK(line.substr(at + itself.size()) == (want.empty() ? "(no one)" : want));
                ++checked;
            }
        }
    }
    CHECK(checked > 0);
}

TEST_CASE("pbp report: an organisation naming a place twice in serves is listed once there") {
    auto r = load_model(R"({"format": "pbp/1", "name": "twice",
        "areas": [{"id": "sys", "kind": "ics"}, {"id": "p1", "kind": "place", "within": ["sys"]},
                  {"id": "p2", "kind": "place", "within": ["sys"]}],
        "organisations": [{"id": "trust", "kind": "nhs_trust", "serves": ["p1", "p2", "p1"]},
                          {"id": "council", "kind": "unitary_authority", "serves": ["p1"]}]})");
    REQUIRE(r.model);
    const auto lines = starting_with(section(report(*r.model, {}, std::nullopt), "Places"), {"    organisations serving it: "});
    CHECK(lines == std::vector<std::string>{"    organisations serving it: trust, council", "    organisations serving it: trust"});
    CHECK(lines == place_lines(*r.model, std::nullopt));
}

TEST_CASE("pbp report: who each body and post answers to is its accountability chain, on every bundled model and day") {
    std::size_t models = 0;
    for (std::string_view name : bundled_model_names()) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        for (const auto& day : test::days_of(*m)) check_answers(*m, day);
        ++models;
    }
    CHECK(models >= 4);
}

TEST_CASE("pbp report: a body in a circle answers to no one and says so, and a body above no one is an apex") {
    auto r = load_model(R"({"format": "pbp/1", "name": "circle",
        "organisations": [{"id": "nhse", "kind": "nhs_england"}],
        "bodies": [{"id": "a", "kind": "committee", "of": ["b"]}, {"id": "b", "kind": "committee", "of": ["a"]},
                   {"id": "c", "kind": "committee", "of": ["nhse"]}, {"id": "pbp", "kind": "partnership"},
                   {"id": "d", "kind": "sub_committee", "of": ["a"]}],
        "posts": [{"id": "chair", "title": "Chair", "in": "a"}, {"id": "lead", "title": "Lead", "in": "c"}]})");
    REQUIRE(r.model);
    const std::string text = report(*r.model, {});
    // By hand: a and b are each other's, and d, under them, reaches no one above either; c
    // answers to NHS England; the partnership belongs to no one.
    CHECK(answers(section(text, "Bodies and who they answer to")) ==
          std::vector<std::string>{"(no one: a circle)", "(no one: a circle)", "nhse", "(no one: an apex)",
                                   "(no one: a circle)"});
    CHECK(answers(section(text, "Posts")) == std::vector<std::string>{"", "c -> nhse"});
    check_answers(*r.model, std::nullopt);
}

TEST_CASE("pbp report: a holder's function is listed at the places of the area it serves, and elsewhere only where delegated") {
    // Two systems: two places in the north, three in the south (s3 from 2025-04-01). The ICB of
    // the north serves its ICS; its function is delegated at n1 and, oddly, at s1 in the south.
    // NHS England serves no area: every place is its own.
    auto r = load_model(R"({"format": "pbp/1", "name": "two systems",
        "areas": [{"id": "north", "kind": "ics"}, {"id": "south", "kind": "ics"},
                  {"id": "n1", "kind": "place", "within": ["north"]}, {"id": "n2", "kind": "place", "within": ["north"]},
                  {"id": "s1", "kind": "place", "within": ["south"]}, {"id": "s2", "kind": "place", "within": ["south"]},
                  {"id": "s3", "kind": "place", "within": ["south"], "valid_from": "2025-04-01"}],
        "organisations": [{"id": "nhse", "kind": "nhs_england"},
                          {"id": "icb", "kind": "icb", "serves": ["north"]}],
        "bodies": [{"id": "icb.sc.n1", "kind": "committee", "of": ["icb"], "place": "n1"},
                   {"id": "icb.sc.s1", "kind": "committee", "of": ["icb"], "place": "s1"}],
        "functions": [{"id": "fn.icb", "holder": "icb"}, {"id": "fn.nhse", "holder": "nhse"}],
        "relations": [{"kind": "accountable_to", "from": "icb", "to": "nhse"},
                      {"kind": "delegates", "from": "icb", "to": "icb.sc.n1", "functions": ["fn.icb"]},
                      {"kind": "delegates", "from": "icb", "to": "icb.sc.s1", "functions": ["fn.icb"]}]})");
    REQUIRE(r.model);
    auto lines = [&](std::optional<Date> day) {
        std::vector<std::string> out;
        for (const std::string& line : section(report(*r.model, {}, day), "Who decides what where"))
            if (line.rfind("    ", 0) == 0 && line.rfind("      ", 0) != 0) out.push_back(line);
        return out;
    };
    CHECK(lines(test::day("2025-01-01")) ==
          std::vector<std::string>{"    n1: icb.sc.n1, no financial limit", "    s1: icb.sc.s1, no financial limit",
                                   "    at n2: icb itself, answering to nhse",
                                   "    not listed: 1 place outside the areas icb serves, where nothing is delegated",
                                   "    at every place: nhse itself, answering to (no one)"});
    // With no day s3 counts too: two places of the south are not listed.
    CHECK(lines(std::nullopt).at(3) == "    not listed: 2 places outside the areas icb serves, where nothing is delegated");
}

TEST_CASE("pbp report: on the three systems of the conformance model, the places counted and listed for each function, worked out apart") {
    auto r = load_model_file(std::string(PBP_TEST_DATA) + "/../conformance/model.json");
    REQUIRE(r.model);
    const Model& m = *r.model;
    const Footprints fp(m, std::nullopt);
    std::vector<Index> functions, places;
    for (Index i = 0; i < m.entities.size(); ++i) {
        if (m.at(i).section == Section::function) functions.push_back(i);
        if (m.at(i).section == Section::area && m.at(i).kind == "place") places.push_back(i);
    }
    std::sort(places.begin(), places.end(), [&](Index a, Index b) { return m.id(a) < m.id(b); });
    // The report's lines for each function, in order: each block starts with "- ".
    std::vector<std::vector<std::string>> blocks;
    for (const std::string& line : section(report(m, {}, std::nullopt), "Who decides what where")) {
        if (line.rfind("- ", 0) == 0) blocks.emplace_back();
        else if (line.empty() || line.rfind("Problems with", 0) == 0) break;
        else if (!blocks.empty()) blocks.back().push_back(line);
    }
    REQUIRE(blocks.size() == functions.size());
    std::size_t counted = 0;
    for (std::size_t k = 0; k < functions.size(); ++k) {
        const Index holder = m.at(functions[k]).holder;
        CAPTURE(m.id(functions[k]));
        std::set<Index> served;
        for (Index a : m.at(holder).serves)
            for (Index leaf : fp.leaves(a)) served.insert(leaf);
        REQUIRE(!served.empty());
        std::string at;
        std::size_t outside = 0;
        for (Index p : places) {
            if (decides(m, functions[k], p).delegation_chain.size() > 1) continue;  // delegated: listed apart
            const auto leaves = fp.leaves(p);
            const bool shares = std::any_of(leaves.begin(), leaves.end(), [&](Index l) { return served.count(l) > 0; });
            if (shares) at += (at.empty() ? "    at " : ", ") + label(m, p);
            else ++outside;
        }
        std::vector<std::string> kept;
        for (const std::string& line : blocks[k])
            if (line.rfind("    at ", 0) == 0 || line.rfind("    not listed: ", 0) == 0) kept.push_back(line);
        std::vector<std::string> want;
        if (!at.empty()) want.push_back(at + ": " + m.id(holder) + " itself, answering to nhse -> dhsc -> parliament");
        if (outside)
            want.push_back("    not listed: " + std::to_string(outside) + " places outside the areas " + m.id(holder) +
                           " serves, where nothing is delegated");
        CHECK(kept == want);
        counted += outside;
    }
    CHECK(counted > 0);
}

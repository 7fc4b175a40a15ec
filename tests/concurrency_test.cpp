// One loaded model, eight threads (model.hpp: "A Model is built once by load_model() and never
// changes afterwards, so any number of threads may query it at once"). Each thread asks every
// kind of question many times, starting at a different one so that different queries overlap,
// and must get exactly the answers one thread got alone. tests/capi/run-tsan.sh runs this under
// ThreadSanitizer, which reports any data race even when the answers happen to agree; the C API
// has its own such test (tests/capi/threads_test.cpp).
#include "bundled_support.hpp"

#include "pbp/accountability.hpp"
#include "pbp/delegation.hpp"
#include "pbp/designation.hpp"
#include "pbp/diff.hpp"
#include "pbp/export.hpp"
#include "pbp/fair_shares.hpp"
#include "pbp/flows.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/maturity.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"
#include "pbp/detail/rules.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace pbp;

namespace {
using Question = std::function<std::string(const Model&)>;

std::string text(const boost::json::object& o) { return boost::json::serialize(o); }

// Every query family of SPEC section 2 on the Nottinghamshire model, plus validation, the
// report and the exports (which walk the whole model).
std::vector<Question> questions(const Model& m) {
    std::vector<Question> qs;
    const auto day = parse_date("2023-06-01");
    std::vector<Index> functions, places, posts;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        if (e.section == Section::function) functions.push_back(i);
        if (e.section == Section::area && e.kind == "place") places.push_back(i);
        if (e.section == Section::post) posts.push_back(i);
    }
    REQUIRE_FALSE(functions.empty());
    REQUIRE_FALSE(places.empty());
    REQUIRE_FALSE(posts.empty());
    for (Index p : posts) qs.push_back([p, day](const Model& mm) { return text(to_json(accountability(mm, p, day))); });
    for (Index f : functions)
        for (Index p : places) {
            qs.push_back([f, p](const Model& mm) { return text(to_json(decides(mm, f, p))); });
            qs.push_back([f, p, day](const Model& mm) {
                return text(to_json(authority(mm, f, p, *Money::parse("250000.00"), day)));
            });
        }
    for (FinancialYear y : flow_years(m)) {
        qs.push_back([y](const Model& mm) { return text(to_json(balances(mm, y))); });
        qs.push_back([y](const Model& mm) {
            std::string out;
            const FlowGraph g(mm, y);
            for (Index n : g.nodes()) out += text(to_json(trace(g, n)));
            return out;
        });
    }
    qs.push_back([day](const Model& mm) {
        return text(to_json(coterminosity(mm, AreaSelection::of_kind("place"), AreaSelection::of_kind("local_authority"), day)));
    });
    qs.push_back([](const Model& mm) {
        return text(to_json(fair_shares(mm, *Money::parse("1000000.00"), AreaSelection::of_kind("place"))));
    });
    qs.push_back([day](const Model& mm) { return text(to_json(designation(mm, day))); });
    qs.push_back([](const Model& mm) {
        return text(to_json(diff(mm, *parse_date("2022-04-01"), *parse_date("2023-06-01"))));
    });
    qs.push_back([](const Model& mm) { return text(to_json(maturity(mm, std::nullopt, std::nullopt))); });
    qs.push_back([](const Model& mm) { return text(to_json(validate(mm))); });
    qs.push_back([](const Model& mm) { return report(mm, validate(mm)); });
    qs.push_back([day](const Model& mm) { return to_dot(mm, day) + to_graphml(mm, day); });
    return qs;
}
}  // namespace

TEST_CASE("concurrency: eight threads query one model and get the single-threaded answers") {
    const auto model = test::load_bundled("nottinghamshire");
    const Model& m = *model;
    const std::vector<Question> qs = questions(m);
    std::vector<std::string> expected;
    for (const auto& q : qs) expected.push_back(q(m));

    constexpr int kThreads = 8, kRounds = 3;
    std::atomic<int> mismatches{0}, failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int r = 0; r < kRounds; ++r)
                for (std::size_t i = 0; i < qs.size(); ++i) {
                    const std::size_t k = (i + static_cast<std::size_t>(t) * qs.size() / kThreads) % qs.size();
                    try {
                        if (qs[k](m) != expected[k]) ++mismatches;
                    } catch (...) {
                        ++failures;
                    }
                }
        });
    for (auto& th : threads) th.join();
    CHECK(qs.size() > 20);
    CHECK(failures == 0);
    CHECK(mismatches == 0);
}

TEST_CASE("concurrency: models loaded and dropped on eight threads at once") {
    // Loading touches shared static state (tables of kinds and keys, the bundled models): it
    // must be safe to do from many threads, each model then owned by one.
    const auto text = bundled_model("nottinghamshire");
    REQUIRE(text);
    const std::size_t diagnostics = validate(*load_model(*text).model).size();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int r = 0; r < 2; ++r) {
                const LoadResult res = load_model(*text);
                if (!res.model || validate(*res.model).size() != diagnostics) ++failures;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
}

TEST_CASE("concurrency: one FlowGraph shared by eight threads makes its whole graph once") {
    // FlowGraph::graph() is made on its first call: threads that ask at the same moment must all
    // get the one graph, with every flow of the year on it.
    const auto model = test::load_bundled("nottinghamshire");
    const std::vector<FinancialYear> years = flow_years(*model);
    REQUIRE_FALSE(years.empty());
    const FlowGraph g(*model, years.front());
    REQUIRE_FALSE(g.flows().empty());
    std::vector<const FlowGraph::Graph*> seen(8, nullptr);
    std::vector<std::size_t> edges(8, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] {
            seen[t] = &g.graph();
            edges[t] = boost::num_edges(*seen[t]);
        });
    for (auto& th : threads) th.join();
    for (std::size_t t = 0; t < seen.size(); ++t) {
        CHECK(seen[t] == seen.front());
        CHECK(edges[t] == g.flows().size());
    }
}

TEST_CASE("concurrency: validate of a large model, its geography on a thread of its own, finds what the rules find one after another") {
    // A model with problems for every family of rules (tests/data/hostile/self_reference.json),
    // and 10,000 more areas: enough for validate() to run the geography rules on another
    // thread (validate.hpp). What it finds must be what the rules find run one after another,
    // in the order SPEC section 3 lists them, from one thread or from four at once.
    std::ifstream in(std::string(PBP_TEST_DATA) + "/hostile/self_reference.json");
    std::stringstream file;
    file << in.rdbuf();
    boost::json::object doc = boost::json::parse(file.str()).as_object();
    boost::json::array& areas = doc["areas"].as_array();
    for (int i = 0; i < 10'000; ++i)
        areas.push_back(boost::json::object{{"id", "lsoa-" + std::to_string(i)}, {"kind", "lsoa"}, {"population", 1500}});
    const LoadResult r = load_model(boost::json::serialize(doc));
    REQUIRE(r.model);
    const Model& m = *r.model;
    REQUIRE(m.entities.size() >= 10'000);

    Diagnostics expected = m.load_diagnostics;
    detail::check_geography(m, expected);
    detail::check_accountability(m, expected);
    detail::check_delegation(m, expected);
    detail::check_flows(m, expected);
    detail::check_bodies(m, expected);
    m.locate(expected);
    std::set<std::string> codes;
    for (const Diagnostic& d : expected) codes.insert(d.code);
    // Found on both threads: geography (E207, W010) and the others (E101, E301, E401).
    for (const char* code : {"E005", "E207", "W010", "E101", "E301", "E401"}) CHECK_MESSAGE(codes.count(code) == 1, code);

    const std::string want = text(to_json(expected));
    CHECK(text(to_json(validate(m))) == want);
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t) threads.emplace_back([&, t] { got[t] = text(to_json(validate(m))); });
    for (auto& th : threads) th.join();
    for (const std::string& g : got) CHECK(g == want);
}

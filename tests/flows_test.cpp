// Tests for flows.hpp (SPEC 2.3, 2.6.6, 2.6.7) and the flow rules E301-E304, W305.
// Models are in tests/data/flows/; each rule model's header comment says why it breaks exactly
// that rule. The conformance cases for trace, balances and allocate are replayed through the
// library here (the CLI runs them in the `conformance` ctest).
#include "pbp/allocate.hpp"
#include "pbp/error.hpp"
#include "pbp/flows.hpp"
#include "pbp/load.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

using namespace pbp;
using boost::multiprecision::cpp_int;

namespace {
std::shared_ptr<const Model> flows_model(const char* name) { return pbp::test::load_test_model("flows", name); }

FinancialYear fy(const char* s) { return *parse_financial_year(s); }

using Pairs = std::vector<std::pair<std::string, std::string>>;
Pairs sources(const Trace& t) {
    Pairs out;
    for (auto& s : t.sources) out.emplace_back(s.source, s.amount.to_string());
    return out;
}

std::multiset<std::string> code_set(const Diagnostics& ds) {
    std::multiset<std::string> out;
    for (auto& d : ds) out.insert(d.code);
    return out;
}
bool is_flow_code(const std::string& c) { return c == "E301" || c == "E302" || c == "E303" || c == "E304" || c == "W305"; }
}  // namespace

// pooled.json, 2023/24, worked by hand (amounts in pounds):
//   nhse -> icb 1000.00;  icb -> pool 150.00;  council -> pool 150.00;
//   pool -> care 100.00, pool -> trust 199.99, pool -> gp 0.01;  icb -> trust 500.00;
//   charity -> hospice 0.00;  hospice -> gp 0.00.
// Sources (no inflows): nhse, council, charity.
//   f_icb  = {nhse: 1}
//   f_pool = (150 x f_icb + 150 x f_council) / 300 = {council: 1/2, nhse: 1/2}
//   hospice receives 0.00 in all: it passes nothing on, f_hospice = {}.
//   care:  100.00 x 1/2 each                   -> council 50.00, nhse 50.00 (exact)
//   trust: 199.99 x 1/2 = 99.995 each, plus 500.00 from icb (nhse)
//          exact: council 99.995, nhse 599.995; allocate(699.99) in id order (council, nhse):
//          floors 99.99 and 599.99, one penny left, remainders tie (0.5p each) -> the
//          earlier, council: council 100.00, nhse 599.99.
//   gp:    0.01 x 1/2 = 0.005 each from council and nhse, 0 from charity (via the hospice);
//          allocate(0.01) in id order (charity, council, nhse): floors 0, remainders 0, .5, .5
//          -> the penny goes to council; charity and nhse are listed at 0.00.
TEST_CASE("trace: hand-worked pooled fund with two contributors and several recipients") {
    auto m = flows_model("pooled.json");
    const auto y = fy("2023/24");

    Trace t = trace(*m, "trust", y);
    CHECK(t.node == "trust");
    CHECK(to_string(t.year) == "2023/24");
    CHECK(t.total.to_string() == "699.99");
    CHECK(sources(t) == Pairs{{"nhse", "599.99"}, {"council", "100.00"}});

    CHECK(sources(trace(*m, "care", y)) == Pairs{{"council", "50.00"}, {"nhse", "50.00"}});  // tie: by id
    CHECK(sources(trace(*m, "pool", y)) == Pairs{{"council", "150.00"}, {"nhse", "150.00"}});
    CHECK(sources(trace(*m, "icb", y)) == Pairs{{"nhse", "1000.00"}});

    t = trace(*m, "gp", y);
    CHECK(t.total.to_string() == "0.01");
    CHECK(sources(t) == Pairs{{"council", "0.01"}, {"charity", "0.00"}, {"nhse", "0.00"}});

    // No inflow -> total 0.00 and no sources: a node that received 0.00, and the sources themselves.
    for (const char* id : {"hospice", "nhse", "council", "charity"}) {
        CAPTURE(id);
        t = trace(*m, id, y);
        CHECK(t.total.to_string() == "0.00");
        CHECK(t.sources.empty());
    }

    // Flows are chosen by year alone (SPEC 2.6.1): the 2024/25 flow is dated 2030 and still counts.
    t = trace(*m, "icb", fy("2024/25"));
    CHECK(t.total.to_string() == "5.00");
    CHECK(sources(t) == Pairs{{"nhse", "5.00"}});
    CHECK(trace(*m, "trust", fy("2024/25")).sources.empty());
    CHECK(trace(*m, "trust", fy("2030/31")).total.is_zero());

    CHECK_THROWS_AS(trace(*m, "nobody", y), InvalidArgument);
    CHECK_THROWS_WITH(trace(*m, "nobody", y), doctest::Contains("nobody"));

    CHECK(boost::json::serialize(to_json(trace(*m, "care", y))) ==
          R"({"node":"care","year":"2023/24","total":"100.00","sources":[{"source":"council","amount":"50.00"},)"
          R"({"source":"nhse","amount":"50.00"}]})");
}

TEST_CASE("balances: every id named by a flow of the year, sorted byte-wise") {
    auto m = flows_model("pooled.json");
    const Balances b = balances(*m, fy("2023/24"));
    struct Row {
        const char *id, *in, *out, *net;
    };
    // By hand from the flows listed above; "care" < "charity" < "council" byte by byte.
    const std::vector<Row> want{
        {"care", "100.00", "0.00", "100.00"},     {"charity", "0.00", "0.00", "0.00"},
        {"council", "0.00", "150.00", "-150.00"}, {"gp", "0.01", "0.00", "0.01"},
        {"hospice", "0.00", "0.00", "0.00"},      {"icb", "1000.00", "650.00", "350.00"},
        {"nhse", "0.00", "1000.00", "-1000.00"},  {"pool", "300.00", "300.00", "0.00"},
        {"trust", "699.99", "0.00", "699.99"},
    };
    REQUIRE(b.nodes.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(want[i].id);
        CHECK(b.nodes[i].id == want[i].id);
        CHECK(b.nodes[i].inflow.to_string() == want[i].in);
        CHECK(b.nodes[i].outflow.to_string() == want[i].out);
        CHECK(b.nodes[i].net.to_string() == want[i].net);
    }
    CHECK(boost::json::serialize(to_json(balances(*m, fy("2024/25")))) ==
          R"({"year":"2024/25","nodes":[{"id":"icb","inflow":"5.00","outflow":"0.00","net":"5.00"},)"
          R"({"id":"nhse","inflow":"0.00","outflow":"5.00","net":"-5.00"}]})");
    CHECK(balances(*m, fy("2019/20")).nodes.empty());
    CHECK(flow_years(*m) == std::vector<FinancialYear>{fy("2023/24"), fy("2024/25")});

    // Invariant: money is conserved, sum of nets is zero.
    Money net;
    for (auto& n : b.nodes) net += n.net;
    CHECK(net.is_zero());
}

TEST_CASE("a cycle: trace refuses with E301's explanation, balances and other years still work") {
    auto m = flows_model("e301_cycle.json");
    const auto y = fy("2023/24");
    CHECK_THROWS_AS(trace(*m, "trust", y), InvalidArgument);
    CHECK_THROWS_WITH(trace(*m, "trust", y), doctest::Contains("'icb', 'trust'"));
    CHECK_THROWS_WITH(trace(*m, "nhse", y), doctest::Contains("2023/24"));
    const FlowGraph g(*m, y);
    CHECK_FALSE(g.acyclic());
    REQUIRE(g.cycles().size() == 1);
    CHECK(g.cycles()[0] == std::vector<Index>{*m->find("icb"), *m->find("trust")});
    const Balances b = balances(g);
    REQUIRE(b.nodes.size() == 3);
    CHECK(b.nodes[0].id == "icb");
    CHECK(b.nodes[0].inflow.to_string() == "150.00");
    CHECK(b.nodes[0].outflow.to_string() == "50.00");
    // 2022/23 has no circle.
    CHECK(sources(trace(*m, "trust", fy("2022/23"))) == Pairs{{"nhse", "1.00"}});
}

TEST_CASE("the conformance cases for trace, balances and allocate, through the library") {
    const std::string dir = std::string(PBP_TEST_DATA) + "/../conformance/";
    auto m = pbp::test::load_test_model("../conformance", "model.json");
    std::ifstream in(dir + "cases.jsonl");
    REQUIRE(in);
    int checked = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const boost::json::object c = boost::json::parse(line).as_object();
        const auto& args = c.at("args").as_array();
        const std::string cmd(args[0].as_string());
        auto arg = [&](std::size_t k) { return std::string(args[k].as_string()); };
        boost::json::object got;
        if (cmd == "balances") {
            REQUIRE(arg(2) == "--year");
            got = to_json(balances(*m, fy(arg(3).c_str())));
        } else if (cmd == "trace") {
            REQUIRE(arg(3) == "--year");
            got = to_json(trace(*m, arg(2), fy(arg(4).c_str())));
        } else if (cmd == "allocate") {
            std::vector<Ratio> w;
            for (std::size_t k = 2; k < args.size(); ++k) w.push_back(*parse_decimal(arg(k)));
            const Money total = *Money::parse(arg(1));
            boost::json::array shares;
            for (auto& s : allocate(total, w)) shares.emplace_back(s.to_string());
            got["total"] = total.to_string();
            got["shares"] = std::move(shares);
        } else {
            continue;
        }
        CAPTURE(line);
        CHECK(boost::json::value(got) == c.at("expect"));
        ++checked;
    }
    CHECK(checked >= 12);  // 1 balances, 6 traces, 5 allocations when this was written

    // The conformance model keeps every flow rule.
    for (auto& d : validate(*m)) CHECK_FALSE(is_flow_code(d.code));
}

TEST_CASE("each flow rule model raises exactly its code") {
    const std::vector<std::pair<const char*, const char*>> cases{
        {"e301_cycle.json", "E301"},        {"e302_overspend.json", "E302"},
        {"e303_ring_fenced.json", "E303"},  {"e303_two_purposes.json", "E303"},
        {"e304_pass_through.json", "E304"}, {"w305_pooled.json", "W305"},
        {"w305_combined_authority.json", "W305"},
    };
    for (auto& [file, code] : cases) {
        CAPTURE(file);
        auto m = flows_model(file);
        CHECK(code_set(validate(*m)) == std::multiset<std::string>{code});
    }
    CHECK(validate(*flows_model("pooled.json")).empty());
}

TEST_CASE("flow rule messages name the node, the year, the purpose and the amounts") {
    auto one = [](const char* file) {
        auto m = flows_model(file);
        auto ds = flow_problems(*m, fy("2023/24"));
        REQUIRE(ds.size() == 1);
        return ds[0];
    };
    Diagnostic d = one("e301_cycle.json");
    CHECK(d.code == "E301");
    CHECK(d.ids == std::vector<std::string>{"icb", "trust"});
    CHECK(d.path == "/flows/1");  // the first flow inside the circle
    CHECK(d.line == 13);

    d = one("e302_overspend.json");
    CHECK(d.severity == Severity::error);
    CHECK(d.ids == std::vector<std::string>{"icb"});
    CHECK(d.path == "/organisations/1");
    for (const char* s : {"'icb'", "2023/24", "\xC2\xA3" "150.00", "\xC2\xA3" "100.00", "\xC2\xA3" "50.00"})
        CHECK_MESSAGE(d.message.find(s) != std::string::npos, s);

    d = one("e303_ring_fenced.json");
    CHECK(d.path == "/flows/0");  // the ring-fenced inflow
    for (const char* s : {"'icb'", "2023/24", "\"mental health\"", "\xC2\xA3" "100.00", "\xC2\xA3" "70.00", "\xC2\xA3" "20.00"})
        CHECK_MESSAGE(d.message.find(s) != std::string::npos, s);

    d = one("e303_two_purposes.json");
    for (const char* s : {"'icb'", "\"c\"", "\"a\" and \"b\"", "\xC2\xA3" "50.00"})
        CHECK_MESSAGE(d.message.find(s) != std::string::npos, s);

    d = one("e304_pass_through.json");
    CHECK(d.path == "/flows/0");
    for (const char* s : {"'icb'", "2023/24", "\"gp contracts\"", "\xC2\xA3" "100.00", "\xC2\xA3" "60.00", "\xC2\xA3" "40.00"})
        CHECK_MESSAGE(d.message.find(s) != std::string::npos, s);

    d = one("w305_pooled.json");
    CHECK(d.severity == Severity::warning);
    CHECK(d.ids == std::vector<std::string>{"nhs_pool"});
    CHECK(d.path == "/funds/0");
    for (const char* s : {"'nhs_pool'", "2023/24", "'icb'", "section 75"})
        CHECK_MESSAGE(d.message.find(s) != std::string::npos, s);
    CHECK(one("w305_combined_authority.json").message.find("combined authority") != std::string::npos);
}

TEST_CASE("flow rules: boundaries that must not raise") {
    // Built from text so each case is visible here. Spending exactly what is received, keeping
    // ring-fenced money, spending it on its own purpose, passing pass-through on in full (in
    // several flows), and a source paying out any amount all keep the rules.
    const std::string text = R"({
      "format": "pbp/1", "name": "boundaries",
      "organisations": [
        {"id": "nhse", "kind": "nhs_england"}, {"id": "icb", "kind": "icb"},
        {"id": "icb2", "kind": "icb"}, {"id": "t", "kind": "nhs_trust"}, {"id": "c", "kind": "county_council"}
      ],
      "funds": [{"id": "pool", "kind": "pooled", "holder": "c"}],
      "flows": [
        {"from": "nhse", "to": "icb", "amount": "100.00", "year": "2023/24", "purpose": "mh", "restriction": "ring_fenced"},
        {"from": "nhse", "to": "icb", "amount": "50.00", "year": "2023/24"},
        {"from": "icb", "to": "t", "amount": "50.00", "year": "2023/24", "purpose": "acute"},
        {"from": "icb", "to": "t", "amount": "100.00", "year": "2023/24", "purpose": "mh"},
        {"from": "nhse", "to": "icb2", "amount": "80.00", "year": "2023/24", "purpose": "gp", "restriction": "pass_through"},
        {"from": "icb2", "to": "t", "amount": "30.00", "year": "2023/24", "purpose": "gp"},
        {"from": "icb2", "to": "pool", "amount": "50.00", "year": "2023/24", "purpose": "gp"},
        {"from": "c", "to": "pool", "amount": "0.01", "year": "2023/24"},
        {"from": "nhse", "to": "t", "amount": "99999999.99", "year": "2023/24"}
      ]
    })";
    auto r = load_model(text);
    REQUIRE(r.model);
    CHECK(flow_problems(*r.model, fy("2023/24")).empty());

    // Now overspend by a penny on the ring-fenced purpose itself and keep a penny of
    // pass-through money: E302 and E304 only (no ring-fenced money is left to have been
    // spent elsewhere, so no E303).
    std::string worse = text;
    worse.replace(worse.find("\"30.00\""), 7, "\"29.99\"");
    worse.replace(worse.find("\"100.00\", \"year\": \"2023/24\", \"purpose\": \"mh\"}"), 8, "\"100.01\"");
    auto w = load_model(worse);
    REQUIRE(w.model);
    CHECK(code_set(flow_problems(*w.model, fy("2023/24"))) == std::multiset<std::string>{"E302", "E304"});
}

// A second, deliberately simple implementation of SPEC 2.3's trace: recursion straight from the
// definition over the list of flows, memoised, with no graph library and no topological order.
namespace {
struct Simple {
    const Model& m;
    FinancialYear y;
    std::map<Index, std::map<Index, Ratio>> memo;

    std::vector<const Flow*> into(Index v) const {
        std::vector<const Flow*> out;
        for (auto& f : m.flows)
            if (f.year == y && f.to == v) out.push_back(&f);
        return out;
    }
    const std::map<Index, Ratio>& f(Index v) {
        if (auto it = memo.find(v); it != memo.end()) return it->second;
        std::map<Index, Ratio> acc;
        auto in = into(v);
        if (in.empty()) {
            acc[v] = 1;
        } else {
            Ratio total = 0;
            for (auto* fl : in) total += Ratio(cpp_int(fl->amount.pence()));
            if (total != 0)
                for (auto* fl : in)
                    for (auto& [s, x] : f(fl->from)) acc[s] += Ratio(cpp_int(fl->amount.pence())) * x / total;
        }
        return memo[v] = acc;
    }
    void reachable_sources(Index v, std::set<Index>& out, std::set<Index>& seen) {
        if (!seen.insert(v).second) return;
        auto in = into(v);
        if (in.empty()) out.insert(v);
        for (auto* fl : in) reachable_sources(fl->from, out, seen);
    }
};

Model random_model(std::mt19937_64& rng, int n, int flows) {
    Model m;
    m.name = "random";
    for (int i = 0; i < n; ++i) {
        Entity e;
        e.id = "n" + std::to_string((i * 7919) % 1000 + 1000 * (i / 1000));  // ids not in index order
        e.id += "." + std::to_string(i);
        e.name = e.id;
        e.kind = "other";
        e.section = Section::organisation;
        m.index_by_id[e.id] = static_cast<Index>(m.entities.size());
        m.entities.push_back(e);
    }
    std::uniform_int_distribution<int> node(0, n - 1);
    std::uniform_int_distribution<long long> pence(1, 10'000'000);
    for (int k = 0; k < flows; ++k) {
        int a = node(rng), b = node(rng);
        if (a == b) continue;
        if (a > b) std::swap(a, b);  // only forward edges: a directed acyclic graph
        Flow f;
        f.from = static_cast<Index>(a);
        f.to = static_cast<Index>(b);
        f.amount = Money::from_pence(Pence(pence(rng) % 7 == 0 ? 1 : pence(rng)));  // many 1p flows: remainders
        f.year = FinancialYear{2023};
        m.flows.push_back(f);
    }
    return m;
}
}  // namespace

TEST_CASE("trace agrees with a simple recursive implementation on random flow graphs (fixed seed)") {
    std::mt19937_64 rng(42);
    for (int round = 0; round < 40; ++round) {
        const Model m = random_model(rng, 30, 70);
        const FlowGraph g(m, FinancialYear{2023});
        REQUIRE(g.acyclic());
        Simple simple{m, FinancialYear{2023}, {}};
        for (Index v = 0; v < m.entities.size(); ++v) {
            const Trace t = trace(g, v);
            CAPTURE(t.node);
            CHECK(t.total == g.inflow(v));
            if (t.total.is_zero()) {
                CHECK(t.sources.empty());
                continue;
            }
            // The same sources: every source with a path of flows into v.
            std::set<Index> want, seen;
            simple.reachable_sources(v, want, seen);
            want.erase(v);
            std::set<std::string> want_ids, got_ids;
            for (Index s : want) want_ids.insert(m.id(s));
            for (auto& s : t.sources) got_ids.insert(s.source);
            CHECK(got_ids == want_ids);
            // Amounts sum exactly to the total and each is within a penny of inflow x f_v(S).
            Money sum;
            const auto& fv = simple.f(v);
            const Ratio in(cpp_int(t.total.pence()));
            for (auto& s : t.sources) {
                sum += s.amount;
                auto it = fv.find(*m.find(s.source));
                const Ratio exact = it == fv.end() ? Ratio(0) : in * it->second;
                const Ratio d = Ratio(cpp_int(s.amount.pence())) - exact;
                CHECK(d < 1);
                CHECK(d > -1);
            }
            CHECK(sum == t.total);
            // Exactly the pence of allocate() over those exact amounts, sources in byte-wise id
            // order (SPEC 2.6.6: that order decides who gets a leftover penny).
            std::vector<Ratio> exact;
            for (const std::string& id : want_ids) {  // a std::set of strings: byte-wise order
                auto it = fv.find(*m.find(id));
                exact.push_back(it == fv.end() ? Ratio(0) : in * it->second);
            }
            const std::vector<Money> pence = allocate(t.total, exact);
            std::map<std::string, Money> want_amounts, got_amounts;
            std::size_t at = 0;
            for (const std::string& id : want_ids) want_amounts[id] = pence[at++];
            for (auto& s : t.sources) got_amounts[s.source] = s.amount;
            CHECK(got_amounts == want_amounts);
            // Listed by amount descending, then id.
            for (std::size_t k = 1; k < t.sources.size(); ++k) {
                const auto &a = t.sources[k - 1], &b = t.sources[k];
                CHECK((a.amount > b.amount || (a.amount == b.amount && a.source < b.source)));
            }
            // Same answer through the model-level entry point (which builds its own graph).
            if (v % 7 == 0) CHECK(sources(trace(m, m.id(v), FinancialYear{2023})) == sources(t));
        }
    }
}

TEST_CASE("a year's FlowGraph: sums, flows into each node and the whole graph, against the flows themselves") {
    // Each answer recomputed from Model::flows alone, for every entity, on random graphs with
    // flows of other years and (in some rounds) flows that go round in a circle.
    std::mt19937_64 rng(7);
    const FinancialYear year{2023};
    for (int round = 0; round < 30; ++round) {
        Model m = random_model(rng, 25, 60);
        for (std::size_t k = 0; k + 1 < m.flows.size(); k += 5) m.flows[k].year = FinancialYear{2024};  // not the last
        if (round % 3 == 0) {  // a flow back up: most such rounds now have a circle
            Flow back = m.flows.back();
            std::swap(back.from, back.to);
            back.year = year;
            m.flows.push_back(back);
        }
        const FlowGraph g(m, year);
        const auto& whole = g.graph();
        REQUIRE(boost::num_vertices(whole) == m.entities.size());
        std::set<Index> named;
        for (Index v = 0; v < m.entities.size(); ++v) {
            CAPTURE(v);
            std::vector<std::size_t> into;
            Money in, out;
            bool names = false;
            for (std::size_t k = 0; k < m.flows.size(); ++k) {
                const Flow& f = m.flows[k];
                if (f.year != year) continue;
                if (f.to == v) into.push_back(k), in += f.amount;
                if (f.from == v) out += f.amount;
                names = names || f.to == v || f.from == v;
            }
            if (names) named.insert(v);
            const auto got = g.flows_into(v);
            CHECK(std::vector<std::size_t>(got.begin(), got.end()) == into);
            std::vector<std::size_t> from_whole;
            for (auto [b, e] = boost::in_edges(v, whole); b != e; ++b) from_whole.push_back(whole[*b].flow);
            CHECK(from_whole == into);
            CHECK(g.inflow(v) == in);
            CHECK(g.outflow(v) == out);
            CHECK(g.named(v) == names);
            CHECK(g.is_source(v) == (names && into.empty()));
        }
        CHECK(std::set<Index>(g.nodes().begin(), g.nodes().end()) == named);
        CHECK(std::is_sorted(g.nodes().begin(), g.nodes().end(),
                             [&](Index a, Index b) { return m.id(a) < m.id(b); }));
        CHECK_THROWS_AS((void)g.inflow(static_cast<Index>(m.entities.size())), std::out_of_range);
        CHECK_THROWS_AS((void)g.flows_into(static_cast<Index>(m.entities.size())), std::out_of_range);
        // Acyclic exactly when Kahn's algorithm takes every named node (a second method).
        std::map<Index, int> waiting;
        for (Index v : named) waiting[v] = 0;
        for (const Flow& f : m.flows)
            if (f.year == year) ++waiting[f.to];
        std::vector<Index> ready;
        for (auto [v, w] : waiting)
            if (w == 0) ready.push_back(v);
        std::size_t taken = 0;
        while (!ready.empty()) {
            const Index v = ready.back();
            ready.pop_back();
            ++taken;
            for (const Flow& f : m.flows)
                if (f.year == year && f.from == v && --waiting[f.to] == 0) ready.push_back(f.to);
        }
        CHECK(g.acyclic() == (taken == named.size()));
        if (round % 3 == 0) CHECK_FALSE(g.acyclic());  // the flow back up closes a circle
        // A copy answers the same, and shares the whole graph once made.
        FlowGraph copy = g;
        CHECK(&copy.graph() == &whole);
        CHECK(copy.cycles() == g.cycles());
        const FlowGraph moved = std::move(copy);
        CHECK(&moved.graph() == &whole);
    }
}

TEST_CASE("the report's money section shows each year's table and the rules broken") {
    auto m = flows_model("pooled.json");
    const std::string text = report(*m, validate(*m));
    CHECK(text.find("Money\n=====") != std::string::npos);
    CHECK(text.find("2023/24: 9 flows between 9 organisations, bodies and funds") != std::string::npos);
    CHECK(text.find("NHS England (nhse) [source]") != std::string::npos);
    CHECK(text.find("\xC2\xA3" "1,000.00") != std::string::npos);
    CHECK(text.find("Every flow rule is kept") != std::string::npos);

    auto bad = flows_model("e302_overspend.json");
    const std::string t2 = report(*bad, validate(*bad));
    CHECK(t2.find("Flow rules broken:\n  - E302 (error) In 2023/24 'icb' pays out") != std::string::npos);
}

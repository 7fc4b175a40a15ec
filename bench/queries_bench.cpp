// Queries against the practical limit (issue 17): accountability beside a plain breadth-first
// search written here over the same loaded graph, on the same sampled nodes, at national scale
// and at ten times national, with the ratio of the two printed at the end of the run: from the
// medians of the Google Benchmark runs, then paired (each query and its plain walk timed in
// turn, the median of the rounds' ratios: see print_paired()).
//
//   cmake -B build-bench -DCMAKE_BUILD_TYPE=Release -DPBP_BUILD_BENCH=ON && cmake --build build-bench
//   build-bench/bench/pbp_queries_bench
//
// Before anything is timed, every sampled node's answer is checked against the plain search
// (same nodes reached; the apexes are exactly the reached nodes with no way up; the chain is a
// path of accountability edges from the node to an apex, and no shorter path exists).
#include "england_generator.hpp"

#include "pbp/accountability.hpp"
#include "pbp/delegation.hpp"
#include "pbp/load.hpp"

#include <benchmark/benchmark.h>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kSample = 2000;

// The accountability graph of a loaded model in its plainest form: compressed rows of the
// accountability edges (with no as-of date every edge counts), copied out of the model once.
struct PlainGraph {
    std::vector<pbp::Index> first, target;
};

struct Scale {
    std::shared_ptr<const pbp::Model> model;
    PlainGraph plain;
    std::vector<pbp::Index> sample;
    std::vector<pbp::Index> sample_up;  // those of `sample` that answer to someone
    std::vector<std::pair<pbp::Index, pbp::Index>> decisions;  // (function, place) in the holder's system
};

// The plainest walk of a function's delegations (no dates in the generated model): from the
// holder or a body of it, to the delegate whose place is the place asked (or that has none),
// smallest id first, on while the delegation allows sub-delegation. Returns the decision maker.
pbp::Index plain_decides(const pbp::Model& m, pbp::Index function, pbp::Index place) {
    const pbp::Index holder = m.entities[function].holder;
    auto place_of = [&](pbp::Index v) {
        const pbp::Entity& e = m.entities[v];
        return e.section == pbp::Section::post && e.in != pbp::npos ? m.entities[e.in].place : e.place;
    };
    auto originator = [&](pbp::Index v) {
        if (v == holder) return true;
        const auto& of = m.entities[v].of;
        return std::find(of.begin(), of.end(), holder) != of.end();
    };
    pbp::Index at = pbp::npos;
    for (bool first = true;; first = false) {
        const pbp::Relation* best = nullptr;
        for (pbp::Index r : m.delegations_of(function)) {
            const pbp::Relation& rel = m.relations[r];
            if (first ? !originator(rel.from) : rel.from != at) continue;
            const pbp::Index p = place_of(rel.to);
            if (p != place && p != pbp::npos) continue;
            if (!best || m.entities[rel.to].id < m.entities[best->to].id) best = &rel;
        }
        if (!best) return at == pbp::npos ? holder : at;
        at = best->to;
        if (!best->may_subdelegate) return at;
    }
}

PlainGraph plain_graph(const pbp::Model& m) {
    PlainGraph p;
    const auto n = static_cast<pbp::Index>(m.entities.size());
    p.first.reserve(n + 1);
    for (pbp::Index v = 0; v < n; ++v) {
        p.first.push_back(static_cast<pbp::Index>(p.target.size()));
        for (auto [b, e] = boost::out_edges(v, m.graph); b != e; ++b)
            if (pbp::is_accountability(m.graph[*b].kind)) p.target.push_back(static_cast<pbp::Index>(boost::target(*b, m.graph)));
    }
    p.first.push_back(static_cast<pbp::Index>(p.target.size()));
    return p;
}

// The practical limit: every node reached from `node`, with a visited mark per vertex that is
// reset by an epoch, no allocation once `reached` has grown.
struct PlainSearch {
    std::vector<std::uint32_t> seen;
    std::uint32_t epoch = 0;
    std::vector<pbp::Index> reached;

    void run(const PlainGraph& g, pbp::Index node) {
        if (seen.size() + 1 < g.first.size()) seen.assign(g.first.size() - 1, 0);
        ++epoch;
        reached.clear();
        reached.push_back(node);
        seen[node] = epoch;
        for (std::size_t k = 0; k < reached.size(); ++k)
            for (pbp::Index j = g.first[reached[k]]; j < g.first[reached[k] + 1]; ++j)
                if (seen[g.target[j]] != epoch) {
                    seen[g.target[j]] = epoch;
                    reached.push_back(g.target[j]);
                }
    }
};

// Fails the run, loudly, when pbp's answer for `node` is not the plain search's.
void check(const Scale& s, pbp::Index node, PlainSearch& plain) {
    const pbp::Model& m = *s.model;
    plain.run(s.plain, node);
    pbp::AccountabilityIndices a;
    pbp::accountability(m, node, std::nullopt, a);
    auto fail = [&](const char* what) {
        std::fprintf(stderr, "queries_bench: accountability of %s: %s\n", m.id(node).c_str(), what);
        std::exit(1);
    };
    std::vector<pbp::Index> expected(plain.reached.begin() + 1, plain.reached.end()), got = a.reachable;
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    if (expected != got) fail("the nodes reached differ from a plain search's");
    std::vector<pbp::Index> apexes;
    for (pbp::Index v : plain.reached)
        if (s.plain.first[v] == s.plain.first[v + 1]) apexes.push_back(v);
    std::sort(apexes.begin(), apexes.end());
    got = a.apexes;
    std::sort(got.begin(), got.end());
    if (apexes != got) fail("the apexes are not the reached nodes with no way up");
    if (a.chain.front() != node) fail("the chain does not start at the node");
    for (std::size_t k = 0; k + 1 < a.chain.size(); ++k) {
        const auto* b = &s.plain.target[s.plain.first[a.chain[k]]];
        const auto* e = &s.plain.target[s.plain.first[a.chain[k] + 1]];
        if (std::find(b, e, a.chain[k + 1]) == e) fail("the chain takes a step that is no accountability edge");
    }
    if (!apexes.empty()) {
        // The shortest way to any apex: levels of the plain search, taken again with distances.
        std::map<pbp::Index, std::size_t> level{{node, 0}};
        std::vector<pbp::Index> queue{node};
        for (std::size_t k = 0; k < queue.size(); ++k)
            for (pbp::Index j = s.plain.first[queue[k]]; j < s.plain.first[queue[k] + 1]; ++j)
                if (level.emplace(s.plain.target[j], level[queue[k]] + 1).second) queue.push_back(s.plain.target[j]);
        std::size_t shortest = SIZE_MAX;
        for (pbp::Index v : apexes) shortest = std::min(shortest, level.at(v));
        if (a.chain.size() != shortest + 1) fail("the chain is not a shortest way to an apex");
        if (!std::binary_search(apexes.begin(), apexes.end(), a.chain.back())) fail("the chain does not end at an apex");
    } else if (a.chain.size() != 1) {
        fail("a node that reaches no apex has a chain longer than itself");
    }
}

std::map<int, Scale>& scales() {
    static std::map<int, Scale> built;
    return built;
}

Scale& scale(int copies) {
    auto& scales = ::scales();
    auto it = scales.find(copies);
    if (it != scales.end()) return it->second;
    pbp::bench::EnglandShape shape;
    shape.copies = copies;
    auto loaded = pbp::load_model(boost::json::serialize(pbp::bench::generate_england(shape)));
    if (!loaded.model) {
        std::fprintf(stderr, "queries_bench: the generated model did not load\n");
        std::exit(1);
    }
    Scale s;
    s.model = std::move(loaded.model);
    s.plain = plain_graph(*s.model);
    std::vector<pbp::Index> candidates = pbp::accountable_nodes(*s.model);
    std::mt19937 rng(17);
    std::shuffle(candidates.begin(), candidates.end(), rng);
    candidates.resize(std::min(candidates.size(), kSample));
    s.sample = std::move(candidates);
    for (pbp::Index v : s.sample)
        if (s.plain.first[v] != s.plain.first[v + 1]) s.sample_up.push_back(v);
    // (function, place) pairs where the function's holder serves the place's system.
    const pbp::Model& m = *s.model;
    std::vector<pbp::Index> functions, places = pbp::places_on(m);
    for (pbp::Index i = 0; i < m.entities.size(); ++i)
        if (m.entities[i].section == pbp::Section::function) functions.push_back(i);
    while (s.decisions.size() < kSample) {
        const pbp::Index f = functions[rng() % functions.size()], p = places[rng() % places.size()];
        const auto& serves = m.entities[m.entities[f].holder].serves;
        if (std::find(serves.begin(), serves.end(), m.entities[p].within.front()) == serves.end()) continue;
        s.decisions.emplace_back(f, p);
    }
    pbp::DecisionIndices d;
    for (auto [f, p] : s.decisions) {
        const pbp::Index expected = plain_decides(m, f, p);
        pbp::decides(m, f, p, std::nullopt, d);
        if (m.id(expected) == pbp::decides(m, f, p).decision_maker && d.delegation_chain.back() == expected) continue;
        std::fprintf(stderr, "queries_bench: decides %s at %s: not the plain walk's decision maker\n", m.id(f).c_str(),
                     m.id(p).c_str());
        std::exit(1);
    }
    PlainSearch plain;
    for (pbp::Index v : s.sample) check(s, v, plain);
    std::fprintf(stderr, "queries_bench: %zu entities, %zu sampled nodes (%zu answer to someone); every answer checked against a plain search\n",
                 s.model->entities.size(), s.sample.size(), s.sample_up.size());
    return scales.emplace(copies, std::move(s)).first->second;
}

// Per query: the time of one pass over the sample divided by its size (SetItemsProcessed).
// range(0): copies of England; range(1): 0 for the whole sample, 1 for the nodes of it that
// answer to someone (a chain to walk).
const std::vector<pbp::Index>& nodes_of(const Scale& s, const benchmark::State& state) {
    return state.range(1) ? s.sample_up : s.sample;
}

// One pass over the nodes or decisions of a sample: what each benchmark below times per
// iteration, and what the paired rounds at the end time in turn.
void plain_pass(const Scale& s, const std::vector<pbp::Index>& nodes, PlainSearch& plain) {
    for (pbp::Index v : nodes) {
        plain.run(s.plain, v);
        benchmark::DoNotOptimize(plain.reached.data());
    }
}
void accountability_pass(const Scale& s, const std::vector<pbp::Index>& nodes, pbp::AccountabilityIndices& a) {
    for (pbp::Index v : nodes) {
        pbp::accountability(*s.model, v, std::nullopt, a);
        benchmark::DoNotOptimize(a.chain.data());
    }
}
void delegation_walk_pass(const Scale& s) {
    for (auto [f, p] : s.decisions) benchmark::DoNotOptimize(plain_decides(*s.model, f, p));
}
void decides_pass(const Scale& s, pbp::DecisionIndices& d) {
    for (auto [f, p] : s.decisions) {
        pbp::decides(*s.model, f, p, std::nullopt, d);
        benchmark::DoNotOptimize(d.delegation_chain.data());
    }
}
void authority_pass(const Scale& s, const pbp::Money& amount, pbp::AuthorityIndices& a) {
    for (auto [f, p] : s.decisions) {
        pbp::authority(*s.model, f, p, amount, std::nullopt, a);
        benchmark::DoNotOptimize(a.chain.data());
    }
}
const pbp::Money kAmount = *pbp::Money::parse("1000000.00");  // authority's amount throughout

void BM_plain_bfs(benchmark::State& state) {
    const Scale& s = scale(static_cast<int>(state.range(0)));
    const auto& nodes = nodes_of(s, state);
    PlainSearch plain;
    for (auto _ : state) plain_pass(s, nodes, plain);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * nodes.size()));
}

// pbp::accountability into a reused answer: what a service or a batch pays per node.
void BM_accountability_indices(benchmark::State& state) {
    const Scale& s = scale(static_cast<int>(state.range(0)));
    const auto& nodes = nodes_of(s, state);
    pbp::AccountabilityIndices a;
    for (auto _ : state) accountability_pass(s, nodes, a);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * nodes.size()));
}

// pbp::accountability returning an owned answer of ids (strings), as the C++ API's simplest call.
void BM_accountability_ids(benchmark::State& state) {
    const Scale& s = scale(static_cast<int>(state.range(0)));
    const auto& nodes = nodes_of(s, state);
    for (auto _ : state)
        for (pbp::Index v : nodes) benchmark::DoNotOptimize(pbp::accountability(*s.model, v));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * nodes.size()));
}

void BM_plain_delegation_walk(benchmark::State& state) {
    const Scale& s = scale(static_cast<int>(state.range(0)));
    for (auto _ : state) delegation_walk_pass(s);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.decisions.size()));
}

void BM_decides(benchmark::State& state) {
    const Scale& s = scale(static_cast<int>(state.range(0)));
    for (auto _ : state)
        for (auto [f, p] : s.decisions) benchmark::DoNotOptimize(pbp::decides(*s.model, f, p));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.decisions.size()));
}

// pbp::decides into a reused answer of indices: what a decides matrix or a service pays.
void BM_decides_indices(benchmark::State& state) {
    const Scale& s = scale(static_cast<int>(state.range(0)));
    pbp::DecisionIndices d;
    for (auto _ : state) decides_pass(s, d);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.decisions.size()));
}

void BM_authority_indices(benchmark::State& state) {
    const Scale& s = scale(static_cast<int>(state.range(0)));
    pbp::AuthorityIndices a;
    for (auto _ : state) authority_pass(s, kAmount, a);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.decisions.size()));
}

void BM_authority(benchmark::State& state) {
    const Scale& s = scale(static_cast<int>(state.range(0)));
    for (auto _ : state)
        for (auto [f, p] : s.decisions) benchmark::DoNotOptimize(pbp::authority(*s.model, f, p, kAmount));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.decisions.size()));
}

BENCHMARK(BM_plain_bfs)->ArgsProduct({{1, 10}, {0, 1}})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_plain_delegation_walk)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_decides)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_authority)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_decides_indices)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_authority_indices)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_accountability_indices)->ArgsProduct({{1, 10}, {0, 1}})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_accountability_ids)->ArgsProduct({{1, 10}, {0, 1}})->Unit(benchmark::kMicrosecond);

// Collects each run's time per item, to print the ratios once every benchmark has run.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        // With --benchmark_repetitions, the median of the repetitions; else the one run.
        for (const Run& r : runs) {
            const bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
            if (!median && (r.run_type != Run::RT_Iteration || r.iterations == 0)) continue;
            const auto items = r.counters.find("items_per_second");
            if (items == r.counters.end() || items->second.value <= 0) continue;
            if (median || !medians.count(r.run_name.str())) per_item_ns[r.run_name.str()] = 1e9 / items->second.value;
            if (median) medians.insert(r.run_name.str());
        }
    }
    std::map<std::string, double> per_item_ns;  // by run name, e.g. "BM_decides/1"
    std::set<std::string> medians;
};

// Each query beside its plain walk, timed in passes over the whole sample taken in turn (which
// goes first alternates), so that both see the same machine. On a shared virtual machine two
// benchmarks run seconds apart can differ by a third from noise alone, and the ratios of their
// medians above moved between 2x and 4x from one run of the same build to the next; the median
// of the rounds' own ratios varies far less (2.0x to 2.5x over the same runs).
struct Paired {
    double plain_ns = 0, query_ns = 0, ratio = 0;  // per item: medians over the rounds
};

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

template <class Plain, class Query>
Paired paired(std::size_t items, int rounds, const Plain& plain, const Query& query) {
    using clock = std::chrono::steady_clock;
    const auto timed = [](const auto& pass) {
        const auto start = clock::now();
        pass();
        return std::chrono::duration<double, std::nano>(clock::now() - start).count();
    };
    plain();  // one of each first, so that neither round starts with the other's data cold
    query();
    std::vector<double> p, q, r;
    for (int k = 0; k < rounds; ++k) {
        double tp = 0, tq = 0;
        if (k % 2 == 0) {
            tp = timed(plain);
            tq = timed(query);
        } else {
            tq = timed(query);
            tp = timed(plain);
        }
        p.push_back(tp / static_cast<double>(items));
        q.push_back(tq / static_cast<double>(items));
        r.push_back(tq / tp);
    }
    return {median(p), median(q), median(r)};
}

void print_paired(int rounds) {
    if (scales().empty()) return;
    std::printf("\npaired: each query and its plain walk in passes over the sample taken in turn, per query, median of %d rounds "
                "(%d for decides and authority):\n",
                rounds, rounds / 4);
    for (const auto& [copies, s] : scales()) {
        for (const auto* nodes : {&s.sample, &s.sample_up}) {
            PlainSearch plain;
            pbp::AccountabilityIndices a;
            const Paired found = paired(
                nodes->size(), rounds, [&] { plain_pass(s, *nodes, plain); }, [&] { accountability_pass(s, *nodes, a); });
            std::printf("  %2dx national, %s: plain BFS %.3f us; accountability (indices) %.3f us; ratio %.2fx\n", copies,
                        nodes == &s.sample ? "whole sample  " : "chains to walk", found.plain_ns / 1000,
                        found.query_ns / 1000, found.ratio);
        }
        pbp::DecisionIndices d;
        pbp::AuthorityIndices au;
        const auto walk = [&] { delegation_walk_pass(s); };
        const Paired decides = paired(s.decisions.size(), rounds / 4, walk, [&] { decides_pass(s, d); });
        const Paired authority = paired(s.decisions.size(), rounds / 4, walk, [&] { authority_pass(s, kAmount, au); });
        std::printf("  %2dx national: plain delegation walk %.3f us; decides (indices) %.3f us, ratio %.2fx; "
                    "authority (indices) %.3f us, ratio %.2fx\n",
                    copies, decides.plain_ns / 1000, decides.query_ns / 1000, decides.ratio, authority.query_ns / 1000,
                    authority.ratio);
    }
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    const auto& t = reporter.per_item_ns;
    std::printf("\nper query (mean over the sample), and the ratio to a plain breadth-first search:\n");
    for (const char* scale_name : {"1", "10"}) {
        const char* label = std::string(scale_name) == "1" ? " 1x" : "10x";
        auto at = [&](const std::string& bm, const char* sample = nullptr) {
            auto it = t.find(bm + "/" + scale_name + (sample ? std::string("/") + sample : ""));
            return it == t.end() ? 0.0 : it->second;
        };
        for (const char* sample : {"0", "1"}) {
            const double plain = at("BM_plain_bfs", sample);
            if (plain <= 0) continue;
            std::printf("  %s national, %s: plain BFS %.3f us; accountability (indices) %.3f us = %.2fx; (ids) %.3f us = %.2fx\n",
                        label, std::string(sample) == "0" ? "whole sample  " : "chains to walk", plain / 1000,
                        at("BM_accountability_indices", sample) / 1000, at("BM_accountability_indices", sample) / plain,
                        at("BM_accountability_ids", sample) / 1000, at("BM_accountability_ids", sample) / plain);
        }
        const double walk = at("BM_plain_delegation_walk");
        if (walk > 0) {
            std::printf("  %s national: plain delegation walk %.3f us\n", label, walk / 1000);
            for (const char* bm : {"BM_decides_indices", "BM_authority_indices", "BM_decides", "BM_authority"})
                std::printf("       %-22s %.3f us = %.2fx\n", bm + 3, at(bm) / 1000, at(bm) / walk);
        }
    }
    print_paired(2000);
    benchmark::Shutdown();
}

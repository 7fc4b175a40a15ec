// Money benchmarks: allocate() over every LSOA in England, and balances, trace and the flow
// rules over a generated year of 1,000,000 flows shaped like the NHS funding system
// (NHS England -> 42 ICBs -> place committees -> providers -> subcontractors, with councils
// paying into a pooled fund in each system). Figures: docs/performance.md ("Money").
#include "pbp/allocate.hpp"
#include "pbp/flows.hpp"
#include "pbp/model.hpp"

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

using namespace pbp;

namespace {
constexpr int kLsoas = 33'755;        // LSOAs in England, 2021 Census geography
constexpr std::size_t kFlows = 1'000'000;
constexpr int kSystems = 42;          // integrated care systems
constexpr int kPlacesPerSystem = 5;   // ~175-210 places in England
constexpr int kProvidersPerSystem = 500;
constexpr int kSubcontractorsPerSystem = 120;
constexpr int kPurposes = 9;          // each place pays each provider for several programmes

const char* const kPurposeNames[kPurposes] = {"acute",        "community",   "mental health", "primary care", "prescribing",
                                              "continuing healthcare", "urgent care", "maternity", "learning disability"};

// The year's model, generated once in code (deterministic: fixed seed).
struct Generated {
    Model model;
    std::vector<Index> recipients;  // every node with a positive inflow
};

Index add(Model& m, std::string id, std::string kind, Section s) {
    Entity e;
    e.id = std::move(id);
    e.name = e.id;
    e.kind = std::move(kind);
    e.section = s;
    const Index i = static_cast<Index>(m.entities.size());
    e.pointer = "/entities/" + std::to_string(i);
    m.index_by_id[e.id] = i;
    m.entities.push_back(std::move(e));
    return i;
}

const Generated& generated() {
    static const Generated g = [] {
        Generated out;
        Model& m = out.model;
        m.name = "generated: one year of England's NHS funding flows";
        std::mt19937_64 rng(2023);
        std::uniform_int_distribution<long long> pence(10'000, 50'000'000);  // £100 - £500,000
        const FinancialYear year{2023};
        auto flow = [&](Index from, Index to, long long p, const char* purpose) {
            Flow f;
            f.from = from;
            f.to = to;
            f.amount = Money::from_pence(Pence(p));
            f.year = year;
            f.purpose = purpose;
            f.pointer = "/flows/" + std::to_string(m.flows.size());
            m.flows.push_back(std::move(f));
        };
        m.flows.reserve(kFlows);
        const Index nhse = add(m, "nhse", "nhs_england", Section::organisation);
        std::vector<std::vector<Index>> providers(kSystems), subs(kSystems);
        for (int s = 0; s < kSystems; ++s) {
            const std::string ics = "ics" + std::to_string(s);
            const Index icb = add(m, ics + ".icb", "icb", Section::organisation);
            const Index council = add(m, ics + ".council", "unitary_authority", Section::organisation);
            const Index pool = add(m, ics + ".pool", "pooled", Section::fund);
            std::vector<Index> places;
            for (int p = 0; p < kPlacesPerSystem; ++p)
                places.push_back(add(m, ics + ".place" + std::to_string(p) + ".sc", "sub_committee", Section::body));
            for (int k = 0; k < kProvidersPerSystem; ++k)
                providers[s].push_back(add(m, ics + ".provider" + std::to_string(k), k < 3 ? "nhs_trust" : "gp_practice",
                                           Section::organisation));
            for (int k = 0; k < kSubcontractorsPerSystem; ++k)
                subs[s].push_back(add(m, ics + ".vcse" + std::to_string(k), "vcse", Section::organisation));

            flow(nhse, icb, 400'000'000'000LL + pence(rng), "allocation");
            for (Index place : places) flow(icb, place, 50'000'000'000LL + pence(rng), "programme");
            flow(icb, pool, 800'000'000LL + pence(rng), "bcf");
            flow(council, pool, 200'000'000LL + pence(rng), "bcf");
            for (Index pr : providers[s]) {
                for (Index place : places)
                    for (const char* purpose : kPurposeNames) flow(place, pr, pence(rng), purpose);
                flow(pool, pr, 1'000'000 + pence(rng) % 1'000'000, "bcf");
            }
        }
        // Fill up to exactly kFlows with providers subcontracting to local VCSE organisations.
        std::uniform_int_distribution<int> sys(0, kSystems - 1), prov(0, kProvidersPerSystem - 1),
            sub(0, kSubcontractorsPerSystem - 1);
        while (m.flows.size() < kFlows) {
            const int s = sys(rng);
            flow(providers[s][static_cast<std::size_t>(prov(rng))], subs[s][static_cast<std::size_t>(sub(rng))],
                 1'000 + pence(rng) % 100'000, "subcontract");
        }
        const FlowGraph fg(m, year);
        for (Index v : fg.nodes())
            if (fg.inflow(v) > Money()) out.recipients.push_back(v);
        return out;
    }();
    return g;
}

void BM_allocate_lsoas(benchmark::State& state) {
    // Weights like LSOA populations (1,000-3,000 people) times a need index with 2 decimals.
    std::mt19937_64 rng(1);
    std::uniform_int_distribution<int> pop(1000, 3000), need(50, 250);
    std::vector<Ratio> weights;
    weights.reserve(kLsoas);
    for (int i = 0; i < kLsoas; ++i)
        weights.emplace_back(state.range(0) == 0 ? Ratio(pop(rng)) : Ratio(pop(rng)) * Ratio(need(rng), 100));
    const Money total = *Money::parse("152600000000.00");  // £152.6bn, about NHS England's 2023/24 budget
    for (auto _ : state) benchmark::DoNotOptimize(allocate(total, weights));
    state.SetItemsProcessed(state.iterations() * kLsoas);
    state.SetLabel(state.range(0) == 0 ? "integer weights" : "decimal weights (population x need)");
}
BENCHMARK(BM_allocate_lsoas)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_flow_graph(benchmark::State& state) {
    const Model& m = generated().model;
    for (auto _ : state) benchmark::DoNotOptimize(FlowGraph(m, FinancialYear{2023}));
    state.SetItemsProcessed(state.iterations() * static_cast<long long>(m.flows.size()));
}
BENCHMARK(BM_flow_graph)->Unit(benchmark::kMillisecond);

void BM_balances(benchmark::State& state) {
    const Model& m = generated().model;
    for (auto _ : state) benchmark::DoNotOptimize(balances(m, FinancialYear{2023}));
    state.SetItemsProcessed(state.iterations() * static_cast<long long>(m.flows.size()));
}
BENCHMARK(BM_balances)->Unit(benchmark::kMillisecond);

void BM_trace_every_recipient(benchmark::State& state) {
    const Generated& gen = generated();
    const FlowGraph g(gen.model, FinancialYear{2023});
    for (auto _ : state)
        for (Index v : gen.recipients) benchmark::DoNotOptimize(trace(g, v));
    state.SetItemsProcessed(state.iterations() * static_cast<long long>(gen.recipients.size()));
    state.SetLabel(std::to_string(gen.recipients.size()) + " recipients of " + std::to_string(g.nodes().size()) +
                   " nodes, graph built once");
}
BENCHMARK(BM_trace_every_recipient)->Unit(benchmark::kMillisecond);

void BM_flow_rules(benchmark::State& state) {
    const Model& m = generated().model;
    for (auto _ : state) benchmark::DoNotOptimize(flow_problems(m, FinancialYear{2023}));
    state.SetItemsProcessed(state.iterations() * static_cast<long long>(m.flows.size()));
}
BENCHMARK(BM_flow_rules)->Unit(benchmark::kMillisecond);

void BM_money_parse_print(benchmark::State& state) {
    const std::string text = "1234567.89";
    for (auto _ : state) {
        auto m = Money::parse(text);
        benchmark::DoNotOptimize(m->to_string());
    }
}
BENCHMARK(BM_money_parse_print);
}  // namespace

BENCHMARK_MAIN();

// The national model: the bundled `england` (33,755 LSOAs and the areas above them; 8,386
// organisations: 42 ICBs, 202 trusts, 317 councils and their electorates, 1,285 PCNs, 6,220 GP
// practices; 113 teams; 13,601 relations), and pbp import-ods building it from data/england.
#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/fair_shares.hpp"
#include "pbp/geography.hpp"
#include "pbp/import_ods.hpp"
#include "pbp/load.hpp"
#include "pbp/partners.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {
std::string_view england_text() { return *pbp::bundled_model("england"); }

const pbp::Model& england() {
    static const auto model = pbp::load_model(england_text()).model;
    return *model;
}

void BM_load_england(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(pbp::load_model(england_text()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * england_text().size()));
}
BENCHMARK(BM_load_england)->Unit(benchmark::kMillisecond);

void BM_load_and_validate_england(benchmark::State& state) {
    for (auto _ : state) {
        auto r = pbp::load_model(england_text());
        benchmark::DoNotOptimize(pbp::validate(*r.model));
    }
}
BENCHMARK(BM_load_and_validate_england)->Unit(benchmark::kMillisecond);

// accountability() of every organisation, one after another (8,386 queries).
void BM_accountability_every_organisation(benchmark::State& state) {
    const auto& m = england();
    std::vector<pbp::Index> orgs;
    for (pbp::Index i = 0; i < m.entities.size(); ++i)
        if (m.entities[i].section == pbp::Section::organisation) orgs.push_back(i);
    for (auto _ : state)
        for (pbp::Index i : orgs) benchmark::DoNotOptimize(pbp::accountability(m, i));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * orgs.size()));
}
BENCHMARK(BM_accountability_every_organisation)->Unit(benchmark::kMillisecond);

// Who must each of the 42 ICBs work with: one Footprints, 42 questions.
void BM_partners_every_icb(benchmark::State& state) {
    const auto& m = england();
    std::vector<std::string> icbs;
    for (const auto& e : m.entities)
        if (e.section == pbp::Section::organisation && e.kind == "icb") icbs.push_back(e.id);
    for (auto _ : state) {
        const pbp::Footprints fp(m, std::nullopt);
        for (const auto& id : icbs) benchmark::DoNotOptimize(pbp::partners(fp, id));
    }
}
BENCHMARK(BM_partners_every_icb)->Unit(benchmark::kMillisecond);

// The national table: every ICB against every upper-tier council area, footprints included.
void BM_coterminosity_icb_vs_upper_tier(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(pbp::coterminosity(england(), pbp::AreaSelection::of_kind("ics"),
                                                    pbp::AreaSelection::of_kind("local_authority")));
}
BENCHMARK(BM_coterminosity_icb_vs_upper_tier)->Unit(benchmark::kMillisecond);

// Fair shares of £100bn over all 33,755 LSOAs by population (need 1 where none is given), with
// and without a floor of £2.5m per LSOA (the mean share is about £2.96m, so the floor lifts the
// smaller LSOAs, round after round): exact pence that add up to the total.
void BM_fair_shares_every_lsoa(benchmark::State& state) {
    const pbp::Footprints fp(england(), std::nullopt);
    const pbp::Money total = *pbp::Money::parse("100000000000.00");
    std::optional<pbp::Money> floor;
    if (state.range(0)) floor = *pbp::Money::parse("2500000.00");
    for (auto _ : state)
        benchmark::DoNotOptimize(pbp::fair_shares(fp, total, pbp::AreaSelection::of_kind("lsoa"), floor));
}
BENCHMARK(BM_fair_shares_every_lsoa)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_report_england(benchmark::State& state) {
    const auto& m = england();
    const auto problems = pbp::validate(m);
    for (auto _ : state) benchmark::DoNotOptimize(pbp::report(m, problems));
}
BENCHMARK(BM_report_england)->Unit(benchmark::kMillisecond);

// pbp import-ods itself, from the registers in the source tree, on the bundled england-areas.
void BM_import_ods(benchmark::State& state) {
    const auto dir = std::filesystem::path(__FILE__).parent_path().parent_path() / "data" / "england";
    const pbp::OdsRegisters registers = pbp::read_ods_registers(dir);
    static const auto areas = pbp::load_model(*pbp::bundled_model("england-areas")).model;
    for (auto _ : state) benchmark::DoNotOptimize(pbp::import_ods(registers, *areas, "england"));
}
BENCHMARK(BM_import_ods)->Unit(benchmark::kMillisecond);
}  // namespace

BENCHMARK_MAIN();

// Geography on the real national map: the bundled england-areas model (33,755 LSOAs with their
// mid-2022 populations, 106 sub-ICB locations, 42 ICBs, 296 districts, 153 upper-tier councils).
#include "pbp/bundled.hpp"
#include "pbp/geography.hpp"
#include "pbp/import_areas.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

namespace {
std::string_view england_text() { return *pbp::bundled_model("england-areas"); }

const pbp::Model& england() {
    static const auto model = pbp::load_model(england_text()).model;
    return *model;
}

const pbp::Footprints& footprints() {
    static const pbp::Footprints fp(england(), std::nullopt);
    return fp;
}

std::string read(const char* path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// The merged lookup and the population file, as `pbp import-areas` reads them.
void BM_import_england_lookup(benchmark::State& state) {
    const std::string lookup = read(PBP_ENGLAND_LOOKUP), population = read(PBP_ENGLAND_POPULATION);
    for (auto _ : state) benchmark::DoNotOptimize(pbp::import_areas(lookup, population, "england-areas"));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (lookup.size() + population.size())));
}
BENCHMARK(BM_import_england_lookup)->Unit(benchmark::kMillisecond);

void BM_load_and_validate_england_areas(benchmark::State& state) {
    for (auto _ : state) {
        auto r = pbp::load_model(england_text());
        benchmark::DoNotOptimize(pbp::validate(*r.model));
    }
}
BENCHMARK(BM_load_and_validate_england_areas)->Unit(benchmark::kMillisecond);

// Every query shares one Footprints per day; this is its cost.
void BM_footprints_england(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(pbp::Footprints(england(), std::nullopt));
}
BENCHMARK(BM_footprints_england)->Unit(benchmark::kMillisecond);

void coterminosity(benchmark::State& state, const char* a, const char* b) {
    const auto& fp = footprints();
    for (auto _ : state)
        benchmark::DoNotOptimize(pbp::coterminosity(fp, pbp::AreaSelection::of_kind(a), pbp::AreaSelection::of_kind(b)));
}
// Target (issue 9): every sub-ICB location against every upper-tier authority in < 50 ms.
BENCHMARK_CAPTURE(coterminosity, sicbl_vs_upper_tier, "unit", "local_authority")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(coterminosity, lad_vs_icb, "district", "ics")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(coterminosity, icb_vs_upper_tier, "ics", "local_authority")->Unit(benchmark::kMillisecond);

void BM_respects_boundaries_lads_in_icbs(benchmark::State& state) {
    const auto& fp = footprints();
    for (auto _ : state)
        benchmark::DoNotOptimize(pbp::respects_boundaries(fp, pbp::AreaSelection::of_kind("district"),
                                                          pbp::AreaSelection::of_kind("ics")));
}
BENCHMARK(BM_respects_boundaries_lads_in_icbs)->Unit(benchmark::kMillisecond);
}  // namespace

BENCHMARK_MAIN();

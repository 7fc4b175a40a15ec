// Load + validate, accountability and decides on a generated England-size model.
#include "england_generator.hpp"

#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/delegation.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

#include <random>

namespace {
const std::string& england_text() {
    static const std::string text = boost::json::serialize(pbp::bench::generate_england());
    return text;
}
const pbp::Model& england() {
    static const auto model = pbp::load_model(england_text()).model;
    return *model;
}

void BM_load_and_validate_england(benchmark::State& state) {
    const std::string& text = england_text();
    for (auto _ : state) {
        auto r = pbp::load_model(text);
        auto ds = pbp::validate(*r.model);
        benchmark::DoNotOptimize(ds);
    }
    state.counters["entities"] = static_cast<double>(england().entities.size());
}
BENCHMARK(BM_load_and_validate_england)->Unit(benchmark::kMillisecond);

void BM_load_and_validate_nottinghamshire(benchmark::State& state) {
    const auto text = *pbp::bundled_model("nottinghamshire");
    for (auto _ : state) {
        auto r = pbp::load_model(text);
        benchmark::DoNotOptimize(pbp::validate(*r.model));
    }
}
BENCHMARK(BM_load_and_validate_nottinghamshire)->Unit(benchmark::kMicrosecond);

void BM_accountability(benchmark::State& state) {
    const pbp::Model& m = england();
    std::vector<pbp::Index> posts;
    for (pbp::Index i = 0; i < m.entities.size(); ++i)
        if (m.entities[i].section == pbp::Section::post || m.entities[i].kind == "gp_practice") posts.push_back(i);
    std::mt19937 rng(42);
    for (auto _ : state) benchmark::DoNotOptimize(pbp::accountability(m, posts[rng() % posts.size()]));
}
BENCHMARK(BM_accountability)->Threads(1)->Threads(2)->UseRealTime();

void BM_decides(benchmark::State& state) {
    const pbp::Model& m = england();
    std::mt19937 rng(7);
    for (auto _ : state) {
        int place = static_cast<int>(rng() % 180), fn = static_cast<int>(rng() % 10);
        benchmark::DoNotOptimize(pbp::decides(m, "icb" + std::to_string(place % 42) + ".fn" + std::to_string(fn),
                                              "place" + std::to_string(place)));
    }
}
BENCHMARK(BM_decides)->Threads(1)->Threads(2)->UseRealTime();
}  // namespace
BENCHMARK_MAIN();

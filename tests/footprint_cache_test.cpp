// FootprintCache: one Footprints per day, shared, bounded, safe from many threads.
#include "pbp/footprint_cache.hpp"
#include "pbp/load.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <thread>
#include <vector>

namespace {
// pb exists only from 2023: its leaf c moves the ICS's population between days.
constexpr const char* kCacheModel = R"({"format": "pbp/1", "name": "cache", "areas": [
  {"id": "ics", "kind": "ics"},
  {"id": "a", "kind": "lsoa", "within": ["ics"], "population": 100},
  {"id": "c", "kind": "lsoa", "within": ["ics"], "population": 7, "valid_from": "2023-01-01"}]})";

using pbp::test::day;
}  // namespace

TEST_CASE("footprint cache: one value per day, the same as computing it afresh") {
    const auto m = pbp::load_model(kCacheModel).model;
    REQUIRE(m);
    pbp::FootprintCache cache;
    const auto before = cache.get(*m, day("2022-06-01")), after = cache.get(*m, day("2023-06-01"));
    CHECK(cache.get(*m, day("2022-06-01")) == before);  // shared, not recomputed
    CHECK(cache.get(*m, day("2023-06-01")) == after);
    CHECK(before != after);
    const pbp::Index ics = m->find("ics").value();
    CHECK(before->population(ics) == pbp::Footprints(*m, day("2022-06-01")).population(ics));
    CHECK(before->population(ics) == 100);
    CHECK(after->population(ics) == 107);
    CHECK(cache.get(*m, std::nullopt)->population(ics) == 107);
}

TEST_CASE("footprint cache: keeps the most recently used days, at most its capacity") {
    const auto m = pbp::load_model(kCacheModel).model;
    REQUIRE(m);
    pbp::FootprintCache cache(2);
    const auto d1 = cache.get(*m, day("2022-01-01"));
    const auto d2 = cache.get(*m, day("2022-01-02"));
    CHECK(cache.get(*m, day("2022-01-01")) == d1);  // d1 is now the most recent
    cache.get(*m, day("2022-01-03"));               // evicts d2, the least recent
    CHECK(cache.get(*m, day("2022-01-01")) == d1);
    CHECK(cache.get(*m, day("2022-01-02")) != d2);
}

TEST_CASE("concurrency: eight threads share one footprint cache") {
    const auto m = pbp::load_model(kCacheModel).model;
    REQUIRE(m);
    pbp::FootprintCache cache;
    std::vector<std::shared_ptr<const pbp::Footprints>> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] {
            for (int k = 0; k < 50; ++k) seen[t] = cache.get(*m, day(k % 2 ? "2022-06-01" : "2023-06-01"));
        });
    for (auto& th : threads) th.join();
    // Every thread ended on 2022-06-01's value (k = 49), and all hold the one shared copy.
    for (const auto& s : seen) CHECK(s == seen.front());
    CHECK(seen.front()->population(m->find("ics").value()) == 100);
}

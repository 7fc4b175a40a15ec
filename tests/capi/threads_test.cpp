// One model, many threads (SPEC 4.2: "A model handle is immutable after loading and safe to
// query from many threads at once"). Each thread asks every kind of question many times and
// must get exactly the answers one thread got alone; each thread's last error is its own.
// Run under ThreadSanitizer by tests/capi/run-tsan.sh.
#include "capi_support.hpp"

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

using namespace capi_test;

namespace {
using Question = std::function<int(char**, const pbp_model*)>;

std::vector<Question> questions() {
    return {
        [](char** o, const pbp_model* m) { return pbp_model_accountability(o, m, "p1.director", nullptr, 0); },
        [](char** o, const pbp_model* m) { return pbp_model_decides(o, m, "fn", "p1", nullptr, 0); },
        [](char** o, const pbp_model* m) { return pbp_model_decides(o, m, "fn", "p1", "2023-01-01", PBP_PRETTY); },
        [](char** o, const pbp_model* m) { return pbp_model_authority(o, m, "fn", "p1", "200000.00", nullptr, 0); },
        [](char** o, const pbp_model* m) { return pbp_model_balances(o, m, "2023/24", 0); },
        [](char** o, const pbp_model* m) { return pbp_model_trace(o, m, "provider", "2023/24", 0); },
        [](char** o, const pbp_model* m) { return pbp_model_coterminosity(o, m, "place", "local_authority", nullptr, nullptr, 0); },
        [](char** o, const pbp_model* m) { return pbp_model_fair_shares(o, m, "1000.00", "place", nullptr, "450", nullptr, 0); },
        [](char** o, const pbp_model* m) { return pbp_model_validate(o, m, 0); },
        [](char** o, const pbp_model* m) { return pbp_model_export(o, m, "dot", nullptr); },
        [](char** o, const pbp_model* m) { return pbp_model_export(o, m, "json", nullptr); },
        [](char** o, const pbp_model* m) { return pbp_model_report(o, m, nullptr); },
#if PBP_TEST_HTML_REPORT
        [](char** o, const pbp_model* m) { return pbp_model_report_html(o, m, nullptr); },  // Graphviz, serialised
#endif
    };
}
}  // namespace

TEST_CASE("capi threads: many threads query one model and get the single-threaded answers") {
    Model m;
    load(m, "small.json");
    const auto qs = questions();
    std::vector<std::string> expected;
    for (const auto& q : qs) {
        Buffer b;
        REQUIRE_MESSAGE(q(b.out(), m.m) == PBP_OK, pbp_last_error());
        expected.push_back(b.str());
    }

    constexpr int kThreads = 8, kRounds = 25;
    std::atomic<int> mismatches{0}, failures{0}, error_mixups{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            const std::string stranger = "nobody-" + std::to_string(t);
            for (int r = 0; r < kRounds; ++r) {
                for (std::size_t i = 0; i < qs.size(); ++i) {
                    // Start each thread at a different question so that different queries overlap.
                    const std::size_t k = (i + static_cast<std::size_t>(t)) % qs.size();
                    char* out = nullptr;
                    if (qs[k](&out, m.m) != PBP_OK) ++failures;
                    else if (expected[k] != out) ++mismatches;
                    pbp_free(out);
                }
                // A failure on this thread is reported on this thread, whatever the others do.
                char* out = nullptr;
                if (pbp_model_accountability(&out, m.m, stranger.c_str(), nullptr, 0) != PBP_ERR_NOT_FOUND) ++failures;
                std::this_thread::yield();
                if (std::string(pbp_last_error()).find(stranger) == std::string::npos) ++error_mixups;
                if (pbp_last_error_code() != PBP_ERR_NOT_FOUND) ++error_mixups;
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    CHECK(mismatches == 0);
    CHECK(error_mixups == 0);
}

TEST_CASE("capi threads: models loaded and freed on several threads at once") {
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int r = 0; r < 5; ++r) {
                pbp_model* m = nullptr;
                if (pbp_model_load(&m, data("small.json").c_str()) != PBP_OK) ++failures;
                char* out = nullptr;
                if (pbp_model_decides(&out, m, "fn", "p1", nullptr, 0) != PBP_OK) ++failures;
                pbp_free(out);
                pbp_model_free(m);
            }
        });
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
}

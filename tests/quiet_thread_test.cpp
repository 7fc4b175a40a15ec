// Tests for src/quiet_thread.hpp: the threads pbp starts inside a call take no signals, so that
// a host program's handlers (R's, Python's) run on the host's own threads.
#include "quiet_thread.hpp"

#include <doctest/doctest.h>

#if defined(__unix__) || defined(__APPLE__)
#include <csignal>
#include <vector>

namespace {
sigset_t current_mask() {
    sigset_t mask;
    sigemptyset(&mask);
    pthread_sigmask(SIG_BLOCK, nullptr, &mask);
    return mask;
}
}  // namespace

TEST_CASE("quiet thread: the thread started blocks every signal, and the starting thread keeps its own mask") {
    // The starting thread blocks SIGUSR2 and nothing else of those checked: afterwards it must
    // still block exactly that.
    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    sigset_t saved;
    pthread_sigmask(SIG_BLOCK, &usr2, &saved);
    const std::vector<int> signals{SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGCHLD, SIGPROF, SIGALRM, SIGPIPE, SIGWINCH};
    sigset_t before = current_mask();

    sigset_t seen;
    sigemptyset(&seen);
    bool ran = false;
    pbp::detail::start_quiet_thread([&] {
        seen = current_mask();
        ran = true;
    }).join();
    REQUIRE(ran);
    for (int s : signals) {
        CAPTURE(s);
        CHECK(sigismember(&seen, s) == 1);
    }
    const sigset_t after = current_mask();
    for (int s : signals) {
        CAPTURE(s);
        CHECK(sigismember(&after, s) == sigismember(&before, s));
    }
    CHECK(sigismember(&after, SIGUSR2) == 1);
    CHECK(sigismember(&after, SIGINT) == 0);
    pthread_sigmask(SIG_SETMASK, &saved, nullptr);
}
#endif

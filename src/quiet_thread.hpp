// Threads the library starts for a moment inside one call. Internal to the library: not
// installed.
#pragma once

#include <thread>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <pthread.h>
#include <signal.h>
#endif

namespace pbp::detail {

/// Starts `f` on a new thread that takes no signals, and returns it (joined when destroyed).
///
/// Why: pbp lives inside other programs (R, Python, a service) whose signal handlers expect to
/// run on the program's own threads. A signal the kernel sent to the process may be delivered
/// to any thread that does not block it; R's handlers, for one, check the C stack of the thread
/// they run on and would find pbp's. So pbp's threads block every signal, and the program's
/// threads take them as if pbp had started none. The new thread inherits the mask of the
/// thread that starts it, so the mask is set for the moment of the start and then put back.
/// Throws std::system_error when no thread can be started (the caller then does the work
/// itself).
template <class F>
std::jthread start_quiet_thread(F&& f) {
#if defined(__unix__) || defined(__APPLE__)
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &before);
    struct Restore {
        const sigset_t* mask;
        ~Restore() { pthread_sigmask(SIG_SETMASK, mask, nullptr); }
    } restore{&before};
#endif
    return std::jthread(std::forward<F>(f));
}

}  // namespace pbp::detail

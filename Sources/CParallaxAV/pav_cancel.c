#include "pav_internal.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>

static atomic_int cancel_requested;

static void on_interrupt(int signal_number) {
    // A closed pipe repeats SIGPIPE on every write: it asks once and never ends us at once.
    if (atomic_exchange(&cancel_requested, 1) && signal_number != SIGPIPE) {
        // Second interrupt: stop waiting for a clean finish.
        signal(signal_number, SIG_DFL);
        raise(signal_number);
    }
}

void pav_install_interrupt_handler(void) {
    struct sigaction action = {0};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    // A closed terminal (SIGHUP) or a reader gone from our pipe (SIGPIPE) stops the job cleanly
    // too: by default both end the process and leave its temporary behind. Ignored ones stay
    // ignored (nohup).
    const int polite[] = {SIGHUP, SIGPIPE};
    for (size_t i = 0; i < sizeof polite / sizeof polite[0]; i++) {
        struct sigaction current;
        if (sigaction(polite[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN) continue;
        sigaction(polite[i], &action, NULL);
    }
    // A parent may start us with these blocked (Foundation's Process on Linux passes on its
    // worker thread's mask); blocked, they would stay pending and Ctrl-C would do nothing.
    // Threads started later (libavfilter's, libx264's) inherit this thread's mask.
    sigset_t interrupts;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    sigaddset(&interrupts, SIGHUP);
    pthread_sigmask(SIG_UNBLOCK, &interrupts, NULL);
}

void pav_request_cancel(void) { atomic_store(&cancel_requested, 1); }
void pav_reset_cancel(void) { atomic_store(&cancel_requested, 0); }
int pav_cancel_requested(void) { return atomic_load(&cancel_requested); }

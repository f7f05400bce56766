#include "pav_internal.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>

static atomic_int cancel_requested;

static void on_interrupt(int signal_number) {
    if (atomic_exchange(&cancel_requested, 1)) {
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
    // A parent may start us with these blocked (Foundation's Process on Linux passes on its
    // worker thread's mask); blocked, they would stay pending and Ctrl-C would do nothing.
    // Threads started later (libavfilter's, libx264's) inherit this thread's mask.
    sigset_t interrupts;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &interrupts, NULL);
}

void pav_request_cancel(void) { atomic_store(&cancel_requested, 1); }
void pav_reset_cancel(void) { atomic_store(&cancel_requested, 0); }
int pav_cancel_requested(void) { return atomic_load(&cancel_requested); }

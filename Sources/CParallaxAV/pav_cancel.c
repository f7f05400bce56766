#include "pav_internal.h"

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
}

void pav_request_cancel(void) { atomic_store(&cancel_requested, 1); }
void pav_reset_cancel(void) { atomic_store(&cancel_requested, 0); }
int pav_cancel_requested(void) { return atomic_load(&cancel_requested); }

#define _GNU_SOURCE
#include "pav_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

// posix_spawn cannot ask for a parent-death signal, so this forks and, in the child, calls only
// async-signal-safe functions before exec.
int pav_spawn(char *const argv[], int stdin_fd, int stdout_fd, const char *log_path,
              const int *close_fds, int close_count, int *child_pid, char *error, size_t error_size) {
    *child_pid = -1;
    int null_in = -1, null_out = -1;
    if (stdin_fd < 0) stdin_fd = null_in = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (stdout_fd < 0) stdout_fd = null_out = open("/dev/null", O_WRONLY | O_CLOEXEC);
    int log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    int report[2] = {-1, -1};
    int status = 0;
    if (stdin_fd < 0 || stdout_fd < 0 || log_fd < 0 || pipe2(report, O_CLOEXEC) != 0) {
        status = errno;
        snprintf(error, error_size, "cannot start %s: %s", argv[0], strerror(status));
        goto done;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        status = errno;
        snprintf(error, error_size, "cannot start %s: %s", argv[0], strerror(status));
        goto done;
    }
    if (pid == 0) {
        setpgid(0, 0);
#ifdef __linux__
        // Killed with us, even by SIGKILL. The signal follows the thread that forked: the
        // step loop spawns from the thread that runs it for the whole generation.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
#endif
        // Handlers end at exec anyway; what we ignore (SIGPIPE) would carry over.
        struct sigaction defaults;
        memset(&defaults, 0, sizeof defaults);
        defaults.sa_handler = SIG_DFL;
        const int ours[] = {SIGPIPE, SIGINT, SIGTERM, SIGHUP};
        for (size_t i = 0; i < sizeof ours / sizeof ours[0]; i++) sigaction(ours[i], &defaults, NULL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(log_fd, 2) < 0) goto failed;
        for (int i = 0; i < close_count; i++) close(close_fds[i]);
        execvp(argv[0], argv);
    failed:;
        int reason = errno;
        ssize_t ignored = write(report[1], &reason, sizeof reason);
        (void)ignored;
        _exit(127);
    }
    // Also set here, so the group exists before we might signal it.
    setpgid(pid, pid);
    close(report[1]);
    report[1] = -1;
    int reason = 0;
    ssize_t got;
    do { got = read(report[0], &reason, sizeof reason); } while (got < 0 && errno == EINTR);
    if (got == (ssize_t)sizeof reason) {
        waitpid(pid, NULL, 0);
        status = reason;
        snprintf(error, error_size, "cannot start %s: %s", argv[0], strerror(reason));
        goto done;
    }
    *child_pid = pid;
done:
    if (null_in >= 0) close(null_in);
    if (null_out >= 0) close(null_out);
    if (log_fd >= 0) close(log_fd);
    if (report[0] >= 0) close(report[0]);
    if (report[1] >= 0) close(report[1]);
    return status == 0 ? 0 : PAV_EINVALID;
}

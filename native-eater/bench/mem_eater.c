/*
 * The C reference for bench.sh: mem_eater.c's way (mmap anonymous private memory, write one word per page,
 * pause() until a signal), plus the MADV_POPULATE_WRITE variant, timed the way the Java eater times itself.
 *
 *   mem_eater MIB touch|populate
 *
 * stdout: {"phase":"ramp","tNs":N} once the first page is mapped (CLOCK_REALTIME, to compare with exec time),
 *         {"phase":"hold","fillMillis":F} once every page is resident. Exit 64 on a usage error, 72 when
 *         mmap or madvise fails, 0 on SIGTERM.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static long long now_ns(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void on_term(int sig) {
    (void) sig;
    _exit(0);
}

int main(int argc, char **argv) {
    if (argc != 3 || atol(argv[1]) <= 0 || (strcmp(argv[2], "touch") != 0 && strcmp(argv[2], "populate") != 0)) {
        fprintf(stderr, "usage: %s MIB touch|populate\n", argv[0]);
        return 64;
    }
    size_t size = (size_t) atol(argv[1]) << 20;
    long page = sysconf(_SC_PAGESIZE);
    signal(SIGTERM, on_term);

    char *memory = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
        fprintf(stderr, "mmap: %s\n", strerror(errno));
        return 72;
    }
    long long begin = now_ns(CLOCK_MONOTONIC);
    if (strcmp(argv[2], "populate") == 0) {
        printf("{\"phase\":\"ramp\",\"tNs\":%lld}\n", now_ns(CLOCK_REALTIME));
        fflush(stdout);
        if (madvise(memory, size, MADV_POPULATE_WRITE) != 0) {
            fprintf(stderr, "madvise: %s\n", strerror(errno));
            return 72;
        }
    } else {
        for (size_t at = 0; at < size; at += page) {
            *(volatile long *) (memory + at) = (long) at | 1;
            if (at == 0) {
                printf("{\"phase\":\"ramp\",\"tNs\":%lld}\n", now_ns(CLOCK_REALTIME));
                fflush(stdout);
                begin = now_ns(CLOCK_MONOTONIC);  /* the print is not part of the fill */
            }
        }
    }
    double millis = (now_ns(CLOCK_MONOTONIC) - begin) / 1e6;
    printf("{\"phase\":\"hold\",\"fillMillis\":%.3f}\n", millis);
    fflush(stdout);
    for (;;) {
        pause();
    }
}

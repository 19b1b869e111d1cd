/* launch OUT PROGRAM ARGS...: writes CLOCK_REALTIME in ns to OUT, then execs PROGRAM: "exec time" for bench.sh. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s OUT PROGRAM [ARGS...]\n", argv[0]);
        return 64;
    }
    FILE *out = fopen(argv[1], "w");
    if (out == NULL) {
        perror(argv[1]);
        return 73;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    fprintf(out, "%lld\n", ts.tv_sec * 1000000000LL + ts.tv_nsec);
    fclose(out);
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    return 127;
}

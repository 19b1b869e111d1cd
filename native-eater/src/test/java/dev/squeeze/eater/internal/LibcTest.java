package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real downcalls on small or impossible sizes: nothing here makes memory resident beyond a few MiB. */
class LibcTest {
    private static Libc libc;

    @BeforeAll
    static void link() {
        libc = new Libc();
    }

    @Test
    void maps_populates_locks_and_unmaps() {
        long size = 4L << 20;
        long address = libc.mmap(size);

        assertThat(address % 4096).isZero();
        assertThat(libc.madvise(address, size, Libc.MADV_POPULATE_WRITE)).isZero();
        libc.mlock(address, 1L << 20);
        libc.munmap(address, size);
    }

    @Test
    void madvise_returns_the_errno_captured_for_the_call() {
        long address = libc.mmap(1L << 20);
        try {
            assertThat(libc.madvise(address, 1L << 20, 9999)).isEqualTo(Errno.EINVAL);
            assertThat(libc.madvise(address + 1, 4096, Libc.MADV_POPULATE_WRITE)).isEqualTo(Errno.EINVAL);
        } finally {
            libc.munmap(address, 1L << 20);
        }
    }

    @Test
    void a_mapping_beyond_the_address_space_fails_with_enomem_by_name() {
        NativeCallException e = catchThrowableOfType(NativeCallException.class, () -> libc.mmap(1L << 60));

        assertThat(e.call()).isEqualTo("mmap");
        assertThat(e.errno()).isEqualTo(12);
        assertThat(e.errnoName()).isEqualTo("ENOMEM");
        assertThat(e).hasMessage("mmap of 1Ei failed: ENOMEM (12, Cannot allocate memory). The kernel refused to "
                + "reserve it: vm.overcommit_memory=2 (strict accounting) or `ulimit -v` is lower than --size; "
                + "try a smaller --size.");
    }

    @Test
    void munmap_of_an_unaligned_address_fails_with_einval() {
        NativeCallException e = catchThrowableOfType(NativeCallException.class, () -> libc.munmap(4097, 4096));

        assertThat(e.errnoName()).isEqualTo("EINVAL");
        assertThat(e).hasMessage("munmap of 4Ki failed: EINVAL (22, Invalid argument). The process exits anyway, "
                + "which releases it.");
    }

    @Test
    void errno_names() {
        assertThat(Errno.name(12)).isEqualTo("ENOMEM");
        assertThat(Errno.name(1)).isEqualTo("EPERM");
        assertThat(Errno.name(0)).isEqualTo("errno 0");
        assertThat(Errno.name(999)).isEqualTo("errno 999");
        assertThat(libc.describe(1)).isEqualTo("EPERM (1, Operation not permitted)");
    }
}

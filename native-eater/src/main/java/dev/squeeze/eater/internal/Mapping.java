package dev.squeeze.eater.internal;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * One private anonymous mapping and the ways to make its pages resident. Closing it unmaps it.
 * Internal: no compatibility promise.
 *
 * <pre>{@code
 * try (Mapping m = Mapping.map(new Libc(), 1L << 30, 4096)) {
 *     if (!m.populate(0, 1L << 20)) {     // false: the kernel predates MADV_POPULATE_WRITE
 *         m.touch(0, 1L << 20);
 *     }
 * }
 * }</pre>
 *
 * <p>The memory is reached through a {@link MemorySegment} of the mmap'd address, not an
 * {@code Arena.allocate}d one: an arena zeroes every byte and faults each page from user mode, and its
 * memory counts against {@code -XX:MaxDirectMemorySize}; mmap'd memory does neither.
 */
public final class Mapping implements AutoCloseable {
    private final Libc libc;
    private final long address;
    private final long size;
    private final long pageSize;
    private final MemorySegment memory;
    private boolean unmapped;

    private Mapping(Libc libc, long address, long size, long pageSize) {
        this.libc = libc;
        this.address = address;
        this.size = size;
        this.pageSize = pageSize;
        this.memory = MemorySegment.ofAddress(address).reinterpret(size);
    }

    /**
     * @param libc     the calls
     * @param size     bytes, a whole number of pages
     * @param pageSize the stride of {@link #touch}
     * @return the mapping; nothing of it is resident yet
     * @throws NativeCallException if mmap fails
     */
    public static Mapping map(Libc libc, long size, long pageSize) {
        return new Mapping(libc, libc.mmap(size), size, pageSize);
    }

    /** @return the size in bytes */
    public long size() {
        return size;
    }

    /**
     * Faults a range in with {@code madvise(MADV_POPULATE_WRITE)}, retrying while the kernel says EINTR or EAGAIN.
     *
     * @param offset page aligned
     * @param length bytes
     * @return true if populated; false if the kernel does not know MADV_POPULATE_WRITE (EINVAL: before 5.14)
     * @throws NativeCallException for any other errno (ENOMEM: the cgroup or the machine is full)
     */
    public boolean populate(long offset, long length) {
        int errno;
        do {
            errno = libc.madvise(address + offset, length, Libc.MADV_POPULATE_WRITE);
        } while (errno == Errno.EINTR || errno == Errno.EAGAIN);
        if (errno == Errno.EINVAL) {
            return false;
        }
        if (errno != 0) {
            throw new NativeCallException("madvise", errno, "madvise(MADV_POPULATE_WRITE) of "
                    + Quantities.format(length) + " at offset " + Quantities.format(offset) + " failed: "
                    + libc.describe(errno) + ". The machine or the cgroup ran out of memory before --size was filled.");
        }
        return true;
    }

    /**
     * Writes one long per page, as {@code mem_eater.c} does: one page fault per page, taken from user mode.
     *
     * @param offset page aligned
     * @param length bytes, at most 16 MiB
     */
    public void touch(long offset, long length) {
        // through a LongBuffer, not MemorySegment.set: the same speed once compiled, but 3x cheaper in the
        // interpreter (no VarHandle chain), which is where the recommended -Xint leaves this loop
        LongBuffer longs = memory.asSlice(offset, length).asByteBuffer().order(ByteOrder.nativeOrder()).asLongBuffer();
        int stride = (int) (pageSize / Long.BYTES);
        for (int i = 0; i < longs.limit(); i += stride) {
            // a distinct non-zero value: no zero-page or same-page merging can undo the fill
            longs.put(i, (offset + (long) i * Long.BYTES) | 1);
        }
    }

    /**
     * @param offset page aligned
     * @param length bytes, already resident
     * @throws NativeCallException if mlock fails
     */
    public void lock(long offset, long length) {
        libc.mlock(address + offset, length);
    }

    /** Unmaps, once; the pages go back to the kernel at once. */
    @Override
    public void close() {
        if (!unmapped) {
            unmapped = true;
            libc.munmap(address, size);
        }
    }
}

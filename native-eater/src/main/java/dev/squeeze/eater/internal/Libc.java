package dev.squeeze.eater.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

/**
 * The libc calls the eater makes, through {@link Linker#nativeLinker()} downcalls with errno captured.
 * Internal: no compatibility promise. Not thread-safe: one errno buffer, used by one thread at a time.
 *
 * <pre>{@code
 * Libc libc = new Libc();
 * long address = libc.mmap(1L << 30);                       // PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS
 * int errno = libc.madvise(address, 1L << 20, Libc.MADV_POPULATE_WRITE);   // 0 when it worked
 * libc.munmap(address, 1L << 30);
 * }</pre>
 *
 * <p>Only mmap and madvise are linked up front: they are on the path from exec to the first filled page,
 * and each downcall handle costs milliseconds to spin. munmap, mlock and strerror are linked on first use.
 */
public final class Libc {
    /** {@code MADV_POPULATE_WRITE} (Linux 5.14+): fault pages in writable, as a write to each would. */
    public static final int MADV_POPULATE_WRITE = 23;
    private static final int PROT_READ = 0x1;
    private static final int PROT_WRITE = 0x2;
    private static final int MAP_PRIVATE = 0x02;
    // 0x20 on x86-64 and arm64, the architectures Kubernetes nodes run; not on mips or sparc
    private static final int MAP_ANONYMOUS = 0x20;
    private static final long MAP_FAILED = -1L;

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET = CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));

    private final Linker linker = Linker.nativeLinker();
    private final MemorySegment callState = Arena.global().allocate(CALL_STATE);
    private final MethodHandle mmap;
    private final MethodHandle madvise;
    private MethodHandle munmap;
    private MethodHandle mlock;

    /**
     * Links mmap and madvise.
     *
     * @throws IllegalCallerException if native access is not enabled for this code
     */
    public Libc() {
        mmap = link("mmap", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        madvise = link("madvise", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    /**
     * Maps private anonymous read-write memory: nothing is resident until written or populated.
     *
     * @param length bytes, more than 0
     * @return the address of the mapping, page aligned
     * @throws NativeCallException if the kernel refuses
     */
    public long mmap(long length) {
        MemorySegment address;
        try {
            address = (MemorySegment) mmap.invokeExact(callState, MemorySegment.NULL, length,
                    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("mmap downcall failed", t);
        }
        if (address.address() == MAP_FAILED) {
            int errno = errno();
            throw new NativeCallException("mmap", errno, "mmap of " + Quantities.format(length) + " failed: "
                    + describe(errno) + ". " + (errno == 12
                    ? "The kernel refused to reserve it: vm.overcommit_memory=2 (strict accounting) or `ulimit -v` "
                            + "is lower than --size; try a smaller --size."
                    : "This is unexpected for a private anonymous mapping; please report it."));
        }
        return address.address();
    }

    /**
     * @param address page aligned, inside a mapping
     * @param length  bytes
     * @param advice  such as {@link #MADV_POPULATE_WRITE}
     * @return 0 when it worked, else the errno: the caller decides which ones are fatal
     */
    public int madvise(long address, long length, int advice) {
        int result;
        try {
            result = (int) madvise.invokeExact(callState, MemorySegment.ofAddress(address), length, advice);
        } catch (Throwable t) {
            throw new IllegalStateException("madvise downcall failed", t);
        }
        return result == 0 ? 0 : errno();
    }

    /**
     * @param address the address {@link #mmap} returned
     * @param length  the length given to it
     * @throws NativeCallException if the kernel refuses (it does not, for a mapping of our own)
     */
    public void munmap(long address, long length) {
        if (munmap == null) {
            munmap = link("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        }
        int result = callWithRange(munmap, "munmap", address, length);
        if (result != 0) {
            int errno = errno();
            throw new NativeCallException("munmap", errno, "munmap of " + Quantities.format(length) + " failed: "
                    + describe(errno) + ". The process exits anyway, which releases it.");
        }
    }

    /**
     * Locks already-resident pages in RAM, so that neither swap nor reclaim can take them.
     *
     * @param address page aligned, inside a mapping
     * @param length  bytes
     * @throws NativeCallException if the kernel refuses, typically for RLIMIT_MEMLOCK
     */
    public void mlock(long address, long length) {
        if (mlock == null) {
            mlock = link("mlock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        }
        int result = callWithRange(mlock, "mlock", address, length);
        if (result != 0) {
            int errno = errno();
            throw new NativeCallException("mlock", errno, "`--mlock` failed to lock " + Quantities.format(length)
                    + ": " + describe(errno) + ". Raise the limit (ulimit -l unlimited; in Kubernetes add the "
                    + "IPC_LOCK capability to the container's securityContext) or drop --mlock.");
        }
    }

    /**
     * @param errno an errno value
     * @return its name, number and libc's description, such as {@code ENOMEM (12, Cannot allocate memory)}
     */
    public String describe(int errno) {
        String text;
        try {
            MethodHandle strerror = linker.downcallHandle(linker.defaultLookup().find("strerror").orElseThrow(),
                    FunctionDescriptor.of(ADDRESS, JAVA_INT));
            MemorySegment message = (MemorySegment) strerror.invokeExact(errno);
            text = message.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return Errno.name(errno) + " (" + errno + ")";
        }
        return Errno.name(errno) + " (" + errno + ", " + text + ")";
    }

    /** Calls an {@code int f(void *address, size_t length)}, such as munmap and mlock. */
    private int callWithRange(MethodHandle function, String name, long address, long length) {
        try {
            return (int) function.invokeExact(callState, MemorySegment.ofAddress(address), length);
        } catch (Throwable t) {
            throw new IllegalStateException(name + " downcall failed", t);
        }
    }

    private int errno() {
        return callState.get(JAVA_INT, ERRNO_OFFSET);
    }

    private MethodHandle link(String name, FunctionDescriptor descriptor) {
        return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), descriptor,
                Linker.Option.captureCallState("errno"));
    }
}

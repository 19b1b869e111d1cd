package dev.squeeze.eater.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads {@code /proc}: the resident set, {@code MemTotal}/{@code MemAvailable}, the page size and the
 * cgroup membership of this process. Internal: no compatibility promise.
 *
 * <pre>{@code
 * ProcFs proc = new ProcFs(Path.of("/proc"));
 * proc.rssBytes();                  // OptionalLong[54525952]
 * ProcFs.vmRss(Files.readString(Path.of("/proc/1234/status")));   // another process
 * }</pre>
 *
 * @param root where {@code /proc} is mounted
 */
public record ProcFs(Path root) {
    /** {@code AT_PAGESZ} of {@code <elf.h>}: the auxiliary vector entry the kernel puts the page size in. */
    private static final long AT_PAGESZ = 6;
    private static final long FALLBACK_PAGE_SIZE = 4096;

    /** @return VmRSS of this process, empty if {@code status} cannot be read */
    public OptionalLong rssBytes() {
        try {
            return vmRss(Files.readString(root.resolve("self/status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * @return {@code /proc/meminfo}; {@code MemTotal} and {@code MemAvailable} are the host's even in a container
     * @throws IOException if it cannot be read
     */
    public MemInfo memInfo() throws IOException {
        String text = Files.readString(root.resolve("meminfo"));
        return new MemInfo(kibField(text, "MemTotal:").orElse(0), kibField(text, "MemAvailable:").orElse(0));
    }

    /** @return the contents of {@code /proc/self/cgroup}, empty if absent */
    public String selfCgroup() {
        try {
            return Files.readString(root.resolve("self/cgroup"));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The page size from the auxiliary vector: the stride for touching, known without a downcall (which
     * would cost milliseconds of linker set-up before the first mmap).
     *
     * @return the page size in bytes, 4096 if {@code /proc/self/auxv} cannot be read
     */
    public long pageSize() {
        try {
            ByteBuffer auxv = ByteBuffer.wrap(Files.readAllBytes(root.resolve("self/auxv"))).order(ByteOrder.nativeOrder());
            while (auxv.remaining() >= 16) {
                long type = auxv.getLong();
                long value = auxv.getLong();
                if (type == AT_PAGESZ && value > 0) {
                    return value;
                }
            }
        } catch (IOException e) {
            // fall through: every Linux this runs on in practice has 4 KiB pages
        }
        return FALLBACK_PAGE_SIZE;
    }

    /**
     * @param status the text of a {@code /proc/PID/status}
     * @return its VmRSS in bytes, empty if absent (a zombie, a kernel thread)
     */
    public static OptionalLong vmRss(String status) {
        return kibField(status, "VmRSS:");
    }

    /** Reads a "Name:   1234 kB" line as bytes. */
    static OptionalLong kibField(String text, String name) {
        int start = 0;
        if (!text.startsWith(name)) {
            int newline = text.indexOf("\n" + name);
            if (newline < 0) {
                return OptionalLong.empty();
            }
            start = newline + 1;
        }
        int i = start + name.length();
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        long kib = 0;
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            kib = kib * 10 + (text.charAt(i++) - '0');
        }
        return i == digits ? OptionalLong.empty() : OptionalLong.of(kib * 1024);
    }

    /**
     * Memory of the whole machine, as the kernel reports it.
     *
     * @param totalBytes     {@code MemTotal}
     * @param availableBytes {@code MemAvailable}: what can be allocated without swapping, page cache included
     */
    public record MemInfo(long totalBytes, long availableBytes) {
    }
}

package dev.squeeze.eater;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;

/**
 * The built jar as a child process, started the way squeeze-core starts it: {@code java <Squeeze-Java-Options
 * from its manifest> -jar squeeze-native-eater.jar ARGS}. Stdout lines are collected as they come.
 */
final class EaterProcess implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("squeeze.eater.jar", "target/squeeze-native-eater.jar"));

    private final Process process;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();
    private final Path stderr;

    private EaterProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(Arrays.asList(args));
        stderr = Files.createTempFile("eater", ".stderr");
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        Thread reader = new Thread(this::readStdout, "eater-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static EaterProcess start(String... args) throws IOException {
        return new EaterProcess(args);
    }

    /** @return the JVM flags the jar recommends for itself, as squeeze-core reads them */
    static List<String> javaOptions() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            String options = jar.getManifest().getMainAttributes().getValue("Squeeze-Java-Options");
            return options == null ? List.of() : Arrays.asList(options.trim().split("\\s+"));
        }
    }

    /**
     * Sends SIGTERM as the kubelet does. Through the {@link ProcessHandle}: {@link Process#destroy()} sends the
     * same signal but also closes our end of the pipes, and the {@code released} line would be lost.
     */
    void sigterm() {
        process.toHandle().destroy();
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /**
     * @return the first line, from now on or already seen, that matches
     * @throws AssertionError naming what was awaited, for how long, and the last line seen
     */
    String awaitLine(String description, Predicate<String> matches, Duration timeout) throws InterruptedException {
        for (String line : lines) {
            if (matches.test(line)) {
                return line;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            lines.add(line);
            if (matches.test(line)) {
                return line;
            }
        }
        throw new AssertionError(String.format("Expecting the eater (pid %d) to print %s within %s, but it did not."
                + "%nLast line: %s%nAlive: %s%nStderr: %s", process.pid(), description, timeout,
                lines.isEmpty() ? "(none)" : lines.getLast(), process.isAlive(), stderr()));
    }

    String awaitPhase(String phase, Duration timeout) throws InterruptedException {
        return awaitLine("a \"" + phase + "\" line", l -> l.contains("\"phase\":\"" + phase + "\""), timeout);
    }

    /** @return every stdout line, once the process has exited and its stdout is drained */
    List<String> allLines() throws InterruptedException {
        process.waitFor();
        awaitLine("the end of stdout", l -> l == END, Duration.ofSeconds(10));
        return lines.subList(0, lines.size() - 1);
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static final String END = new String("<end of stdout>");

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                pending.add(line);
            }
        } catch (IOException e) {
            pending.add("(stdout failed: " + e + ")");
        }
        pending.add(END);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }

    /** @return a numeric field of a JSON line, as printed */
    static String field(String line, String name) {
        int at = line.indexOf("\"" + name + "\":");
        if (at < 0) {
            throw new AssertionError("Expecting field \"" + name + "\" in line:\n  " + line);
        }
        int start = at + name.length() + 3;
        int end = start;
        while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != '}') {
            end++;
        }
        return line.substring(start, end);
    }

    /** @return a /proc/PID/status field in bytes, such as VmRSS */
    static long statusKib(long pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).replace("kB", "").trim()) * 1024;
            }
        }
        throw new AssertionError("no " + name + " in /proc/" + pid + "/status");
    }

    /** @return user + system CPU time of a process, in clock ticks (1/100 s) */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}

package dev.squeeze.eater;

import dev.squeeze.eater.internal.Eater;
import dev.squeeze.eater.internal.Host;
import dev.squeeze.eater.internal.HostFacts;
import dev.squeeze.eater.internal.LibcLoader;
import dev.squeeze.eater.internal.ProcFs;
import dev.squeeze.eater.internal.Reporter;
import dev.squeeze.eater.internal.Shutdown;
import dev.squeeze.eater.internal.Target;
import dev.squeeze.eater.internal.WorkstationGuard;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The eater's entry point: the pod's command line in, {@link ProgressLine}s out, an {@link ExitStatus} at the end.
 *
 * <pre>{@code
 * java -Xint -Xmx16m -Xmn512k -XX:+UseSerialGC -Xss256k -XX:-UsePerfData -XX:StringTableSize=1024 \
 *      -jar squeeze-native-eater.jar --size 2Gi --rate 100Mi/s --hold 5m
 * }</pre>
 *
 * <p>Those JVM flags are also in the jar's manifest, as {@code Squeeze-Java-Options}, for launchers to read;
 * the module README says what each one saves. See {@link EaterOptions#usage()} for the eater's own flags and
 * {@link ProgressLine} for the JSON lines.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the eater and exits the JVM with its {@link ExitStatus}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        // first: from here on a SIGTERM releases the memory and exits 0
        Shutdown shutdown = Shutdown.install();
        shutdown.exit(run(args, Host.live(), startNanos, shutdown, System.out, System.err).code());
    }

    static ExitStatus run(String[] args, Host host, long startNanos, Shutdown shutdown, PrintStream out,
                          PrintStream err) {
        if (EaterOptions.wantsHelp(args)) {
            out.print(EaterOptions.usage());
            return ExitStatus.OK;
        }
        LibcLoader libc = LibcLoader.start();
        try {
            EaterOptions options = EaterOptions.parse(args);
            HostFacts facts = HostFacts.read(host);
            Target target = Target.resolve(options.size(), facts);
            String guard = WorkstationGuard.check(target.bytes(), options.size().text(), options.iKnow(), facts);
            Reporter reporter = new Reporter(out, startNanos, new ProcFs(host.procRoot()), target.bytes());
            reporter.print(new ProgressLine.Start(reporter.snapshot(0), ProcessHandle.current().pid(), options,
                    target.basis(), target.basisBytes(), facts.pageSize(), guard));
            return new Eater(options, target.bytes(), facts.pageSize(), reporter, shutdown, err).run(libc.await());
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("Run with --help to see every flag.");
            return ExitStatus.USAGE;
        } catch (IOException e) {
            err.println("Cannot read " + host.procRoot().resolve("meminfo") + ": " + e.getMessage());
            return ExitStatus.INTERNAL;
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            return ExitStatus.INTERNAL;
        }
    }
}

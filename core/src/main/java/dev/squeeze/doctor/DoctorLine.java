package dev.squeeze.doctor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One capability of this machine as {@link Doctor} judges it.
 *
 * <pre>{@code
 * DoctorLine line = DoctorLine.willFail("docker", "the daemon runs rootless ...");
 * line.format();   // "docker     will fail: the daemon runs rootless ..."
 * }</pre>
 *
 * @param check  what was checked, one word: {@code docker}, {@code cgroup}, {@code swap}, ...
 * @param status the verdict
 * @param text   what was found; for {@link Status#DEGRADED} what is lost, for {@link Status#WILL_FAIL} why and the fix
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DoctorLine(String check, Status status, String text) {

    /** A verdict on one capability. */
    public enum Status {
        /** Works as designed. */
        OK("ok"),
        /** Works, with less: the text says what is lost. */
        DEGRADED("degraded"),
        /** A Squeeze node start fails here: the text says why and how to fix it. */
        WILL_FAIL("will fail");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** {@code ok}, {@code degraded} or {@code will fail}. */
        public String label() {
            return label;
        }
    }

    public static DoctorLine ok(String check, String text) {
        return new DoctorLine(check, Status.OK, text);
    }

    public static DoctorLine degraded(String check, String text) {
        return new DoctorLine(check, Status.DEGRADED, text);
    }

    public static DoctorLine willFail(String check, String text) {
        return new DoctorLine(check, Status.WILL_FAIL, text);
    }

    /** {@code swap       ok: ...}, {@code images     degraded: ...}. */
    public String format() {
        return String.format("%-11s%s: %s", check, status.label(), text);
    }
}

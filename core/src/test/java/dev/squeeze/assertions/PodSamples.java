package dev.squeeze.assertions;

import static dev.squeeze.report.ReportFixtures.t;

import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pod timelines for the pod assertion tests. */
final class PodSamples {

    private PodSamples() {
    }

    /** Ready until +31, OOM-killed and restarted there, NotReady until +52, Ready after. */
    static List<PodSample> oomKilledWeb(String name) {
        List<PodSample> samples = new ArrayList<>();
        for (int s = 0; s <= 66; s++) {
            samples.add(new PodSample(t(s), phase(s), "default", name, PodRole.WORKLOAD, "Running",
                    s < 31 || s >= 52, s >= 31 ? 1 : 0, s >= 31 ? "OOMKilled" : null, null, Map.of("app", "web")));
        }
        return samples;
    }

    /** Ready until the kubelet evicts it at +20. */
    static List<PodSample> evictedWeb(String name) {
        List<PodSample> samples = new ArrayList<>();
        for (int s = 0; s <= 25; s++) {
            boolean gone = s >= 20;
            samples.add(new PodSample(t(s), phase(s), "default", name, PodRole.WORKLOAD,
                    gone ? "Failed" : "Running", !gone, 0, gone ? "Evicted" : null, null, Map.of("app", "web")));
        }
        return samples;
    }

    private static Phase phase(int s) {
        return dev.squeeze.report.ReportFixtures.phaseAt(s);
    }
}

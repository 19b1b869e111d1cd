package dev.squeeze.junit5.internal;

import dev.squeeze.junit5.Workload;
import dev.squeeze.workload.WorkloadSpec;

import java.util.List;

/** Reads {@link Workload @Workload} into a {@link WorkloadSpec}. */
final class WorkloadReader {

    static final Subject SUBJECT = Subject.annotation(Workload.class, "");

    private WorkloadReader() {
    }

    static WorkloadSpec read(Workload workload, Problems problems) {
        return new WorkloadSpec(List.of(workload.manifests()), List.of(workload.readySelectors()),
                new Parsing(SUBJECT, problems).duration("readyTimeout", workload.readyTimeout())
                        .orElse(WorkloadSpec.DEFAULT_READY_TIMEOUT));
    }
}

package dev.squeeze.internal.pressure;

import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.QosClass;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HogTargetTest {

    private static final Node NODE = new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
            .withNewStatus()
            .addToCapacity("memory", new Quantity("2Gi"))
            .addToAllocatable("memory", new Quantity("1000Mi"))
            .endStatus().build();

    @Test
    void absolute_size_is_taken_as_is() {
        HogTarget t = HogTarget.resolve(HogSpec.of(HogSize.of(MemorySize.parse("1500Mi"))), NODE);

        assertThat(t.bytes()).isEqualTo(1500L << 20);
        assertThat(t.basis()).isEqualTo("absolute 1500Mi");
    }

    @Test
    void percent_of_allocatable_and_of_capacity_name_their_basis() {
        HogTarget alloc = HogTarget.resolve(HogSpec.of(HogSize.percentOf(120, SizeBasis.NODE_ALLOCATABLE)), NODE);
        HogTarget cap = HogTarget.resolve(HogSpec.of(HogSize.percentOf(50, SizeBasis.NODE_CAPACITY)), NODE);

        assertThat(alloc.bytes()).isEqualTo(1200L << 20);
        assertThat(alloc.describe()).isEqualTo("1.17 GiB (120.0% of node allocatable 1000.0 MiB)");
        assertThat(cap.bytes()).isEqualTo(1L << 30);
        assertThat(cap.basis()).contains("of node capacity 2.00 GiB");
    }

    @Test
    void percent_of_capacity_on_a_declared_node_is_of_the_declared_size() {
        HogTarget t = HogTarget.resolve(HogSpec.of(HogSize.percentOf(150, SizeBasis.NODE_CAPACITY)), NODE,
                MemorySize.parse("1Gi").bytes());

        assertThat(t.bytes()).isEqualTo(1536L << 20);
        assertThat(t.basis()).isEqualTo("150.0% of node capacity 1.00 GiB (declared; the kubelet reports 2.00 GiB)");
    }

    @Test
    void percent_of_hog_limit_needs_a_limit() {
        HogSpec limited = HogSpec.of(HogSize.percentOf(90, SizeBasis.HOG_LIMIT))
                .withQos(QosClass.BURSTABLE, MemorySize.parse("1000Mi"));
        HogSpec unlimited = HogSpec.of(HogSize.percentOf(90, SizeBasis.HOG_LIMIT));

        assertThat(HogTarget.resolve(limited, null).bytes()).isEqualTo(900L << 20);
        assertThatThrownBy(() -> HogTarget.resolve(unlimited, NODE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a hog memory limit, but the hog has none (BEST_EFFORT)");
    }

    @Test
    void a_node_without_memory_figures_is_reported_with_the_fix() {
        Node bare = new NodeBuilder().withNewMetadata().withName("bare").endMetadata().build();

        assertThatThrownBy(() -> HogTarget.resolve(HogSpec.of(HogSize.percentOf(50, SizeBasis.NODE_ALLOCATABLE)), bare))
                .hasMessageContaining("node bare reports no status.allocatable.memory")
                .hasMessageContaining("such as 1500Mi");
    }
}

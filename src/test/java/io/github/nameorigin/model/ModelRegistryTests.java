package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelRegistryTests {

    @Test
    void describesTheInstalledModelAndClosesTheOneItReplaces() {
        ModelRegistry registry = new ModelRegistry();
        assertThat(registry.description()).isEmpty();
        assertThatThrownBy(() -> registry.withClassifier(c -> c)).isInstanceOf(ModelNotReadyException.class);

        ServingModel first = model();
        ServingModel second = model();
        registry.install(first);
        assertThat(registry.state()).isEqualTo(ModelState.READY);
        assertDescribes(registry, first);

        registry.install(second);
        verify(first).close();
        verify(second, never()).close();
        assertDescribes(registry, second);

        registry.close();
        verify(second).close();
        assertThat(registry.description()).isEmpty();
    }

    private static void assertDescribes(ModelRegistry registry, ServingModel model) {
        ModelRegistry.Description live = registry.description().orElseThrow();
        assertThat(live.metadata()).isSameAs(model.metadata());
        assertThat(live.evaluation()).isSameAs(model.evaluation());
        assertThat(live.history()).isSameAs(model.history());
    }

    /** A model whose metadata, report and history are distinct objects of its own. */
    private static ServingModel model() {
        ServingModel model = mock(ServingModel.class);
        CheckpointMetadata metadata = mock(CheckpointMetadata.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        given(metadata.origins()).willReturn(List.of("Arabic"));
        given(model.metadata()).willReturn(metadata);
        given(model.evaluation()).willReturn(mock(EvaluationReport.class));
        given(model.history()).willReturn(new TrainingHistory(1, List.of(1.0), List.of()));
        return model;
    }
}

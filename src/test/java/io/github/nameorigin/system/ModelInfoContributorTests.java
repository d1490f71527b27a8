package io.github.nameorigin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.model.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

class ModelInfoContributorTests {

    private final ModelRegistry registry = mock(ModelRegistry.class);

    @SuppressWarnings("unchecked")
    private Map<String, Object> modelInfo() {
        Info.Builder builder = new Info.Builder();
        new ModelInfoContributor(registry).contribute(builder);
        return (Map<String, Object>) builder.build().get("model");
    }

    @Test
    void showsOnlyTheStateWithoutAModel() {
        given(registry.state()).willReturn(ModelState.TRAINING);
        given(registry.metadata()).willReturn(Optional.empty());

        assertThat(modelInfo()).containsExactly(Map.entry("state", "TRAINING"));
    }

    @Test
    void describesTheServedModel() {
        CheckpointMetadata metadata = mock(CheckpointMetadata.class);
        given(metadata.origins()).willReturn(List.of("Japanese", "German"));
        given(metadata.architecture()).willReturn(new NetworkSpec("gru", 128, 64, 1, true, 0.3f, 8192,
                64, 1, 0.35f));
        given(registry.state()).willReturn(ModelState.READY);
        given(registry.metadata()).willReturn(Optional.of(metadata));

        assertThat(modelInfo()).containsEntry("state", "READY").containsEntry("origins", List.of("Japanese", "German"))
                .containsEntry("refitOnAllNames", false).containsEntry("architecture", "gru")
                .containsEntry("hiddenSize", 128).containsEntry("linearWeight", 0.35f);
    }

    @Test
    void saysWhenTheServedNetworkWasRefittedOnAllNames() {
        CheckpointMetadata metadata = mock(CheckpointMetadata.class);
        given(metadata.refit()).willReturn(new CheckpointMetadata.Refit(15675, 16139));
        given(registry.state()).willReturn(ModelState.READY);
        given(registry.metadata()).willReturn(Optional.of(metadata));

        assertThat(modelInfo()).containsEntry("refitOnAllNames", true);
    }
}

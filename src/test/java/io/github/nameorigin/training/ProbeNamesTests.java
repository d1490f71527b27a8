package io.github.nameorigin.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;
import org.junit.jupiter.api.Test;

class ProbeNamesTests {

    @Test
    void takesTwoValidationNamesPerOriginAndTheSameForTheSameSplit() {
        NamesDataset dataset = NamesDataset.read(ModelTrainerTests.FIXTURE);
        DatasetSplit split = DatasetSplit.of(dataset, 0.3, 7);

        List<String> probes = ProbeNames.of(split, dataset.origins().size());

        List<String> validation = split.validation().stream().map(NamesDataset.LabelledName::name).toList();
        assertThat(validation).containsAll(probes);
        Map<Integer, Long> perOrigin = split.validation().stream().filter(n -> probes.contains(n.name()))
                .collect(Collectors.groupingBy(NamesDataset.LabelledName::primary, Collectors.counting()));
        assertThat(perOrigin).hasSize(dataset.origins().size());
        assertThat(perOrigin.values()).allMatch(count -> count <= ProbeNames.PER_ORIGIN);
        assertThat(probes).hasSizeGreaterThanOrEqualTo(dataset.origins().size());
        assertThat(ProbeNames.of(DatasetSplit.of(dataset, 0.3, 7), dataset.origins().size())).isEqualTo(probes);
    }
}

package io.github.nameorigin.training;

import java.nio.file.Path;
import java.util.List;

import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.CheckpointStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the checksum manifest and the probe names to a checkpoint written before them:
 * its probe names are the validation names of the split it was trained with (its seed, the default
 * validation share). Run once on the bundled checkpoint:
 * {@code java -cp ... io.github.nameorigin.training.ResealCheckpoint data/checkpoint ../shared/data/names}.
 */
final class ResealCheckpoint {

    private ResealCheckpoint() {
    }

    public static void main(String[] args) throws Exception {
        Path checkpoint = Path.of(args[0]);
        NamesDataset dataset = NamesDataset.read(Path.of(args[1]));
        double fraction = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        CheckpointStore store = new CheckpointStore();
        CheckpointMetadata metadata = JsonMapper.builder().build()
                .readValue(checkpoint.resolve("metadata.json").toFile(), CheckpointMetadata.class);
        if (!dataset.fingerprint().equals(metadata.datasetFingerprint())) {
            throw new IllegalArgumentException("The checkpoint was trained on another dataset");
        }
        List<String> probes = ProbeNames.of(DatasetSplit.of(dataset, fraction, metadata.trainingSeed()),
                dataset.origins().size());
        store.seal(checkpoint, probes);
        store.load(checkpoint).close();
        System.out.println("Sealed " + checkpoint + " with " + probes.size() + " probe names");
    }
}

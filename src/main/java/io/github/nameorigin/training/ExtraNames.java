package io.github.nameorigin.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;

/**
 * How names of other sources join a split: extra names are trained on unless they are validation
 * names of the dataset (so its held-back names stay unseen), and a held-out source is scored on
 * the names that neither the training nor the validation side has.
 */
final class ExtraNames {

    private ExtraNames() {
    }

    /**
     * The extra sources of a dataset, read.
     *
     * @param trained     the names of every source trained on, merged (null when none)
     * @param heldOut     the names of the held-out source (null when none)
     * @param heldOutName the held-out source's directory name (null when none)
     */
    record Sources(NamesDataset trained, NamesDataset heldOut, String heldOutName) {

        /** No extra names. */
        static final Sources NONE = new Sources(null, null, null);

        /**
         * Reads the extra directories for a dataset's origins.
         *
         * @param dataset       the base dataset
         * @param dirs          the extra directories, or null
         * @param heldOutSource the directory name of the one held out, or null
         * @return the sources
         * @throws IllegalArgumentException when {@code heldOutSource} names none of {@code dirs}
         */
        static Sources read(NamesDataset dataset, List<java.nio.file.Path> dirs, String heldOutSource) {
            if (dirs == null || dirs.isEmpty()) {
                if (heldOutSource != null) {
                    throw new IllegalArgumentException("held-out source " + heldOutSource + " is not an extra data dir");
                }
                return NONE;
            }
            NamesDataset trained = null;
            NamesDataset heldOut = null;
            for (java.nio.file.Path dir : dirs) {
                NamesDataset names = NamesDataset.readExtra(dir, dataset.origins());
                if (dir.getFileName().toString().equals(heldOutSource)) {
                    heldOut = names;
                } else {
                    trained = trained == null ? names : new NamesDataset(dataset.origins(),
                            NamesDataset.union(trained.names(), names.names()),
                            trained.fingerprint() + names.fingerprint(), trained.lines() + names.lines());
                }
            }
            if (heldOutSource != null && heldOut == null) {
                throw new IllegalArgumentException("held-out source " + heldOutSource + " is not an extra data dir");
            }
            return new Sources(trained, heldOut, heldOutSource);
        }
    }

    /** The split's training names plus the extra names that are not validation names. */
    static List<NamesDataset.LabelledName> trainingNames(DatasetSplit split, NamesDataset extra) {
        if (extra == null) {
            return split.train();
        }
        return NamesDataset.union(split.train(), without(extra.names(), keys(split.validation())));
    }

    /**
     * Every name a refit trains on: the split's both sides and the extra names. Not the held-out
     * source's: it stays unseen by the served network too, so that the served model can be
     * checked on it.
     */
    static List<NamesDataset.LabelledName> allNames(DatasetSplit split, NamesDataset extra) {
        List<NamesDataset.LabelledName> all = NamesDataset.union(split.train(), split.validation());
        if (extra != null) {
            all = NamesDataset.union(all, extra.names());
        }
        return all;
    }

    /**
     * The held-out source's names that are neither trained on nor validation names: the
     * cross-source check.
     */
    static List<NamesDataset.LabelledName> unseen(NamesDataset heldOut, List<NamesDataset.LabelledName> trained,
            List<NamesDataset.LabelledName> validation) {
        Set<String> seen = keys(trained);
        seen.addAll(keys(validation));
        return without(heldOut.names(), seen);
    }

    static Set<String> keys(List<NamesDataset.LabelledName> names) {
        Set<String> keys = new HashSet<>();
        for (NamesDataset.LabelledName name : names) {
            keys.add(name.key());
        }
        return keys;
    }

    private static List<NamesDataset.LabelledName> without(List<NamesDataset.LabelledName> names, Set<String> keys) {
        List<NamesDataset.LabelledName> kept = new ArrayList<>();
        for (NamesDataset.LabelledName name : names) {
            if (!keys.contains(name.key())) {
                kept.add(name);
            }
        }
        return kept;
    }
}

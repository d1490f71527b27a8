package io.github.nameorigin.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A train/validation split by distinct name: no name is on both sides. Stratified by each name's
 * primary origin so small origins are represented in validation, and deterministic for a seed.
 *
 * @param train      names to train on
 * @param validation names held out
 */
public record DatasetSplit(List<NamesDataset.LabelledName> train, List<NamesDataset.LabelledName> validation) {

    /**
     * Splits a dataset.
     *
     * @param dataset  the dataset
     * @param fraction share of each origin's names held out (at least one when it has two or more)
     * @param seed     the seed
     * @return the split
     */
    public static DatasetSplit of(NamesDataset dataset, double fraction, long seed) {
        List<List<NamesDataset.LabelledName>> byOrigin = new ArrayList<>();
        for (int i = 0; i < dataset.origins().size(); i++) {
            byOrigin.add(new ArrayList<>());
        }
        dataset.names().forEach(n -> byOrigin.get(n.primary()).add(n));
        Random random = new Random(seed);
        List<NamesDataset.LabelledName> train = new ArrayList<>();
        List<NamesDataset.LabelledName> validation = new ArrayList<>();
        for (List<NamesDataset.LabelledName> group : byOrigin) {
            Collections.shuffle(group, random);
            int held = group.size() < 2 ? 0 : Math.max(1, (int) Math.round(group.size() * fraction));
            validation.addAll(group.subList(0, held));
            train.addAll(group.subList(held, group.size()));
        }
        return new DatasetSplit(List.copyOf(train), List.copyOf(validation));
    }
}

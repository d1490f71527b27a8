package io.github.nameorigin.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.EvaluationReport;
import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.model.PredictionSetFitting;
import io.github.nameorigin.model.PredictionSets;
import io.github.nameorigin.dataset.NamesDataset;

/**
 * Scores a classifier on a dataset whose origins may differ from the model's: dataset origins are
 * matched to the model's by name (exactly, else ignoring case), names listed only under origins
 * the model does not know are skipped and counted, as are names with no character it knows.
 */
final class DatasetScorer {

    private DatasetScorer() {
    }

    /**
     * The report plus what had to be left out.
     *
     * @param report         scores of the names that could be scored
     * @param datasetNames   distinct names in the dataset
     * @param unusable       names skipped because the model knows none of their characters
     * @param unknownOrigins per dataset origin the model does not know, the names listed under it
     * @param unknownOnly    names skipped because every origin they are listed under is unknown
     * @param sets           coverage and mean size of the model's prediction sets on these names,
     *                       at each reported target; empty when the model has none
     */
    record Scored(EvaluationReport report, int datasetNames, int unusable, Map<String, Integer> unknownOrigins,
            int unknownOnly, List<PredictionSets.CoverageCheck> sets) {

        Scored(EvaluationReport report, int datasetNames, int unusable, Map<String, Integer> unknownOrigins,
                int unknownOnly) {
            this(report, datasetNames, unusable, unknownOrigins, unknownOnly, List.of());
        }
    }

    /**
     * Scores the classifier.
     *
     * @param dataset     the dataset
     * @param classifier  the model
     * @param temperature the model's temperature, for the report, or null
     * @param batchSize   names per forward pass
     * @return the report and the skip counts
     * @throws IllegalArgumentException when no name can be scored
     */
    static Scored score(NamesDataset dataset, OriginClassifier classifier, Double temperature, int batchSize) {
        List<String> modelOrigins = classifier.origins();
        int[] toModel = mapOrigins(dataset.origins(), modelOrigins);
        Map<String, Integer> unknown = new TreeMap<>();
        List<String> names = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        int unusable = 0;
        int unknownOnly = 0;
        for (NamesDataset.LabelledName name : dataset.names()) {
            int[] known = new int[name.labels().length];
            int n = 0;
            for (int label : name.labels()) {
                if (toModel[label] >= 0) {
                    known[n++] = toModel[label];
                } else {
                    unknown.merge(dataset.origins().get(label), 1, Integer::sum);
                }
            }
            if (n == 0) {
                unknownOnly++;
            } else if (!classifier.isUsable(name.name())) {
                unusable++;
            } else {
                names.add(name.name());
                gold.add(Arrays.copyOf(known, n));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No name of the dataset can be scored: " + unknownOnly
                    + " under unknown origins " + unknown.keySet() + ", " + unusable + " without a known character");
        }
        float[][] probabilities = new float[names.size()][];
        for (int from = 0; from < names.size(); from += batchSize) {
            int to = Math.min(names.size(), from + batchSize);
            float[][] batch = classifier.predict(names.subList(from, to));
            System.arraycopy(batch, 0, probabilities, from, to - from);
        }
        EvaluationReport report = Evaluator.evaluate(modelOrigins, probabilities, gold, null, temperature);
        List<PredictionSets.CoverageCheck> checks = new ArrayList<>();
        PredictionSets sets = classifier.predictionSets();
        if (sets != null) {
            for (double target : PredictionSetFitting.TARGETS) {
                checks.add(PredictionSetFitting.measure(sets, probabilities, gold, target));
            }
        }
        return new Scored(report, dataset.names().size(), unusable, unknown, unknownOnly, List.copyOf(checks));
    }

    private static int[] mapOrigins(List<String> datasetOrigins, List<String> modelOrigins) {
        Map<String, Integer> exact = new HashMap<>();
        Map<String, Integer> folded = new HashMap<>();
        for (int i = 0; i < modelOrigins.size(); i++) {
            exact.put(modelOrigins.get(i), i);
            folded.putIfAbsent(modelOrigins.get(i).toLowerCase(Locale.ROOT), i);
        }
        int[] map = new int[datasetOrigins.size()];
        for (int i = 0; i < map.length; i++) {
            String origin = datasetOrigins.get(i);
            Integer index = exact.get(origin);
            if (index == null) {
                index = folded.get(origin.toLowerCase(Locale.ROOT));
            }
            map[i] = index == null ? -1 : index;
        }
        return map;
    }
}

package io.github.nameorigin.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.nameorigin.dataset.DatasetSplit;
import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.CharacterLanguageModel;
import io.github.nameorigin.model.NameNormalizer;
import io.github.nameorigin.model.NgramLogisticRegression;
import io.github.nameorigin.model.ScriptEvidence;
import io.github.nameorigin.model.ScriptReader;

/**
 * Experiment runner (not a test) for the "none of these" signal, with the linear member standing
 * in for the served mix (it trains in seconds, so origins can be left out in turn).
 *
 * <p>Usage: {@code UnknownExperiment <dataDir> <extraDir,...> <otherLanguagesDir,...> <seed>}.
 * Part 1 leaves origins out in turn (six rounds of three), trains the character language model
 * and the member without them, and scores the left-out origins' names (unknown) against the
 * validation names of the kept ones (known): AUROC of each feature. Part 2 trains on everything
 * and scores each other-language list against the validation names.
 */
public final class UnknownExperiment {

    private UnknownExperiment() {
    }

    /** One name's features: surprisal, 1 - max member probability, and whether it is unknown. */
    record Row(double surprisal, double doubt, boolean unknown, double best) {
    }

    public static void main(String[] args) throws IOException {
        NamesDataset dataset = NamesDataset.read(Path.of(args[0]));
        List<NamesDataset.LabelledName> extra = new ArrayList<>();
        for (String dir : args[1].split(",")) {
            extra = NamesDataset.union(extra, NamesDataset.readExtra(Path.of(dir), dataset.origins()).names());
        }
        long seed = Long.parseLong(args[3]);
        DatasetSplit split = DatasetSplit.of(dataset, 0.1, seed);
        NamesDataset extraSet = new NamesDataset(dataset.origins(), extra, "", 0);
        List<NamesDataset.LabelledName> train = ExtraNames.trainingNames(split, extraSet);
        int k = dataset.origins().size();
        List<Row> rows = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            int r = round;
            java.util.Set<Integer> out = java.util.Set.of(r, r + 6, r + 12);
            List<NamesDataset.LabelledName> kept = train.stream()
                    .filter(n -> Arrays.stream(n.labels()).noneMatch(out::contains)).toList();
            Model m = Model.train(kept, k, seed);
            List<Row> roundRows = new ArrayList<>();
            for (NamesDataset.LabelledName n : split.validation()) {
                boolean unknown = Arrays.stream(n.labels()).allMatch(out::contains);
                boolean known = Arrays.stream(n.labels()).noneMatch(out::contains);
                if (known || unknown) {
                    roundRows.add(m.row(n.spelling(), unknown));
                }
            }
            // the left-out origins' training names are unseen too: more unknown examples
            for (NamesDataset.LabelledName n : train) {
                if (Arrays.stream(n.labels()).allMatch(out::contains)) {
                    roundRows.add(m.row(n.spelling(), true));
                }
            }
            StringBuilder names = new StringBuilder();
            out.forEach(o -> names.append(dataset.origins().get(o)).append(' '));
            System.out.printf("LOO round %d out=[%s] %s%n", round, names.toString().strip(), auroc(roundRows));
            rows.addAll(roundRows);
        }
        System.out.printf("LOO pooled %s%n", auroc(rows));
        fit(rows);
        Model all = Model.train(train, k, seed);
        List<Row> known = new ArrayList<>();
        for (NamesDataset.LabelledName n : split.validation()) {
            known.add(all.row(n.spelling(), false));
        }
        ScriptReader reader = new ScriptReader();
        ScriptEvidence evidence = new ScriptEvidence();
        List<Row> pooled = new ArrayList<>(known);
        for (String dir : args[2].split(",")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.sorted().toList()) {
                    List<Row> lang = new ArrayList<>(known);
                    int foreign = 0;
                    int total = 0;
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (line.isBlank()) {
                            continue;
                        }
                        ScriptReader.Reading reading = reader.read(line.strip());
                        total++;
                        if (evidence.isForeign(reading)) {
                            foreign++;
                            continue;
                        }
                        if (NameNormalizer.normalize(reading.latin()).isEmpty()) {
                            continue;
                        }
                        Row row = all.row(NameNormalizer.spelling(reading.latin()), true);
                        lang.add(row);
                        pooled.add(row);
                    }
                    System.out.printf("OTHER %s/%s n=%d foreignScript=%d %s%n", Path.of(dir).getFileName(),
                            file.getFileName(), total, foreign, auroc(lang));
                }
            }
        }
        System.out.printf("OTHER pooled (Latin-read names only) %s%n", auroc(pooled));
        dump(pooled, Path.of("target-exp/unknown-rows.tsv"));
        dump(rows, Path.of("target-exp/unknown-loo-rows.tsv"));
    }

    private static void dump(List<Row> rows, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            sb.append(r.surprisal()).append('\t').append(r.doubt()).append('\t').append(r.unknown() ? 1 : 0)
                    .append('\t').append(r.best()).append('\n');
        }
        Files.writeString(file, sb);
    }

    /** Logistic regression of unknown on the two features, by plain gradient descent. */
    private static void fit(List<Row> rows) {
        double a = 0;
        double b = 0;
        double c = 0;
        for (int it = 0; it < 3000; it++) {
            double ga = 0;
            double gb = 0;
            double gc = 0;
            for (Row r : rows) {
                double p = 1 / (1 + Math.exp(-(a + b * r.surprisal() + c * r.doubt())));
                double e = p - (r.unknown() ? 1 : 0);
                ga += e;
                gb += e * r.surprisal();
                gc += e * r.doubt();
            }
            a -= 0.5 * ga / rows.size();
            b -= 0.5 * gb / rows.size();
            c -= 0.5 * gc / rows.size();
        }
        double fa = a;
        double fb = b;
        double fc = c;
        System.out.printf("FIT a=%.3f b=%.3f c=%.3f AUROC=%.4f%n", a, b, c,
                auroc(rows, r -> fa + fb * r.surprisal() + fc * r.doubt()));
    }

    static String auroc(List<Row> rows) {
        return "n=%d unknown=%d AUROC surprisal=%.4f doubt=%.4f sum=%.4f best=%.4f best+doubt=%.4f".formatted(rows.size(),
                rows.stream().filter(Row::unknown).count(), auroc(rows, Row::surprisal), auroc(rows, Row::doubt),
                auroc(rows, r -> r.surprisal() + 3 * r.doubt()), auroc(rows, Row::best),
                auroc(rows, r -> r.best() + 3 * r.doubt()));
    }

    static double auroc(List<Row> rows, java.util.function.ToDoubleFunction<Row> score) {
        List<double[]> s = new ArrayList<>();
        for (Row r : rows) {
            s.add(new double[] {score.applyAsDouble(r), r.unknown() ? 1 : 0});
        }
        s.sort((x, y) -> Double.compare(x[0], y[0]));
        double pos = 0;
        double neg = 0;
        double rankSum = 0;
        for (int i = 0; i < s.size(); ) {
            int j = i;
            while (j < s.size() && s.get(j)[0] == s.get(i)[0]) {
                j++;
            }
            double rank = (i + j + 1) / 2.0;
            for (int t = i; t < j; t++) {
                if (s.get(t)[1] == 1) {
                    rankSum += rank;
                    pos++;
                } else {
                    neg++;
                }
            }
            i = j;
        }
        return (rankSum - pos * (pos + 1) / 2) / (pos * neg);
    }

    /** The language model and the member trained on the same names. */
    record Model(CharacterLanguageModel lm, NgramLogisticRegression member, List<CharacterLanguageModel> perOrigin) {

        static Model train(List<NamesDataset.LabelledName> names, int classes, long seed) {
            List<String> spellings = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (NamesDataset.LabelledName n : names) {
                for (NamesDataset.Listing l : n.listings()) {
                    spellings.add(l.spelling());
                    labels.add(l.label());
                }
            }
            List<CharacterLanguageModel> perOrigin = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                List<String> of = new ArrayList<>();
                for (int i = 0; i < spellings.size(); i++) {
                    if (labels.get(i) == c) {
                        of.add(spellings.get(i));
                    }
                }
                if (!of.isEmpty()) {
                    perOrigin.add(CharacterLanguageModel.train(of));
                }
            }
            return new Model(CharacterLanguageModel.train(spellings), NgramLogisticRegression.train(spellings,
                    labels.stream().mapToInt(Integer::intValue).toArray(), classes, seed), perOrigin);
        }

        Row row(String spelling, boolean unknown) {
            float[] lp = member.logProbabilities(spelling);
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (float v : lp) {
                max = Math.max(max, v);
            }
            for (float v : lp) {
                sum += Math.exp(v - max);
            }
            double best = Double.POSITIVE_INFINITY;
            for (CharacterLanguageModel o : perOrigin) {
                best = Math.min(best, o.surprisal(spelling));
            }
            return new Row(lm.surprisal(spelling), 1 - 1 / sum, unknown, best);
        }
    }
}

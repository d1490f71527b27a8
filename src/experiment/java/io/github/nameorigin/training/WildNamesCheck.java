package io.github.nameorigin.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.nameorigin.dataset.NamesDataset;
import io.github.nameorigin.model.LoadedModel;
import io.github.nameorigin.model.OriginPrior;
import io.github.nameorigin.model.ScriptEvidence;
import io.github.nameorigin.model.ScriptReader;

/**
 * Scores a validated model the way the service answers (script read, prior, script evidence,
 * unknown score) on names it did not train on: native-script names, known-origin names (the
 * validation names and the held-out source's unseen names) against other-language lists. Writes
 * one row per name to {@code target-exp/wild-rows.tsv}: group, list, gold-or-unknown, the top
 * origin, unknown score, top probability, script.
 */
final class WildNamesCheck {

    private final LoadedModel model;
    private final ScriptReader reader = new ScriptReader();
    private final ScriptEvidence evidence = new ScriptEvidence();
    private final StringBuilder rows = new StringBuilder();

    WildNamesCheck(LoadedModel model) {
        this.model = model;
    }

    /** Scores the names of one list; gold is the origin, or null for names of another language. */
    void score(String group, String list, List<String> names, List<String> gold, OriginPrior prior) {
        List<ScriptReader.Reading> readings = new ArrayList<>();
        List<String> latin = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ScriptReader.Reading r = reader.read(names.get(i).strip());
            if (model.isUsable(r.latin())) {
                readings.add(r);
                latin.add(r.latin());
                kept.add(gold == null ? null : gold.get(i));
            }
        }
        if (latin.isEmpty()) {
            return;
        }
        float[][] p = model.predict(latin);
        double[] unknown = model.unknownScores(latin, p);
        for (int i = 0; i < p.length; i++) {
            float top = 0;
            for (float v : p[i]) {
                top = Math.max(top, v);
            }
            float[] q = p[i].clone();
            prior.apply(q, model.metadata().trainingPrior());
            evidence.apply(readings.get(i), model.origins(), q);
            int best = 0;
            for (int c = 1; c < q.length; c++) {
                if (q[c] > q[best]) {
                    best = c;
                }
            }
            double score = evidence.isForeign(readings.get(i)) ? 1.0
                    : evidence.identifiesOrigin(readings.get(i)) ? 1 - q[best] : unknown[i];
            rows.append(group).append('\t').append(list).append('\t').append(kept.get(i) == null ? "?" : kept.get(i))
                    .append('\t').append(model.origins().get(best)).append('\t').append(score).append('\t').append(top)
                    .append('\t').append(readings.get(i).script()).append('\n');
        }
    }

    /** Every {@code <name>.txt} of a directory: gold is the file name when {@code labelled}. */
    void scoreDir(String group, Path dir, boolean labelled, OriginPrior prior) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String list = file.getFileName().toString().replace(".txt", "");
                List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank()).toList();
                score(group, list, names, labelled ? names.stream().map(n -> list).toList() : null, prior);
            }
        }
    }

    /** Labelled names (gold = the primary origin). */
    void scoreNames(String group, List<NamesDataset.LabelledName> names, OriginPrior prior) {
        score(group, group, names.stream().map(NamesDataset.LabelledName::name).toList(),
                names.stream().map(n -> model.origins().get(n.primary())).toList(), prior);
    }

    void write(Path file) throws IOException {
        Files.writeString(file, rows);
    }
}

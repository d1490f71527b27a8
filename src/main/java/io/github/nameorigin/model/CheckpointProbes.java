package io.github.nameorigin.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code probes.json}: a few dozen names with the probabilities the model gave them when it was
 * saved, keyed by origin. A load runs them again and refuses the checkpoint unless every
 * probability comes back within {@link #TOLERANCE}: checksums show that files are unchanged since
 * the manifest was written, the probes show that the files together still make the model that was
 * saved (an origin list in another order, another vocabulary or other parameters all change them).
 *
 * @param tolerance largest accepted difference of one probability
 * @param probes    the names and their saved probabilities
 */
public record CheckpointProbes(double tolerance, List<Probe> probes) {

    /**
     * Largest accepted difference of a probability: a reload on the same machine gives the same
     * bits, another CPU may round differently in the last places.
     */
    public static final double TOLERANCE = 1e-3;

    /**
     * One name and what the model said of it.
     *
     * @param name          the name as given to the model
     * @param probabilities calibrated probability per origin
     */
    public record Probe(String name, Map<String, Float> probabilities) {
    }

    /**
     * Records what a model says of some names.
     *
     * @param model the model
     * @param names the names; those the model cannot read are left out
     * @return the probes
     */
    public static CheckpointProbes record(OriginClassifier model, List<String> names) {
        List<String> usable = names.stream().filter(model::isUsable).distinct().toList();
        float[][] probabilities = usable.isEmpty() ? new float[0][] : model.predict(usable);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            probes.add(new Probe(usable.get(i), byOrigin(model.origins(), probabilities[i])));
        }
        return new CheckpointProbes(TOLERANCE, List.copyOf(probes));
    }

    /**
     * Runs the probes again and describes the first that does not match.
     *
     * @param model the model as loaded
     * @return what differs, or null when every probe matches
     */
    public String mismatch(OriginClassifier model) {
        if (probes == null || probes.isEmpty()) {
            return "it has no probe names";
        }
        List<String> names = probes.stream().map(Probe::name).toList();
        for (String name : names) {
            if (!model.isUsable(name)) {
                return "probe name '" + name + "' has no character the model knows";
            }
        }
        float[][] probabilities = model.predict(names);
        for (int i = 0; i < probes.size(); i++) {
            Map<String, Float> now = byOrigin(model.origins(), probabilities[i]);
            Map<String, Float> saved = probes.get(i).probabilities();
            if (!now.keySet().equals(saved.keySet())) {
                return "the origins " + now.keySet() + " differ from the probes' " + saved.keySet();
            }
            for (Map.Entry<String, Float> entry : saved.entrySet()) {
                float current = now.get(entry.getKey());
                if (!(Math.abs(current - entry.getValue()) <= tolerance)) {
                    return "probe '" + names.get(i) + "' now gives " + entry.getKey() + " " + current
                            + " where the saved model gave " + entry.getValue();
                }
            }
        }
        return null;
    }

    private static Map<String, Float> byOrigin(List<String> origins, float[] probabilities) {
        Map<String, Float> map = new LinkedHashMap<>();
        for (int c = 0; c < origins.size(); c++) {
            map.put(origins.get(c), probabilities[c]);
        }
        return map;
    }
}

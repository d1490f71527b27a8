package io.github.nameorigin.model;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * A deterministic stand-in for the network, shared by the tests of every package. A rule picks
 * each name's top origin, which gets 0.6; the others share 0.4 in decreasing amounts, in a fixed
 * rotation after the top one. Records every predict call (names and thread) so tests can see how
 * names were batched. Predicting a name the fake finds unusable fails, as the real model does.
 */
public class FakeClassifier implements OriginClassifier {

    /** The origins of {@link #FakeClassifier()}. */
    public static final List<String> ORIGINS = List.of("Japanese", "German", "English", "Italian", "Arabic");
    private static final Map<String, Integer> KNOWN = Map.of("Nakamura", 0, "Schmidt", 1, "Smith", 2, "Rossi", 3,
            "Haddad", 4);

    private final List<String> origins;
    private final ToIntFunction<String> rule;
    private final Predicate<String> usable;
    private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    private volatile PredictionSets predictionSets;
    private final Map<String, TopLabelCalibration> priorMaps = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Five origins: a few known surnames get their real origin on top, any other name origin
     * {@code length % 5}; a name is usable when it has a letter.
     */
    public FakeClassifier() {
        this(ORIGINS, FakeClassifier::topIndex, name -> name.chars().anyMatch(Character::isLetter));
    }

    /**
     * A fake over other origins.
     *
     * @param origins the labels
     * @param rule    the index of a name's top origin
     * @param usable  which names can be scored
     */
    public FakeClassifier(List<String> origins, ToIntFunction<String> rule, Predicate<String> usable) {
        this.origins = List.copyOf(origins);
        this.rule = rule;
        this.usable = usable;
    }

    /**
     * Serves this calibration map for answers under a named mix from now on.
     *
     * @param prior the mix's name
     * @param map   the map
     */
    public void priorCalibration(String prior, TopLabelCalibration map) {
        priorMaps.put(prior, map);
    }

    @Override
    public TopLabelCalibration priorCalibration(String prior) {
        return priorMaps.get(prior);
    }

    /** The fake's vocabulary lacks the Turkish dotless i, as the real one does. */
    @Override
    public boolean hasUnseenLetter(String spelling) {
        return spelling.indexOf('ı') >= 0;
    }

    /** Names that look like none of the origins to this fake: those with a "q" in them. */
    @Override
    public double[] unknownScores(List<String> names, float[][] probabilities) {
        return names.stream().mapToDouble(n -> n.toLowerCase(java.util.Locale.ROOT).contains("q") ? 0.9 : 0.1)
                .toArray();
    }

    /**
     * The top origin {@link #FakeClassifier()} gives a name.
     *
     * @param name the name
     * @return its index in {@link #ORIGINS}
     */
    public static int topIndex(String name) {
        return KNOWN.getOrDefault(name, name.length() % ORIGINS.size());
    }

    /**
     * The top origin {@link #FakeClassifier()} gives a name.
     *
     * @param name the name
     * @return its label
     */
    public static String topOrigin(String name) {
        return ORIGINS.get(topIndex(name));
    }

    /**
     * Serves these prediction sets from now on.
     *
     * @param sets the sets; null for none, as an old checkpoint
     */
    public void predictionSets(PredictionSets sets) {
        this.predictionSets = sets;
    }

    /**
     * Makes a mocked registry serve this fake as the given store version.
     *
     * @param registry a Mockito mock of the registry
     * @param version  the version id answers name
     */
    public void servedBy(ModelRegistry registry, String version) {
        given(registry.withClassifier(any())).willAnswer(
                call -> call.<Function<OriginClassifier, Object>>getArgument(0).apply(this));
        given(registry.withVersionedClassifier(any())).willAnswer(
                call -> call.<BiFunction<OriginClassifier, String, Object>>getArgument(0).apply(this, version));
    }

    @Override
    public PredictionSets predictionSets() {
        return predictionSets;
    }

    @Override
    public List<String> origins() {
        return origins;
    }

    @Override
    public boolean isUsable(String name) {
        return usable.test(name);
    }

    @Override
    public float[][] predict(List<String> names) {
        calls.add(List.copyOf(names));
        threads.add(Thread.currentThread().getName());
        float[][] out = new float[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            if (!isUsable(names.get(i))) {
                throw new IllegalArgumentException("unusable name");
            }
            out[i] = vector(rule.applyAsInt(names.get(i)));
        }
        return out;
    }

    /** The top origin first with 0.6, then the others in a fixed rotation with halving shares. */
    private float[] vector(int top) {
        int n = origins.size();
        float[] p = new float[n];
        float rest = 0.4f;
        for (int rank = 0; rank < n; rank++) {
            float share = rank == 0 ? 0.6f : rank == n - 1 ? rest : rest / 2;
            p[(top + rank) % n] = share;
            if (rank > 0) {
                rest -= share;
            }
        }
        return p;
    }

    /**
     * Every predict call so far.
     *
     * @return the names of each call, in call order
     */
    public List<List<String>> calls() {
        return calls;
    }

    /**
     * The thread of every predict call so far.
     *
     * @return thread names, in call order
     */
    public List<String> threads() {
        return threads;
    }
}

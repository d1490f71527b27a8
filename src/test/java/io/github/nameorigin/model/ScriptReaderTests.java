package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptReaderTests {

    private final ScriptReader reader = new ScriptReader();
    private final ScriptEvidence evidence = new ScriptEvidence();
    private static final List<String> ORIGINS = List.of("Arabic", "Chinese", "Greek", "Japanese", "Korean", "Russian",
            "German");

    @Test
    void readsEachScriptTheWayTheTrainingNamesAreSpelled() {
        assertThat(reader.read("Иванов")).extracting(ScriptReader.Reading::script, ScriptReader.Reading::latin)
                .containsExactly("CYRILLIC", "Ivanov");
        assertThat(reader.read("Хрущёв").latin()).isEqualTo("Khrushchev");
        assertThat(reader.read("Παπαδόπουλος")).extracting(ScriptReader.Reading::script, ScriptReader.Reading::latin)
                .containsExactly("GREEK", "Papadopoulos");
        assertThat(reader.read("김").latin()).isEqualTo("Kim");
        assertThat(reader.read("이").latin()).isEqualTo("Lee");
        assertThat(reader.read("상").latin()).isEqualTo("Sang");
        assertThat(reader.read("さとう")).extracting(ScriptReader.Reading::script, ScriptReader.Reading::latin)
                .containsExactly("HIRAGANA", "Sato");
        assertThat(reader.read("上官")).extracting(ScriptReader.Reading::script, ScriptReader.Reading::latin)
                .containsExactly("HAN", "Shangguan");
        assertThat(reader.read("الخالدي")).extracting(ScriptReader.Reading::script, ScriptReader.Reading::latin)
                .containsExactly("ARABIC", "alkhaldy");
    }

    @Test
    void latinNamesAreLeftAsTheyAre() {
        assertThat(reader.read("Nováková")).extracting(ScriptReader.Reading::script, ScriptReader.Reading::latin)
                .containsExactly("LATIN", "Nováková");
        assertThat(reader.read("O'Brien").script()).isEqualTo("LATIN");
    }

    @Test
    void kanjiWithKanaIsJapanese() {
        assertThat(reader.read("佐々木").script()).isEqualTo("HAN");
        assertThat(reader.read("木のした").script()).isEqualTo("HIRAGANA");
    }

    @Test
    void scriptsPointToTheirOrigin() {
        assertThat(top(reader.read("Иванов"), 6)).isEqualTo("Russian");
        assertThat(top(reader.read("김"), 6)).isEqualTo("Korean");
        assertThat(top(reader.read("Αγγελίδου"), 6)).isEqualTo("Greek");
        assertThat(top(reader.read("サトウ"), 6)).isEqualTo("Japanese");
        assertThat(top(reader.read("الخالدي"), 6)).isEqualTo("Arabic");
    }

    @Test
    void hanIsChineseForOneCharacterOrACompoundFamilyNameAndJapaneseOtherwise() {
        assertThat(top(reader.read("王"), 6)).isEqualTo("Chinese");
        assertThat(top(reader.read("欧阳"), 6)).isEqualTo("Chinese");
        assertThat(top(reader.read("佐藤"), 6)).isEqualTo("Japanese");
        assertThat(top(reader.read("佐々木"), 6)).isEqualTo("Japanese");
    }

    @Test
    void latinNamesKeepTheModelsAnswer() {
        float[] p = uniformExcept(6, 0.9f);
        evidence.apply(reader.read("Schmidt"), ORIGINS, p);
        assertThat(ORIGINS.get(argmax(p))).isEqualTo("German");
        assertThat(p[6]).isEqualTo(0.9f);
    }

    @Test
    void scriptsNoneOfTheOriginsUseAreForeign() {
        assertThat(evidence.isForeign(reader.read("כהן"))).isTrue();
        assertThat(evidence.isForeign(reader.read("Աբրահամյան"))).isTrue();
        assertThat(evidence.isForeign(reader.read("აბაშიძე"))).isTrue();
        assertThat(evidence.isForeign(reader.read("Иванов"))).isFalse();
        assertThat(evidence.isForeign(reader.read("王"))).isFalse();
        assertThat(evidence.isForeign(reader.read("Smith"))).isFalse();
    }

    /** The top origin after the script's evidence, when the model put most weight on {@code favoured}. */
    private String top(ScriptReader.Reading reading, int favoured) {
        float[] p = uniformExcept(favoured, 0.9f);
        evidence.apply(reading, ORIGINS, p);
        float sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        return ORIGINS.get(argmax(p));
    }

    private static float[] uniformExcept(int index, float value) {
        float[] p = new float[ORIGINS.size()];
        java.util.Arrays.fill(p, (1 - value) / (ORIGINS.size() - 1));
        p[index] = value;
        return p;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}

package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptEvidenceTests {

    private final ScriptReader reader = new ScriptReader();
    private final ScriptEvidence evidence = new ScriptEvidence();

    @Test
    void cyrillicLettersOutsideTheRussianAlphabetAreForeign() {
        assertThat(evidence.hasForeignLetter(reader.read("Іваненко"))).isTrue();
        assertThat(evidence.hasForeignLetter(reader.read("Ђоковић"))).isTrue();
        assertThat(evidence.hasForeignLetter(reader.read("Ткаченко"))).isFalse();
        assertThat(evidence.hasForeignLetter(reader.read("Алёшин"))).isFalse();
    }

    @Test
    void arabicScriptLettersOutsideTheArabicAlphabetAreForeign() {
        assertThat(evidence.hasForeignLetter(reader.read("پورمحمدی"))).isTrue();
        assertThat(evidence.hasForeignLetter(reader.read("الخالدي"))).isFalse();
        assertThat(evidence.hasForeignLetter(reader.read("حداد"))).isFalse();
    }

    @Test
    void latinNamesAreJudgedByTheVocabularyNotHere() {
        assertThat(evidence.hasForeignLetter(reader.read("Yılmaz"))).isFalse();
        assertThat(evidence.readsAsLatin(reader.read("Yılmaz"))).isTrue();
        assertThat(evidence.readsAsLatin(reader.read("Жуков"))).isFalse();
    }

    @Test
    void aForeignLetterRaisesTheScoreAndKeepsTheOrder() {
        assertThat(ScriptEvidence.withForeignLetter(0.1)).isCloseTo(0.82, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ScriptEvidence.withForeignLetter(0.5)).isGreaterThan(ScriptEvidence.withForeignLetter(0.1));
        assertThat(ScriptEvidence.withForeignLetter(1)).isEqualTo(1);
    }
}

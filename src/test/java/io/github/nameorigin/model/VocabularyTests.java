package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class VocabularyTests {

    @Test
    void normalizerFoldsAccentsCaseAndSpaces() {
        assertThat(NameNormalizer.normalize("  Müller ")).isEqualTo("muller");
        assertThat(NameNormalizer.normalize("Nguyễn")).isEqualTo("nguyen");
        assertThat(NameNormalizer.normalize("Straße")).isEqualTo("strasse");
        assertThat(NameNormalizer.normalize("Łukasz")).isEqualTo("lukasz");
        assertThat(NameNormalizer.normalize("De   La\tCruz")).isEqualTo("de la cruz");
        assertThat(NameNormalizer.normalize("O’Brien")).isEqualTo("o'brien");
        assertThat(NameNormalizer.normalize(" \t ")).isEmpty();
        assertThat(NameNormalizer.normalize("Rafaj1")).isEqualTo("rafaj");
        assertThat(NameNormalizer.normalize("Smith-Jones, Jr.")).isEqualTo("smith-jones jr");
        assertThat(NameNormalizer.normalize("1234 !!")).isEmpty();
        assertThat(NameNormalizer.normalize("Ito 3")).isEqualTo("ito");
    }

    @Test
    void spellingKeepsAccentsButCleansTheRest() {
        assertThat(NameNormalizer.spelling("  Müller ")).isEqualTo("müller");
        assertThat(NameNormalizer.spelling("Mu\u0308ller")).isEqualTo("müller");
        assertThat(NameNormalizer.spelling("Straße")).isEqualTo("straße");
        assertThat(NameNormalizer.spelling("ＫＯＨＬ")).isEqualTo("kohl");
        assertThat(NameNormalizer.spelling("De   La\tCruz")).isEqualTo("de la cruz");
        assertThat(NameNormalizer.spelling("O’Brien")).isEqualTo("o'brien");
        assertThat(NameNormalizer.spelling("Smith-Jones, Jr.")).isEqualTo("smith-jones jr");
        assertThat(NameNormalizer.spelling("1234 !!")).isEmpty();
    }

    @Test
    void foldsTheAccentsAVocabularyDoesNotKnow() {
        Vocabulary ascii = Vocabulary.of(List.of("muler", "stae", "kwoz", "ngyen"));
        List<String> names = List.of("Müller", "Straße", "Kowalczyk-Żuraw", "Nguyễn", "Mu\u0308ller", "王 Muller");
        for (String name : names) {
            assertThat(ascii.encode(NameNormalizer.spelling(name)))
                    .as(name).containsExactly(ascii.encode(NameNormalizer.normalize(name)));
        }
        Vocabulary accented = Vocabulary.of(List.of("müller", "muller"));
        assertThat(accented.chars()).isEqualTo("elmruü");
        assertThat(accented.encode(NameNormalizer.spelling("Müller"))).containsExactly(3, 6, 2, 2, 1, 4);
        assertThat(accented.encode(NameNormalizer.spelling("Muller"))).containsExactly(3, 5, 2, 2, 1, 4);
        assertThat(accented.encode(NameNormalizer.spelling("Mûller"))).containsExactly(3, 5, 2, 2, 1, 4);
        // decoding gives what the network read: the known accent kept, the unknown one folded
        assertThat(accented.decode(accented.encode(NameNormalizer.spelling("Müller")))).isEqualTo("müller");
        assertThat(accented.decode(accented.encode(NameNormalizer.spelling("Mûller-X")))).isEqualTo("muller");
        assertThat(accented.knowsALetterOf(NameNormalizer.spelling("Ü"))).isTrue();
        assertThat(ascii.knowsALetterOf(NameNormalizer.spelling("Ŵ"))).isTrue();
        assertThat(ascii.knowsALetterOf(NameNormalizer.spelling("Ñ"))).isTrue();
        assertThat(Vocabulary.of(List.of("abc")).knowsALetterOf(NameNormalizer.spelling("Ñ"))).isFalse();
    }

    @Test
    void encodesKnownCharactersAndDropsUnknownOnes() {
        Vocabulary vocabulary = Vocabulary.of(List.of("abc", "cab", "b d"));
        assertThat(vocabulary.chars()).isEqualTo(" abcd");
        assertThat(vocabulary.size()).isEqualTo(6);
        assertThat(vocabulary.encode("dab")).containsExactly(5, 2, 3);
        assertThat(vocabulary.encode("a1z-b")).containsExactly(2, 3);
        assertThat(vocabulary.encode("王")).isEmpty();
        assertThat(vocabulary.knowsALetterOf("zab")).isTrue();
        assertThat(vocabulary.knowsALetterOf(" ")).isFalse();
        assertThat(vocabulary.knowsALetterOf("xyz")).isFalse();
        assertThat(new Vocabulary(vocabulary.chars()).encode("cab")).isEqualTo(vocabulary.encode("cab"));
    }

    @Test
    void rejectsRepeatedCharacters() {
        assertThatThrownBy(() -> new Vocabulary("abca")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLetterNoTrainingNameHadIsUnseenEvenWhenItFolds() {
        Vocabulary vocabulary = Vocabulary.of(java.util.List.of("müller", "smith"));
        assertThat(vocabulary.hasUnseenLetter(NameNormalizer.spelling("Müller"))).isFalse();
        // ı folds to i, which the vocabulary knows, but no training name was written with it
        assertThat(vocabulary.hasUnseenLetter(NameNormalizer.spelling("Yılmaz"))).isTrue();
        assertThat(vocabulary.hasUnseenLetter(NameNormalizer.spelling("Smith-Müller"))).isFalse();
    }
}

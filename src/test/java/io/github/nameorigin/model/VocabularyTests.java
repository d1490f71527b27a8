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
}

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
    }

    @Test
    void encodesKnownCharactersAndDropsUnknownOnes() {
        Vocabulary vocabulary = Vocabulary.of(List.of("abc", "cab", "b d"));
        assertThat(vocabulary.chars()).isEqualTo(" abcd");
        assertThat(vocabulary.size()).isEqualTo(6);
        assertThat(vocabulary.encode("dab")).containsExactly(5, 2, 3);
        assertThat(vocabulary.encode("a1z-b")).containsExactly(2, 3);
        assertThat(vocabulary.encode("王")).isEmpty();
        assertThat(new Vocabulary(vocabulary.chars()).encode("cab")).isEqualTo(vocabulary.encode("cab"));
    }

    @Test
    void rejectsRepeatedCharacters() {
        assertThatThrownBy(() -> new Vocabulary("abca")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Characters that look like the ones the model was trained on read as those characters, and a
 * stray character the model does not know leaves the rest of the name as it was.
 */
class NameNormalizerLookalikeTests {

    /** The characters of the bundled checkpoint's vocabulary (data/checkpoint/metadata.json). */
    private static final Vocabulary CHECKPOINT_VOCABULARY =
            new Vocabulary(" '-abcdefghijklmnopqrstuvwxyzßàáãäçèéêíñòóöùúüąńśż");

    @ParameterizedTest
    @ValueSource(strings = {"\u02BC", "\u2019", "\u2018", "\u201B", "\u0060", "\u00B4", "\u02B9", "\u02BB", "\u02BD",
            "\u2032", "\uFF07", "\uA78C"})
    void apostropheLookalikesReadAsTheApostrophe(String apostrophe) {
        assertThat(NameNormalizer.spelling("O" + apostrophe + "Brien")).isEqualTo("o'brien");
        assertThat(NameNormalizer.normalize("O" + apostrophe + "Brien")).isEqualTo("o'brien");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE63", "\uFE58",
            "\uFF0D"})
    void hyphenLookalikesReadAsTheHyphen(String hyphen) {
        assertThat(NameNormalizer.spelling("Jean" + hyphen + "Luc")).isEqualTo("jean-luc");
        assertThat(NameNormalizer.normalize("Jean" + hyphen + "Luc")).isEqualTo("jean-luc");
    }

    @Test
    void compatibilityLettersReadAsTheirLetters() {
        // mathematical bold, fraktur, double-struck, full width and a ligature
        assertThat(NameNormalizer.spelling("\uD835\uDC12\uD835\uDC26\uD835\uDC22\uD835\uDC2D\uD835\uDC21")).isEqualTo("smith");
        assertThat(NameNormalizer.spelling("\u210Coffmann")).isEqualTo("hoffmann");
        assertThat(NameNormalizer.spelling("\u2102ruz")).isEqualTo("cruz");
        assertThat(NameNormalizer.spelling("\uFF2B\uFF4F\uFF48\uFF4C")).isEqualTo("kohl");
        assertThat(NameNormalizer.spelling("\uFB00ord")).isEqualTo("fford");
        assertThat(NameNormalizer.normalize("\uD835\uDC12\uD835\uDC26\uD835\uDC22\uD835\uDC2D\uD835\uDC21")).isEqualTo("smith");
    }

    @Test
    void theModelReadsLookalikesAsThePlainName() {
        for (List<String> same : List.of(
                List.of("O'Brien", "O\u02BCBrien", "O\u2019Brien", "O\u00B4Brien"),
                List.of("Jean-Luc", "Jean\u2010Luc", "Jean\u2011Luc", "Jean\u2013Luc", "Jean\u2212Luc"),
                List.of("Smith", "\uD835\uDC12\uD835\uDC26\uD835\uDC22\uD835\uDC2D\uD835\uDC21", "\uFF33mith"),
                List.of("Hoffmann", "\u210Coffmann"))) {
            int[] plain = read(same.get(0));
            for (String lookalike : same) {
                assertThat(read(lookalike)).as(lookalike).isEqualTo(plain);
            }
        }
    }

    @Test
    void aStrayUnknownLetterLeavesTheNameAsItWas() {
        assertThat(read("Smith \u0436")).isEqualTo(read("Smith"));
        assertThat(read("\u0436 Smith")).isEqualTo(read("Smith"));
        assertThat(read("Van \u0436 Berg")).isEqualTo(read("Van Berg"));
        assertThat(read("Van der Berg")).isEqualTo(CHECKPOINT_VOCABULARY.encode("van der berg"));
    }

    private static int[] read(String raw) {
        return CHECKPOINT_VOCABULARY.encode(NameNormalizer.spelling(raw));
    }
}

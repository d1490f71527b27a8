package io.github.nameorigin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class CharacterLanguageModelTests {

    private static final List<String> NAMES = List.of("ivanov", "petrov", "smirnov", "sokolov", "popov", "kozlov",
            "novikov", "morozov", "volkov", "lebedev", "orlov", "pavlov", "semenov", "egorov", "vasiliev");

    @Test
    void namesLikeTheTrainingNamesSurpriseLessThanOthers() {
        CharacterLanguageModel model = CharacterLanguageModel.train(NAMES);
        double familiar = model.surprisal("sidorov");
        assertThat(familiar).isLessThan(model.surprisal("nguyen"));
        assertThat(familiar).isLessThan(model.surprisal("xqzwj"));
        assertThat(model.surprisal("ivanov")).isLessThan(familiar);
    }

    @Test
    void accentsAreFoldedAndEmptyNamesHaveNoSurprisal() {
        CharacterLanguageModel model = CharacterLanguageModel.train(NAMES);
        assertThat(model.surprisal("Ívanov")).isEqualTo(model.surprisal("ivanov"));
        assertThat(model.surprisal("123")).isNaN();
    }

    @Test
    void anUntrainedModelIsEvenOverItsAlphabet() {
        CharacterLanguageModel model = CharacterLanguageModel.train(List.of());
        assertThat(model.surprisal("abc")).isEqualTo(Math.log(CharacterLanguageModel.ALPHABET));
    }

    @Test
    void writtenAndReadBackItScoresTheSame() throws IOException {
        CharacterLanguageModel model = CharacterLanguageModel.train(NAMES);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(new DataOutputStream(bytes));
        CharacterLanguageModel read = CharacterLanguageModel.read(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray())));
        for (String name : List.of("sidorov", "nguyen", "smith")) {
            assertThat(read.surprisal(name)).isEqualTo(model.surprisal(name));
        }
    }

    @Test
    void theDetectorRisesWithSurprisalAndDoubt() {
        UnknownDetector detector = new UnknownDetector(2.0, 0.5);
        assertThat(detector.score(2.0, 0.99)).isLessThan(detector.score(3.0, 0.99));
        assertThat(detector.score(2.0, 0.99)).isLessThan(detector.score(2.0, 0.4));
        assertThat(detector.score(10, 0.1)).isBetween(0.9, 1.0);
        assertThat(detector.score(Double.NaN, 1.0)).isBetween(0.0, 0.1);
    }
}

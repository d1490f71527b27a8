package io.github.nameorigin.prediction;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.nameorigin.model.FakeClassifier;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.TopLabelCalibration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What each answer says it read (script and Latin form), the origin mix a request asks for, and
 * the "none of these" fields, against the fake model.
 */
@WebMvcTest(controllers = PredictionController.class)
@Import(PredictionWebTestConfiguration.class)
class PredictionReadingTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelRegistry registry;

    private final FakeClassifier classifier = new FakeClassifier();

    @BeforeEach
    void serveFakeModel() {
        classifier.servedBy(registry, "v-test");
    }

    private ResultActions predict(String json) throws Exception {
        return mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void latinNameIsReadAsItIs() throws Exception {
        predict("{\"name\": \"Schmidt\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.script").value("LATIN"))
                .andExpect(jsonPath("$.normalized").value("schmidt"))
                .andExpect(jsonPath("$.predictions[0].origin").value("German"));
    }

    @Test
    void cyrillicNameIsTransliteratedAndScoredInLatin() throws Exception {
        predict("{\"name\": \"Иванов\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.script").value("CYRILLIC"))
                .andExpect(jsonPath("$.normalized").value("ivanov"));
        org.assertj.core.api.Assertions.assertThat(classifier.calls()).containsExactly(java.util.List.of("Ivanov"));
    }

    @Test
    void hangulSurnameIsReadInItsUsualSpelling() throws Exception {
        predict("{\"name\": \"박\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.script").value("HANGUL"))
                .andExpect(jsonPath("$.normalized").value("park"));
    }

    @Test
    void priorObjectKeepsOnlyTheOriginsItNames() throws Exception {
        // the fake puts Schmidt at German 0.6, English 0.1; with only English allowed, English has it all
        predict("{\"name\": \"Schmidt\", \"top\": 2, \"prior\": {\"English\": 1}}").andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].origin").value("English"))
                .andExpect(jsonPath("$.predictions[0].probability").value(1))
                .andExpect(jsonPath("$.predictions[1].probability").value(0));
    }

    @Test
    void priorWeightsShiftTheAnswer() throws Exception {
        // the fake gives Schmidt German 0.6 and Italian 0.1: with weights 1 and 9, Italian gets
        // 0.1 x 0.9 / (0.6 x 0.1 + 0.1 x 0.9) = 0.6
        predict("{\"name\": \"Schmidt\", \"top\": 2, \"prior\": {\"German\": 1, \"Italian\": 9}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].origin").value("Italian"))
                .andExpect(jsonPath("$.predictions[0].probability").value(0.6))
                .andExpect(jsonPath("$.predictions[1].origin").value("German"))
                .andExpect(jsonPath("$.predictions[1].probability").value(0.4));
    }

    @Test
    void namedPriorsAreAccepted() throws Exception {
        predict("{\"name\": \"Schmidt\", \"prior\": \"training\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].probability").value(0.6));
        predict("{\"name\": \"Schmidt\", \"prior\": \"uniform\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].origin").value("German"));
    }

    @Test
    void badPriorsAre400sNamingTheField() throws Exception {
        for (String prior : new String[] {"\"even\"", "5", "[\"German\"]", "{\"Martian\": 1}", "{\"German\": -1}",
                "{\"German\": \"1\"}", "{\"German\": 0}"}) {
            predict("{\"name\": \"Schmidt\", \"prior\": " + prior + "}").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("prior"));
        }
    }

    @Test
    void unknownFollowsTheScoreAndTheThreshold() throws Exception {
        predict("{\"names\": [\"Qwerty\", \"Smith\"]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].unknownScore").value(0.9))
                .andExpect(jsonPath("$.results[0].unknown").value(true))
                .andExpect(jsonPath("$.results[1].unknownScore").value(0.1))
                .andExpect(jsonPath("$.results[1].unknown").value(false));
    }

    @Test
    void aScriptThatNamesTheOriginIsNotUnknownWhateverItsTransliterationLooksLike() throws Exception {
        // the fake scores every name with a q as unknown (0.9); Han script names Chinese or Japanese
        // by itself, so the score is 1 - the answer's top probability (the fake's 0.6)
        predict("{\"name\": \"Qian\"}").andExpect(jsonPath("$.unknown").value(true));
        predict("{\"name\": \"钱\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.script").value("HAN"))
                .andExpect(jsonPath("$.normalized").value("qian"))
                .andExpect(jsonPath("$.unknownScore").value(0.4))
                .andExpect(jsonPath("$.unknown").value(false));
    }

    @Test
    void aScriptNoOriginIsWrittenInIsUnknown() throws Exception {
        predict("{\"name\": \"כהן\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.script").value("HEBREW"))
                .andExpect(jsonPath("$.unknownScore").value(1))
                .andExpect(jsonPath("$.unknown").value(true));
    }

    @Test
    void aLetterTheOriginsScriptDoesNotUseRaisesTheScore() throws Exception {
        // the fake scores both 0.1; Ukrainian Ї is outside the Russian alphabet, the other name is not
        predict("{\"names\": [\"Їжакевич\", \"Жуков\"]}")
                .andExpect(jsonPath("$.results[0].script").value("CYRILLIC"))
                .andExpect(jsonPath("$.results[0].unknownScore").value(0.82))
                .andExpect(jsonPath("$.results[0].unknown").value(true))
                .andExpect(jsonPath("$.results[1].unknownScore").value(0.1))
                .andExpect(jsonPath("$.results[1].unknown").value(false));
        // Persian پ and ی are not letters of the Arabic alphabet
        predict("{\"name\": \"پوری\"}").andExpect(jsonPath("$.unknown").value(true));
    }

    @Test
    void aNamedMixIsAnsweredThroughItsOwnCalibrationMap() throws Exception {
        classifier.priorCalibration("uniform", new TopLabelCalibration(new float[] {0f, 1f}, new float[] {0.5f, 0.5f}));
        // the fake gives its top origin 0.6; the even mix leaves the fake's (unknown) training mix as
        // it is, and the map then says such answers are right half the time
        predict("{\"name\": \"Nakamura\", \"prior\": \"uniform\"}")
                .andExpect(jsonPath("$.predictions[0].origin").value("Japanese"))
                .andExpect(jsonPath("$.predictions[0].probability").value(0.5));
        predict("{\"name\": \"Nakamura\", \"prior\": \"training\"}")
                .andExpect(jsonPath("$.predictions[0].probability").value(0.6));
        predict("{\"name\": \"Nakamura\", \"prior\": {\"Japanese\": 1, \"German\": 1}}")
                .andExpect(jsonPath("$.predictions[0].probability").value(0.75));
    }

    @Test
    void aLatinLetterTheModelNeverSawRaisesTheScore() throws Exception {
        // the fake scores both 0.1 and has never seen the dotless i; the check gets the accented spelling
        predict("{\"names\": [\"Yılmaz\", \"Yilmaz\"]}")
                .andExpect(jsonPath("$.results[0].unknownScore").value(0.82))
                .andExpect(jsonPath("$.results[0].unknown").value(true))
                .andExpect(jsonPath("$.results[1].unknownScore").value(0.1));
    }
}

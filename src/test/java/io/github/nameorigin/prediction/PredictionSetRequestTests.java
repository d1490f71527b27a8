package io.github.nameorigin.prediction;

import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Function;

import io.github.nameorigin.model.FakeClassifier;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.OriginClassifier;
import io.github.nameorigin.model.PredictionSets;
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
 * The {@code coverage} option. The fake model gives every name 0.6, 0.2, 0.1, 0.06, 0.04, so its
 * cumulative scores are 0.6, 0.8, 0.9, 0.96, 1; the stored scores below put the threshold at
 * 0.6 for coverage 0.1 and at 0.9 for 0.5.
 */
@WebMvcTest(controllers = PredictionController.class)
@Import(PredictionWebTestConfiguration.class)
class PredictionSetRequestTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelRegistry registry;

    private final FakeClassifier classifier = new FakeClassifier();

    @BeforeEach
    void serveFakeModelWithSets() {
        classifier.servedBy(registry, "20261205T071500Z-trained");
        classifier.predictionSets(new PredictionSets(0, 1, new float[] {0.6f, 0.8f, 0.905f, 0.96f, 1f}, List.of(),
                List.of()));
    }

    private ResultActions post(String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/predict")
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void coverageAddsTheSetToEachAnswerMostProbableFirst() throws Exception {
        post("{\"name\": \"Nakamura\", \"top\": 1, \"coverage\": 0.5}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions", org.hamcrest.Matchers.hasSize(1)))
                .andExpect(jsonPath("$.set", contains("Japanese", "German", "English")));
        post("{\"names\": [\"Rossi\", {\"id\": \"7\", \"name\": \"Smith\"}], \"coverage\": 0.1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].set", contains("Italian")))
                .andExpect(jsonPath("$.results[1].id").value("7"))
                .andExpect(jsonPath("$.results[1].set", contains("English")));
    }

    @Test
    void getTakesCoverageAsAQueryParameter() throws Exception {
        mvc.perform(get("/predict").param("name", "Nakamura").param("coverage", "0.5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.set", contains("Japanese", "German", "English")));
    }

    @Test
    void withoutCoverageThereIsNoSet() throws Exception {
        post("{\"name\": \"Nakamura\"}").andExpect(status().isOk()).andExpect(jsonPath("$.set").doesNotExist());
    }

    @Test
    void coverageOutsideTheOpenUnitIntervalOrNotANumberIs400() throws Exception {
        for (String coverage : List.of("0", "1", "1.5", "-0.1")) {
            post("{\"name\": \"Nakamura\", \"coverage\": " + coverage + "}").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("coverage"));
        }
        post("{\"name\": \"Nakamura\", \"coverage\": \"0.9\"}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aModelWithoutSetsRefusesCoverageWithA400ButServesTheRest() throws Exception {
        classifier.predictionSets(null);
        post("{\"name\": \"Nakamura\", \"coverage\": 0.9}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("coverage"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("without prediction sets")));
        post("{\"name\": \"Nakamura\"}").andExpect(status().isOk());
    }
}

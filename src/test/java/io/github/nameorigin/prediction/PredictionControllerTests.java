package io.github.nameorigin.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import io.github.nameorigin.model.FakeClassifier;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.OriginClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = PredictionController.class)
@Import(PredictionWebTestConfiguration.class)
class PredictionControllerTests {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MeterRegistry meters;

    @MockitoBean
    private ModelRegistry registry;

    private final FakeClassifier classifier = new FakeClassifier();

    @BeforeEach
    void serveFakeModel() {
        classifier.servedBy(registry, "20261205T071500Z-trained");
    }

    private org.springframework.test.web.servlet.ResultActions predict(String json) throws Exception {
        return mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void singleNameReturnsTopOriginsMostLikelyFirst() throws Exception {
        String body = predict("{\"name\": \"Nakamura\", \"top\": 3}")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.name").value("Nakamura"))
                .andExpect(jsonPath("$.predictions", hasSize(3)))
                .andExpect(jsonPath("$.predictions[*].origin", contains("Japanese", "German", "English")))
                .andExpect(jsonPath("$.predictions[0].probability").value(0.6))
                .andExpect(jsonPath("$.results").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        List<Double> probabilities = JsonPath.read(body, "$.predictions[*].probability");
        assertThat(probabilities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void batchReturnsOneResultPerNameInRequestOrder() throws Exception {
        String body = predict("{\"names\": [\"Rossi\", \"Nakamura\", \"Schmidt\", \"Rossi\"], \"top\": 2}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[*].name", contains("Rossi", "Nakamura", "Schmidt", "Rossi")))
                .andExpect(jsonPath("$.results[*].predictions[0].origin", contains("Italian", "Japanese", "German", "Italian")))
                .andExpect(jsonPath("$.results[0].predictions", hasSize(2)))
                .andExpect(jsonPath("$.name").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        for (int i = 0; i < 4; i++) {
            List<Double> probabilities = JsonPath.read(body, "$.results[" + i + "].predictions[*].probability");
            assertThat(probabilities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void everyAnswerNamesTheModelVersionInItsBodyAndAHeader() throws Exception {
        predict("{\"name\": \"Nakamura\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Model-Version", "20261205T071500Z-trained"))
                .andExpect(jsonPath("$.model").value("20261205T071500Z-trained"));
        predict("{\"names\": [\"Nakamura\", \"Rossi\"]}")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Model-Version", "20261205T071500Z-trained"))
                .andExpect(jsonPath("$.model").value("20261205T071500Z-trained"))
                .andExpect(jsonPath("$.results[0].model").doesNotExist());
    }

    @Test
    void topDefaultsToThreeFromProperties() throws Exception {
        predict("{\"name\": \"Smith\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions", hasSize(3)));
    }

    @Test
    void topMayRangeFromOneToTheNumberOfOrigins() throws Exception {
        predict("{\"name\": \"Smith\", \"top\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[*].origin", contains("English")));
        predict("{\"name\": \"Smith\", \"top\": 5}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions", hasSize(5)));
    }

    @Test
    void nameIsEchoedTrimmedAndScoredTrimmed() throws Exception {
        predict("{\"name\": \"  Schmidt \"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Schmidt"))
                .andExpect(jsonPath("$.predictions[0].origin").value("German"));
        assertThat(classifier.calls()).containsExactly(List.of("Schmidt"));
    }

    @Test
    void nameOfExactlyTheMaximumLengthIsAccepted() throws Exception {
        predict("{\"name\": \"" + "a".repeat(64) + "\"}").andExpect(status().isOk());
    }

    @Test
    void predictionsAreCountedByTopOriginAndNames() throws Exception {
        double before = meters.counter(PredictionMetrics.NAMES).count();
        predict("{\"names\": [\"Nakamura\", \"Nakamura\", \"Smith\"]}").andExpect(status().isOk());

        assertThat(meters.counter(PredictionMetrics.NAMES).count() - before).isEqualTo(3);
        assertThat(meters.counter(PredictionMetrics.TOP_ORIGIN, "origin", "Japanese").count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.find(PredictionMetrics.LATENCY).tag("shape", "batch").timer().count()).isPositive();
        assertThat(meters.find(PredictionMetrics.TOP_ORIGIN).counters())
                .allSatisfy(c -> assertThat(FakeClassifier.ORIGINS).contains(c.getId().getTag("origin")));
    }
}

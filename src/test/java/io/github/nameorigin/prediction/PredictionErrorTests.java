package io.github.nameorigin.prediction;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import io.github.nameorigin.model.FakeClassifier;
import io.github.nameorigin.model.ModelNotReadyException;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.ModelState;
import io.github.nameorigin.model.OriginClassifier;
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
 * Every way a prediction request can fail, answered as an RFC 9457 problem detail.
 */
@WebMvcTest(controllers = PredictionController.class)
@Import(PredictionWebTestConfiguration.class)
class PredictionErrorTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelRegistry registry;

    private OriginClassifier classifier = new FakeClassifier();

    @BeforeEach
    void serveFakeModel() {
        given(registry.withClassifier(any())).willAnswer(
                call -> call.<Function<OriginClassifier, Object>>getArgument(0).apply(classifier));
        given(registry.withVersionedClassifier(any())).willAnswer(call -> call
                .<java.util.function.BiFunction<OriginClassifier, String, Object>>getArgument(0)
                .apply(classifier, "20261205T071500Z-trained"));
    }

    private ResultActions predict(String json) throws Exception {
        return mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A problem detail with the status and a detail containing the phrase, and no Java internals. */
    private static void assertProblem(ResultActions result, int status, String detailPhrase) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail", containsString(detailPhrase)))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(content().string(allOf(not(containsString("Exception")), not(containsString("java.")),
                        not(containsString("tools.jackson")))));
    }

    private void assertBadRequest(String json, String detailPhrase) throws Exception {
        assertProblem(predict(json), 400, detailPhrase);
    }

    @Test
    void malformedJson() throws Exception {
        assertBadRequest("{\"name\": \"Nakamura\",", "not valid JSON");
    }

    @Test
    void missingBody() throws Exception {
        assertBadRequest("", "request body is missing");
    }

    @Test
    void bodyThatIsNotAnObject() throws Exception {
        assertBadRequest("[\"Nakamura\"]", "must be a JSON object");
    }

    @Test
    void topOfTheWrongType() throws Exception {
        assertBadRequest("{\"name\": \"Nakamura\", \"top\": \"x\"}", "'top' must be a whole number");
        assertBadRequest("{\"name\": \"Nakamura\", \"top\": \"3\"}", "'top' must be a whole number");
        assertBadRequest("{\"name\": \"Nakamura\", \"top\": 2.5}", "'top' must be a whole number");
    }

    @Test
    void nameOfTheWrongType() throws Exception {
        assertBadRequest("{\"name\": 5}", "'name' must be a JSON string");
        assertBadRequest("{\"name\": [\"Smith\"]}", "'name' must be a JSON string");
    }

    @Test
    void namesOfTheWrongType() throws Exception {
        assertBadRequest("{\"names\": \"Smith\"}", "'names' must be a JSON array");
        assertBadRequest("{\"names\": [\"Smith\", 7]}", "'names[1]' must be a JSON string");
    }

    @Test
    void neitherNameNorNames() throws Exception {
        assertBadRequest("{\"top\": 3}", "Send 'name' (one surname) or 'names'");
    }

    @Test
    void bothNameAndNames() throws Exception {
        assertBadRequest("{\"name\": \"Smith\", \"names\": [\"Rossi\"]}", "not both");
    }

    @Test
    void emptyOrBlankName() throws Exception {
        assertBadRequest("{\"name\": \"\"}", "'name' must not be empty or blank");
        assertBadRequest("{\"name\": \"  \\t \"}", "'name' must not be empty or blank");
        assertBadRequest("{\"names\": [\"Smith\", \" \"]}", "'names[1]' must not be empty or blank");
    }

    @Test
    void nameWithoutUsableCharacters() throws Exception {
        assertBadRequest("{\"name\": \"1234 !\"}", "'name' has no character the model knows");
        assertBadRequest("{\"names\": [\"Smith\", \"Rossi\", \"42\"]}", "'names[2]' has no character the model knows");
    }

    @Test
    void nameLongerThanTheLimit() throws Exception {
        assertBadRequest("{\"name\": \"" + "a".repeat(65) + "\"}", "at most 64");
        assertBadRequest("{\"names\": [\"Smith\", \"" + "b".repeat(65) + "\"]}", "'names[1]' is 65 characters long");
    }

    @Test
    void emptyNamesList() throws Exception {
        assertBadRequest("{\"names\": []}", "'names' must contain at least one name");
    }

    @Test
    void tooManyNames() throws Exception {
        String names = String.join(",", Collections.nCopies(1001, "\"Smith\""));
        assertBadRequest("{\"names\": [" + names + "]}", "at most 1000");
    }

    @Test
    void nullEntryInNames() throws Exception {
        assertBadRequest("{\"names\": [\"Smith\", null]}", "'names[1]' is null");
    }

    @Test
    void topOutOfRange() throws Exception {
        assertBadRequest("{\"name\": \"Smith\", \"top\": 0}", "'top' must be at least 1");
        assertBadRequest("{\"name\": \"Smith\", \"top\": -2}", "'top' must be at least 1");
        assertBadRequest("{\"name\": \"Smith\", \"top\": 6}", "'top' must be between 1 and 5");
        assertBadRequest("{\"name\": \"Smith\", \"top\": 99999999999}", "'top' must be between 1 and 5");
    }

    @Test
    void wrongContentType() throws Exception {
        assertProblem(mvc.perform(post("/predict").contentType(MediaType.TEXT_PLAIN).content("Nakamura")),
                415, "send the body as application/json");
    }

    @Test
    void modelNotReadyIs503WithRetryAfter() throws Exception {
        willThrow(new ModelNotReadyException(ModelState.TRAINING)).given(registry).withClassifier(any());

        ResultActions result = predict("{\"name\": \"Nakamura\"}");

        assertProblem(result, 503, "being trained");
        result.andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.modelState").value("TRAINING"));
    }

    @Test
    void structureIsCheckedBeforeModelReadiness() throws Exception {
        willThrow(new ModelNotReadyException(ModelState.LOADING)).given(registry).withClassifier(any());

        assertBadRequest("{\"names\": []}", "at least one name");
        then(registry).should(never()).withClassifier(any());
    }

    @Test
    void unexpectedFailureIs500WithAGenericDetail() throws Exception {
        classifier = new FakeClassifier() {
            @Override
            public float[][] predict(List<String> names) {
                throw new IllegalStateException("native tensor shape mismatch");
            }
        };

        ResultActions result = predict("{\"name\": \"Nakamura\"}");

        assertProblem(result, 500, "failed to handle the request");
        result.andExpect(content().string(not(containsString("tensor"))));
    }

    @Test
    void unknownPathIs404ProblemDetail() throws Exception {
        assertProblem(mvc.perform(get("/no-such-thing")), 404, "No resource at /no-such-thing; predictions are at POST /predict");
    }

    @Test
    void wrongMethodIs405ProblemDetail() throws Exception {
        ResultActions result = mvc.perform(delete("/predict"));

        assertProblem(result, 405, "DELETE");
        result.andExpect(header().string("Allow", containsString("POST")))
                .andExpect(header().string("Allow", containsString("GET")));
    }
}

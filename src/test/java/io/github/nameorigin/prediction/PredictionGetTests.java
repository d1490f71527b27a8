package io.github.nameorigin.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.FakeClassifier;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.OriginClassifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code GET /predict} and its caching headers, and batch entries with ids. */
@WebMvcTest(controllers = PredictionController.class)
@Import(PredictionWebTestConfiguration.class)
class PredictionGetTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelRegistry registry;

    private final FakeClassifier classifier = new FakeClassifier();

    @BeforeEach
    void serveFakeModel() {
        classifier.servedBy(registry, "20261205T071500Z-trained");
        serveModelCreatedAt("2026-01-01T00:00:00Z");
    }

    private void serveModelCreatedAt(String createdAt) {
        given(registry.metadata()).willReturn(Optional.of(new CheckpointMetadata(1, null, "abc",
                FakeClassifier.ORIGINS, 1f, null, "fingerprint", 42, 1, null, null, Instant.parse(createdAt))));
    }

    private String postBody(String json) throws Exception {
        return mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void oneNameIsAnsweredExactlyAsThePostOfName() throws Exception {
        String body = mvc.perform(get("/predict").param("name", "Nakamura").param("top", "2"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).isEqualTo(postBody("{\"name\": \"Nakamura\", \"top\": 2}"))
                .contains("\"name\":\"Nakamura\"").doesNotContain("results");
    }

    @Test
    void repeatedNamesAreAnsweredExactlyAsThePostOfNames() throws Exception {
        String body = mvc.perform(get("/predict?name=Rossi&name=Smith&name=Nakamura"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[*].name", contains("Rossi", "Smith", "Nakamura")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).isEqualTo(postBody("{\"names\": [\"Rossi\", \"Smith\", \"Nakamura\"]}"));
    }

    @Test
    void answerCarriesAStrongTagAndPublicCaching() throws Exception {
        MvcResult result = mvc.perform(get("/predict").param("name", "Nakamura")).andExpect(status().isOk()).andReturn();
        String tag = result.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(tag).matches("\"[0-9a-f]{32}\"");
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("public").contains("max-age=300");
        assertThat(result.getResponse().getHeader("X-Model-Version")).isEqualTo("20261205T071500Z-trained");
    }

    @Test
    void matchingIfNoneMatchGets304WithoutScoringAgain() throws Exception {
        String tag = mvc.perform(get("/predict").param("name", "Nakamura")).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        int calls = classifier.calls().size();
        MvcResult again = mvc.perform(get("/predict").param("name", "Nakamura").header(HttpHeaders.IF_NONE_MATCH, tag))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, tag))
                .andReturn();
        assertThat(again.getResponse().getContentAsString()).isEmpty();
        assertThat(classifier.calls()).hasSize(calls);
    }

    @Test
    void tagDependsOnTheQueryButNotOnSpacesOrTheDefaultTop() throws Exception {
        String plain = tag(get("/predict").param("name", "Nakamura"));
        assertThat(tag(get("/predict").param("name", " Nakamura ").param("top", "3"))).isEqualTo(plain);
        assertThat(tag(get("/predict").param("name", "Nakamura").param("top", "2"))).isNotEqualTo(plain);
        assertThat(tag(get("/predict").param("name", "Rossi"))).isNotEqualTo(plain);
        assertThat(tag(get("/predict?name=Rossi&name=Smith"))).isNotEqualTo(tag(get("/predict?name=Smith&name=Rossi")));
    }

    @Test
    void aNewModelChangesTheTagSoCachedAnswersAreRefetched() throws Exception {
        String before = tag(get("/predict").param("name", "Nakamura"));
        serveModelCreatedAt("2026-02-01T00:00:00Z");
        assertThat(tag(get("/predict").param("name", "Nakamura"))).isNotEqualTo(before);
        mvc.perform(get("/predict").param("name", "Nakamura").header(HttpHeaders.IF_NONE_MATCH, before))
                .andExpect(status().isOk());
    }

    private String tag(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
    }

    @Test
    void invalidQueriesGetProblemDetailsAndNoTag() throws Exception {
        mvc.perform(get("/predict")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist(HttpHeaders.ETAG));
        mvc.perform(get("/predict").param("name", "Nakamura").param("top", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("top"));
        mvc.perform(get("/predict").param("name", "Nakamura").param("top", "x")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/predict").param("name", "   ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
    }

    @Test
    void batchEntriesWithIdsEchoThemAndPlainStringsStillWork() throws Exception {
        String body = postBody("{\"names\": [{\"id\": \"row-17\", \"name\": \"Nakamura\"}, \"Smith\", {\"name\": \"Rossi\"}]}");
        assertThat(body).startsWith("{\"results\":[{\"id\":\"row-17\",\"name\":\"Nakamura\"");
        mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"names\": [{\"id\": \"row-17\", \"name\": \"Nakamura\"}, \"Smith\", {\"name\": \"Rossi\"}]}"))
                .andExpect(jsonPath("$.results[0].id").value("row-17"))
                .andExpect(jsonPath("$.results[0].predictions[0].origin").value("Japanese"))
                .andExpect(jsonPath("$.results[1].id").doesNotExist())
                .andExpect(jsonPath("$.results[1].name").value("Smith"))
                .andExpect(jsonPath("$.results[2].id").doesNotExist())
                .andExpect(jsonPath("$.results[2].predictions[0].origin").value("Italian"));
    }

    @Test
    void malformedBatchEntriesAre400() throws Exception {
        for (String json : List.of("{\"names\": [5]}", "{\"names\": [{\"id\": \"a\"}]}",
                "{\"names\": [{\"name\": \"Rossi\", \"row\": 1}]}", "{\"names\": [{\"name\": \"Rossi\", \"id\": 7}]}",
                "{\"names\": [{\"name\": 7}]}", "{\"names\": [[\"Rossi\"]]}")) {
            mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON).content(json))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"names\": [\"Smith\", {\"id\": \"x\", \"name\": \" \"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("names[1].name"));
    }
}

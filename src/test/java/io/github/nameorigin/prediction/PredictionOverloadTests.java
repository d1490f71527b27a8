package io.github.nameorigin.prediction;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Function;

import io.github.nameorigin.model.FakeClassifier;
import io.github.nameorigin.model.ModelRegistry;
import io.github.nameorigin.model.OriginClassifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A request with more names than the batching queue holds is refused with 503 and Retry-After.
 */
@WebMvcTest(controllers = PredictionController.class, properties = "nameorigin.batching.queue-capacity=2")
@Import(PredictionWebTestConfiguration.class)
class PredictionOverloadTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelRegistry registry;

    @Test
    void moreNamesThanTheQueueHoldsIs503WithRetryAfter() throws Exception {
        FakeClassifier classifier = new FakeClassifier();
        given(registry.withClassifier(any())).willAnswer(
                call -> call.<Function<OriginClassifier, Object>>getArgument(0).apply(classifier));
        given(registry.withVersionedClassifier(any())).willAnswer(call -> call
                .<java.util.function.BiFunction<OriginClassifier, String, Object>>getArgument(0)
                .apply(classifier, "20261205T071500Z-trained"));

        mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON).content("{\"names\": [\"Smith\", \"Rossi\"]}"))
                .andExpect(status().isOk());
        mvc.perform(post("/predict").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"names\": [\"Smith\", \"Rossi\", \"Haddad\"]}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.detail").value("Too many names are waiting to be scored; retry shortly."));
    }
}

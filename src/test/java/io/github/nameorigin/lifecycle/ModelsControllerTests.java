package io.github.nameorigin.lifecycle;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.github.nameorigin.model.VersionStatus;
import io.github.nameorigin.system.ManagementSecurity;
import io.github.nameorigin.system.NameOriginProperties;

/** The management API's key check and answers, without PyTorch (the lifecycle is mocked). */
@WebMvcTest(controllers = ModelsController.class, properties = "nameorigin.management.api-key=s3cret-key")
@Import(ManagementSecurity.class)
@EnableConfigurationProperties(NameOriginProperties.class)
class ModelsControllerTests {

    private static final String KEY = "s3cret-key";
    private static final String ID = "20261205T071500Z-trained";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelLifecycle lifecycle;

    private static VersionView version(VersionStatus status) {
        return new VersionView(ID, Instant.parse("2026-12-05T07:15:00Z"), "trained", status, null, null, null, null,
                null);
    }

    @Test
    void withoutAKeyEveryEndpointIs401ProblemDetailsAndNothingRuns() throws Exception {
        mvc.perform(get("/models"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("Send the management API key in the X-API-Key header."))
                .andExpect(header().doesNotExist("Set-Cookie"));
        mvc.perform(post("/models/" + ID + "/activate")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/models/" + ID)).andExpect(status().isUnauthorized());
        verify(lifecycle, never()).activate(any());
        verify(lifecycle, never()).delete(any());
    }

    @Test
    void aWrongKeyIs401AndTheAnswerNeverEchoesIt() throws Exception {
        for (String wrong : List.of("s3cret-kex", "s3cret-key ", "", "S3CRET-KEY")) {
            mvc.perform(get("/models").header("X-API-Key", wrong))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("The X-API-Key header does not hold the management API key"))
                    .andExpect(content().string(not(containsString(KEY))));
        }
        verify(lifecycle, never()).list();
    }

    @Test
    void theKeyListsTheVersions() throws Exception {
        given(lifecycle.list()).willReturn(new VersionView.Listing(ID, List.of(version(VersionStatus.ACTIVE))));

        mvc.perform(get("/models").header("X-API-Key", KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(ID))
                .andExpect(jsonPath("$.models[0].id").value(ID))
                .andExpect(jsonPath("$.models[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$.models[0].source").value("trained"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void trainingIsAcceptedWithTheNewVersionsLocation() throws Exception {
        given(lifecycle.train(any())).willReturn(version(VersionStatus.TRAINING));

        mvc.perform(post("/models").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"epochs\": 2, \"seed\": 7}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/models/" + ID))
                .andExpect(jsonPath("$.status").value("TRAINING"));
        verify(lifecycle).train(new VersionView.TrainRequest(2, 7L));
    }

    @Test
    void conflictsAreProblemDetails() throws Exception {
        given(lifecycle.activate(ID)).willThrow(ManagementProblem.conflict("Version cannot be activated",
                "Version " + ID + " fails its load checks and was not activated"));

        mvc.perform(post("/models/" + ID + "/activate").header("X-API-Key", KEY))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Version cannot be activated"));
    }
}

package io.github.nameorigin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsExceptionHandlerTests {

    private final ProblemDetailsExceptionHandler handler = new ProblemDetailsExceptionHandler();

    private static ServletWebRequest predictRequest() {
        return new ServletWebRequest(new MockHttpServletRequest("POST", "/predict"), new MockHttpServletResponse());
    }

    @Test
    void aClientThatWentAwayWhileItsAnswerWasWrittenIsNoServerError(CapturedOutput output) throws Exception {
        // what Tomcat and Jackson raise when wrk closes its connections at the end of a run
        Exception writeFailed = new HttpMessageNotWritableException(
                "Could not write JSON: ServletOutputStream failed to write: java.io.IOException: Broken pipe",
                new IOException("java.io.IOException: Broken pipe"));
        ResponseEntity<Object> answer = handler.handleException(writeFailed, predictRequest());
        assertThat(answer).isNull();
        assertThat(output).doesNotContain("ERROR").doesNotContain("failed");

        ResponseEntity<Object> reset = handler.handleUnexpected(new IOException("Connection reset by peer"),
                predictRequest());
        assertThat(reset).isNull();
        assertThat(output).doesNotContain("ERROR");
    }

    @Test
    void aFailureOfOurOwnIsStillA500LoggedOnceWithItsCause(CapturedOutput output) throws Exception {
        Exception ours = new HttpMessageNotWritableException("Could not write JSON: no serializer for the answer");
        ResponseEntity<Object> answer = handler.handleException(ours, predictRequest());
        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(output).contains("ERROR").contains("Request POST /predict failed").contains("no serializer");
    }
}

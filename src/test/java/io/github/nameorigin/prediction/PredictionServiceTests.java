package io.github.nameorigin.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class PredictionServiceTests {

    @Test
    void probabilitiesAreFourDecimalsWrittenInPlainNotation() {
        PredictionResponse.NamePrediction prediction = PredictionService.topOrigins("Nakamura",
                List.of("Arabic", "Japanese", "Russian", "Czech"), new float[] {0.00049f, 0.99851f, 0.00091f, 0.0001f}, 4);
        String json = JsonMapper.builder().build().writeValueAsString(prediction);
        assertThat(json).isEqualTo("{\"name\":\"Nakamura\",\"predictions\":[{\"origin\":\"Japanese\",\"probability\":0.9985},"
                + "{\"origin\":\"Russian\",\"probability\":0.0009},{\"origin\":\"Arabic\",\"probability\":0.0005},"
                + "{\"origin\":\"Czech\",\"probability\":0.0001}]}");
    }

    @Test
    void roundingDropsTrailingZerosAndKeepsTheEnds() {
        assertThat(PredictionService.round(0.6f).toString()).isEqualTo("0.6");
        assertThat(PredictionService.round(1f).toString()).isEqualTo("1");
        assertThat(PredictionService.round(0.00004f).toString()).isEqualTo("0");
        assertThat(PredictionService.round(0.00006f).toString()).isEqualTo("0.0001");
    }
}

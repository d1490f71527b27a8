package io.github.nameorigin.prediction;

/**
 * Examples for the OpenAPI description of {@code /predict}: real answers of the bundled model.
 */
final class PredictionApiDocs {

    private PredictionApiDocs() {
    }

    static final String SINGLE_REQUEST = "{\"name\": \"Nakamura\", \"top\": 3}";
    static final String BATCH_REQUEST = "{\"names\": [{\"id\": \"row-17\", \"name\": \"Nakamura\"}, \"Pena\"], "
            + "\"top\": 2, \"coverage\": 0.9}";
    static final String SINGLE_ANSWER = "{\"name\":\"Nakamura\",\"predictions\":[{\"origin\":\"Japanese\","
            + "\"probability\":0.9987},{\"origin\":\"Russian\",\"probability\":0.0003},{\"origin\":\"Italian\","
            + "\"probability\":0.0002}]}";
    static final String BATCH_ANSWER = "{\"results\":[{\"id\":\"row-17\",\"name\":\"Nakamura\",\"predictions\":"
            + "[{\"origin\":\"Japanese\",\"probability\":0.9987},{\"origin\":\"Russian\",\"probability\":0.0003}],"
            + "\"set\":[\"Japanese\"]},{\"name\":\"Pena\",\"predictions\":[{\"origin\":\"Italian\",\"probability\":"
            + "0.4375},{\"origin\":\"Dutch\",\"probability\":0.3663}],\"set\":[\"Italian\",\"Dutch\"]}]}";
    static final String INVALID = "{\"detail\":\"'name' has no character the model knows; send a surname spelled in "
            + "letters (digits and symbols alone cannot be classified).\",\"instance\":\"/predict\",\"status\":400,"
            + "\"title\":\"Invalid prediction request\",\"field\":\"name\"}";
    static final String UNREADABLE = "{\"detail\":\"'name' must be a JSON string.\",\"instance\":\"/predict\","
            + "\"status\":400,\"title\":\"Unreadable request body\"}";
    static final String UNSUPPORTED = "{\"detail\":\"Content type 'text/plain' is not supported; send the body as "
            + "application/json.\",\"instance\":\"/predict\",\"status\":415,\"title\":\"Unsupported Media Type\"}";
    static final String NOT_READY = "{\"detail\":\"The model is still loading; retry in a few seconds.\",\"instance\":"
            + "\"/predict\",\"status\":503,\"title\":\"Model not ready\",\"modelState\":\"LOADING\"}";
    static final String PROBLEM = "#/components/schemas/Problem";
}

package io.github.nameorigin.training;

/**
 * Examples for the OpenAPI description of the training endpoints (a real answer of the bundled
 * model, its lists cut short).
 */
final class TrainingApiDocs {

    private TrainingApiDocs() {
    }

    static final String STATUS = "{\"state\":\"READY\",\"source\":\"checkpoint\",\"failure\":null,\"progress\":null,\"loss\":nul"
            + "l,\"lossEvery\":20,\"lossCurve\":[1.9759456992149353,1.509147149324417,1.57348477244"
            + "37713],\"validation\":{\"top1\":0.8627951499680919,\"top3\":0.955966815571155,\"macroF1"
            + "\":0.5589724908363788,\"ece\":0.017502910994235774,\"names\":1567},\"recentGuesses\":[]"
            + ",\"model\":{\"architecture\":\"lstm\",\"hiddenSize\":64,\"bidirectional\":true,\"origins\":["
            + "\"Arabic\",\"Chinese\",\"Czech\"],\"created\":\"2026-12-05T07:13:04.486875297Z\",\"training"
            + "Seconds\":434.04868711,\"temperature\":0.77120113,\"refit\":{\"names\":15675,\"examples\""
            + ":16217}}}";
}

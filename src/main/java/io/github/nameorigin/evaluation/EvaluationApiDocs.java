package io.github.nameorigin.evaluation;

/**
 * Examples for the OpenAPI description of the evaluation endpoints (real answers of the bundled
 * model, the per-origin lists cut to two origins).
 */
public final class EvaluationApiDocs {

    private EvaluationApiDocs() {
    }

    static final String EVALUATION = "{\"names\":1567,\"singleLabelNames\":1519,\"top1\":0.8627951499680919,\"top3\":0.9559668"
            + "15571155,\"macroF1\":0.5589724908363788,\"ece\":0.017502910994235774,\"eceUncalibrate"
            + "d\":0.051699605968322584,\"temperature\":0.7712011337280273,\"origins\":[\"Arabic\",\"Ch"
            + "inese\"],\"perOrigin\":[{\"origin\":\"Arabic\",\"precision\":0.75,\"recall\":0.3,\"f1\":0.428"
            + "5714285714285,\"support\":10,\"predictions\":4},{\"origin\":\"Chinese\",\"precision\":0.8,"
            + "\"recall\":0.6666666666666666,\"f1\":0.7272727272727272,\"support\":18,\"predictions\":1"
            + "5}],\"confusion\":[[3,0],[0,12]],\"createdAt\":\"2026-12-05T07:08:52.679786141Z\",\"ref"
            + "it\":{\"names\":15675,\"examples\":16217},\"predictionSets\":{\"method\":\"raps\",\"lambda\":"
            + "0.5,\"kReg\":1,\"calibrationNames\":1567,\"coverage\":[{\"target\":0.8,\"coverage\":0.8627"
            + "951499680919,\"meanSize\":1.00382897255903,\"singletons\":0.99617102744097},{\"target"
            + "\":0.9,\"coverage\":0.8985322271857051,\"meanSize\":1.2054881940012763,\"singletons\":0"
            + ".7945118059987237},{\"target\":0.95,\"coverage\":0.9489470325462668,\"meanSize\":2.258"
            + "455647734525,\"singletons\":0.0}],\"selective\":[{\"answered\":0.95022335673261,\"accur"
            + "acy\":0.8885157824042982,\"minProbability\":0.40816327929496765},{\"answered\":1.0,\"a"
            + "ccuracy\":0.8627951499680919,\"minProbability\":0.3181818127632141}]}}";
    static final String NOT_READY = "{\"detail\":\"The model is being trained; retry later.\",\"instance\":\"/model/evaluati"
            + "on\",\"status\":503,\"title\":\"Model not ready\",\"modelState\":\"TRAINING\"}";
    /** An SVG picture, shortened, as the examples of the picture endpoints. */
    public static final String SVG_EXAMPLE = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"360\">...</svg>";
    static final String PROBLEM = "#/components/schemas/Problem";
}

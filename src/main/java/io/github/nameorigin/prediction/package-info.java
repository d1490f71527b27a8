/**
 * The prediction API: {@code POST /predict} for one name or a list of names, its request and
 * response records, request validation, and the dynamic batcher that runs concurrent requests
 * through the model together.
 *
 * <p>The flow is: the controller binds a {@link io.github.nameorigin.prediction.PredictionRequest},
 * the service validates its structure (400), checks it against the live model (503 when there is
 * none, 400 for names the model cannot read), then hands the names to the batcher, which runs them
 * on a worker thread together with other requests' names and hands each request its own slice.
 */
package io.github.nameorigin.prediction;

package io.github.nameorigin.model;

/**
 * Thrown when a prediction is asked for before a model is ready.
 */
public class ModelNotReadyException extends RuntimeException {

    private final ModelState state;

    /**
     * Creates the exception for the given state.
     *
     * @param state the state the registry is in
     */
    public ModelNotReadyException(ModelState state) {
        super("The model is not ready (state " + state + ")");
        this.state = state;
    }

    /**
     * The state the registry was in.
     *
     * @return the state
     */
    public ModelState state() {
        return state;
    }
}

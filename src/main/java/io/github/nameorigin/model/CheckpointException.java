package io.github.nameorigin.model;

/**
 * A checkpoint is missing, truncated, corrupt or incompatible. The message names the problem.
 */
public class CheckpointException extends Exception {

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the file
     * @param cause   the underlying error, or null
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the file
     */
    public CheckpointException(String message) {
        super(message);
    }
}

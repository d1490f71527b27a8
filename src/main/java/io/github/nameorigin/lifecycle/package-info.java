/**
 * The model lifecycle while serving: the management API under {@code /models} (list, train,
 * activate, roll back, delete and import model versions of the store), each replica following the
 * store's {@code active} pointer, and the lifecycle metrics.
 */
package io.github.nameorigin.lifecycle;

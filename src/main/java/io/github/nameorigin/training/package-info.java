/**
 * Training: the names dataset and its split, the training loop, the startup bootstrap that loads
 * or trains a model on its own thread, and the training status endpoint and gauges.
 */
package io.github.nameorigin.training;

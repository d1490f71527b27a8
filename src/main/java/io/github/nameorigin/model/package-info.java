/**
 * The model: name normalization and vocabulary, the recurrent networks (the tutorial's Elman RNN
 * and the embedding + GRU/LSTM production block) built by one factory, the linear member mixed
 * into their output (a character n-gram logistic regression), checkpoints, and the registry that
 * owns the live model.
 */
package io.github.nameorigin.model;

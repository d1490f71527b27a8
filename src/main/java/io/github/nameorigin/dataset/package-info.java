/**
 * The names dataset: reading a directory of {@code <Language>.txt} files into labelled names, and
 * splitting them by unique name into training and validation. Training and evaluation both read
 * names through it.
 */
package io.github.nameorigin.dataset;

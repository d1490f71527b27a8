package io.github.nameorigin.training;

/**
 * One training example: a name's character indices and one origin it is listed under.
 *
 * @param name    the name as in the dataset, for progress lines
 * @param encoded the character indices
 * @param label   the origin index
 */
record Example(String name, int[] encoded, int label) {
}

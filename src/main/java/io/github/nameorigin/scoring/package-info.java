/**
 * The bulk scoring command: scores a CSV or TSV file of names straight on the loaded model (no
 * HTTP), streamed through a reader, scoring threads and a writer, with a progress display.
 */
package io.github.nameorigin.scoring;

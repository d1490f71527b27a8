/**
 * JMH benchmarks of the model forward pass; run them with {@code src/test/perf/jmh.sh}.
 */
package io.github.nameorigin.benchmark;

/**
 * JMH benchmarks. Run them all with
 * {@code java -cp "$(cat sim/target/bench.classpath)" org.openjdk.jmh.Main -prof gc}, or one class by
 * name, e.g. {@code ... org.openjdk.jmh.Main LoopBench -prof gc}.
 */
package org.ev3cortex.sim.bench;

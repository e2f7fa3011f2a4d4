/**
 * The seam of a tick: the types every stage may use and nothing else is needed to write one.
 * {@link org.ev3cortex.seam.Stage} and {@link org.ev3cortex.seam.Pathway} are the contracts,
 * {@link org.ev3cortex.seam.TickData} is what the loop hands a stage each tick: the
 * {@link org.ev3cortex.body.Snapshot}, the read-only {@link org.ev3cortex.seam.Efference} copy of
 * what was issued last tick, the {@link org.ev3cortex.seam.Percepts} the motor side steers by, the
 * {@link org.ev3cortex.seam.Intent} of the basal ganglia and the {@link org.ev3cortex.seam.MotorCommands}
 * M1 requests. This package depends only on {@code body} and {@code config}; the stages depend on it;
 * {@code agent} wires them and nothing depends back on {@code agent}.
 */
package org.ev3cortex.seam;

package org.ev3cortex.seam;

/** The tick loop's life. */
public enum LoopState { NEW, RUNNING, STOPPED, FAULTED }

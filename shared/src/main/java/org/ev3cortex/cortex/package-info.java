/**
 * The cortical sheet: a 2-D grid of units, each predicting its own next input from local
 * features and learning from its own error, with a folded autoencoder as the association layer.
 * See docs/cortex.md.
 */
package org.ev3cortex.cortex;

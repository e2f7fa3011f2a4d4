package org.ev3cortex.v1;

import java.util.List;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/** Keys of the visual pathway: the DoG (LGN) and the polar maps of the two V1 areas. */
public final class V1Keys {
    private V1Keys() {}

    public static final Key<Boolean> OPPONENT = Key.boolKey("v1.opponent", false)
            .restartOnly()
            .doc("Add the colour-opponent channels R-G and B-Y (each area then holds 3 channels: DoG of luma, R-G, B-Y).");
    public static final Key<Double> CENTER_SIGMA_PX = Key.doubleKey("v1.dog.centerSigmaPx", 1.0)
            .unit("px").range(0.1, 50)
            .doc("Standard deviation of the DoG centre Gaussian.");
    public static final Key<Double> SURROUND_SIGMA_PX = Key.doubleKey("v1.dog.surroundSigmaPx", 2.0)
            .unit("px").range(0.1, 100)
            .doc("Standard deviation of the DoG surround Gaussian; must exceed the centre's.");
    public static final Key<Integer> KERNEL_RADIUS_PX = Key.intKey("v1.dog.radiusPx", 4)
            .unit("px").range(1, 64)
            .doc("Half-width of both separable Gaussian kernels (2r+1 taps); the frame must be larger than r in both directions.");
    public static final Key<Integer> RINGS = Key.intKey("v1.rings", 16)
            .range(2, 1024).restartOnly()
            .doc("Rings (radius steps, columns of each V1 area).");
    public static final Key<Integer> SECTORS = Key.intKey("v1.sectors", 16)
            .range(2, 1024).restartOnly()
            .doc("Sectors (angle steps over the half-plane of one hemifield, rows of each V1 area).");
    public static final Key<String> MAP = Key.choiceKey("v1.map", "logpolar", "logpolar", "linearpolar")
            .doc("Radius mapping: logpolar (linear inside the fovea, logarithmic outside) or linearpolar.");
    public static final Key<Double> FOVEA_RADIUS_PX = Key.doubleKey("v1.foveaRadiusPx", 4.0)
            .unit("px").range(0.5, 4096)
            .doc("Inside this radius the log-polar map samples linearly; outside, logarithmically.");
    public static final Key<Double> MAX_RADIUS_PX = Key.doubleKey("v1.maxRadiusPx", 0.0)
            .unit("px").range(0, 8192)
            .doc("Outer radius of the maps; 0 means the distance from the frame centre to a corner.");

    public static final Key<String> RECEPTIVE_FIELD = Key.choiceKey("v1.receptiveField", "fixed", "eccentric", "fixed")
            .doc("Each cell's centre-surround field, computed in integers from the 8-bit luma: eccentric (the DoG widens"
                    + " with the cells' spacing, sharp in the fovea, pooling in the periphery, so it does not alias) or fixed"
                    + " (the same DoG everywhere, sampled bilinearly: the old full-frame DoG followed by the polar remap).");

    public static final Key<Boolean> COROLLARY = Key.boolKey("v1.corollary", true)
            .doc("Corollary discharge: from the efference copy of the wheel commands, predict how the robot's own"
                    + " turning will shift the image, and give each V1 cell its response to the current frame moved by"
                    + " that shift (a feature of the sheet's V1 units). Costs one more pass of the receptive fields.");
    public static final Key<Integer> COROLLARY_MAX_SHIFT_PX = Key.intKey("v1.corollary.maxShiftPx", 48)
            .unit("px").range(1, 4096)
            .doc("Largest image shift per tick the corollary discharge measures or predicts (at most half the frame's"
                    + " width is used).");
    public static final Key<Double> COROLLARY_GAIN_RATE = Key.doubleKey("v1.corollary.gainRate", 0.01)
            .unit("1/tick").range(1e-5, 1)
            .doc("How fast the learned gain (image shift per count/s of turning command) follows the shifts V1 observes.");

    public static final Key<Integer> LIGHT_MIN_LUMA = Key.intKey("v1.light.minLuma", 200).range(0, 255)
            .doc("A lamp, for approach-light: pixels at least this bright (8-bit luma)...");
    public static final Key<Integer> LIGHT_CONTRAST = Key.intKey("v1.light.contrast", 30).range(1, 255)
            .doc("...and this much brighter than both pixels v1.light.surroundPx to their left and right (a small"
                    + " bright spot, not an edge or the sky) make up the light's mass and bearing.");
    public static final Key<Integer> LIGHT_SURROUND_PX = Key.intKey("v1.light.surroundPx", 10).unit("px").range(1, 64)
            .doc("How far to each side the bright-spot test looks.");

    public static final List<Key<?>> ALL = List.of(OPPONENT, CENTER_SIGMA_PX, SURROUND_SIGMA_PX, KERNEL_RADIUS_PX,
            RINGS, SECTORS, MAP, FOVEA_RADIUS_PX, MAX_RADIUS_PX, RECEPTIVE_FIELD, COROLLARY, COROLLARY_MAX_SHIFT_PX,
            COROLLARY_GAIN_RATE, LIGHT_MIN_LUMA, LIGHT_CONTRAST, LIGHT_SURROUND_PX);

    public static final List<Schema.Rule> RULES = List.of(
            Schema.Rule.ordered(SURROUND_SIGMA_PX, 1, true, CENTER_SIGMA_PX, "must be larger than", " px", ", or the DoG is not centre-surround"),
            new Schema.Rule(KERNEL_RADIUS_PX) {
                @Override
                public String check(Config c) {
                    int r = c.get(KERNEL_RADIUS_PX);
                    int w = c.get(org.ev3cortex.body.BodyKeys.CAMERA_WIDTH);
                    int h = c.get(org.ev3cortex.body.BodyKeys.CAMERA_HEIGHT);
                    return r < w && r < h ? null : "must be smaller than the camera frame (" + w + "x" + h + ")";
                }
            });
}

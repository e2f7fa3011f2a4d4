package org.ev3cortex.a1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table's log2 against Math.log over A1's whole range of band powers. */
class Log2Test {
    @Test
    void withinSevenTenThousandthsOfMathLogFrom1eMinus30To10() {
        Random rnd = new Random(5);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            float x = (float) Math.pow(10, -30 + 31 * rnd.nextDouble());
            double err = Math.abs(Log2.of(x) - Math.log(x) / Math.log(2));
            worst = Math.max(worst, err);
        }
        assertThat(worst).isLessThanOrEqualTo(Math.log1p(Math.pow(2, -11)) / Math.log(2) + 1e-6);
        assertThat(Log2.of(1f)).isCloseTo(0f, org.assertj.core.data.Offset.offset(0.0008f));
        assertThat(Log2.of(1024f)).isCloseTo(10f, org.assertj.core.data.Offset.offset(0.0008f));
    }
}

package com.klinecast.stream.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.retry.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectGateTest {

    private final ConnectGate gate = new ConnectGate(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 99));

    @Test
    void theFirstAttemptAndOneAfterASuccessGoAtOnce() {
        assertEquals(Duration.ZERO, gate.delay(0));
        gate.attempted(0);
        gate.failed();
        gate.opened();
        assertEquals(Duration.ZERO, gate.delay(1));
    }

    @Test
    void failuresBackOffWithinAGrowingCeiling() {
        for (int failure = 1; failure <= 10; failure++) {
            gate.failed();
            long ceiling = Math.min(60_000, 1_000L << (failure - 1));
            for (int draw = 0; draw < 20; draw++) {
                long wait = gate.delay(0).toMillis();
                assertTrue(wait >= 0 && wait <= ceiling, failure + ": " + wait);
            }
        }
    }

    @Test
    void noMoreThan300AttemptsStartInAnyFiveMinutes() {
        for (int i = 0; i < 300; i++) {
            assertEquals(Duration.ZERO, gate.delay(i * 10L));
            gate.attempted(i * 10L);
        }

        assertEquals(Duration.ofMillis(300_000 - 3_000), gate.delay(3_000));
        assertEquals(Duration.ZERO, gate.delay(300_000));
    }
}

package dev.trailhound.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.event.Event;
import org.junit.jupiter.api.Test;

class AdoptedValuesTest {
    @Test
    void remembersEachValueOnceAcrossGrowth() {
        AdoptedValues adopted = new AdoptedValues();
        for (int i = 0; i < 1000; i++) {
            assertTrue(adopted.add("network", "10.0." + i + ".0/24"));
        }
        for (int i = 0; i < 1000; i++) {
            assertFalse(adopted.add("network", "10.0." + i + ".0/24"), "value " + i);
        }
        assertTrue(adopted.add("region", "10.0.1.0/24"), "the kind is part of the value");
        assertEquals(1001, adopted.size());
    }

    @Test
    void aNetworkAnIdentityForgotAndMeetsAgainIsNotCountedTwiceForItsAccount() {
        BaselineStore store = new BaselineStore();
        AnomalyDetector detector = new AnomalyDetector(store, BaselineSettings.defaults(), AttackCatalog.v19());
        // a CI runner pool: more networks than the history keeps (64), then the first ones again
        for (int round = 0; round < 2; round++) {
            for (int n = 0; n < 80; n++) {
                Event e = Calls.roleSession("deploy", "run-" + round + "-" + n, "ASIA" + round + "X" + n).from("20.0." + n + ".7")
                        .call("ecs:UpdateService", round * 3 + n * 0.01, 1);
                detector.prepare(e);
                detector.detect(null, e);
            }
        }
        assertEquals(1, store.account(Calls.ACCOUNT).users("network", "20.0.0.0/24"), "one identity, counted once");
    }
}

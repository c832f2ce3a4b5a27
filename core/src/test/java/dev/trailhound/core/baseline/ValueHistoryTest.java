package dev.trailhound.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueHistoryTest {
    @Test
    void countsUsesAndRemembersFirstAndLastTime() {
        ValueHistory h = new ValueHistory(4);
        assertTrue(h.record("iam:ListUsers", 100));
        assertFalse(h.record("iam:ListUsers", 50));
        assertFalse(h.record("iam:ListUsers", 300));
        ValueHistory.Seen seen = h.get("iam:ListUsers");
        assertEquals(3, seen.count());
        assertEquals(50, seen.first(), "a late event moves the first time back");
        assertEquals(300, seen.last());
        assertFalse(h.record(null, 1), "a missing value is not a value");
        assertEquals(1, h.size());
    }

    @Test
    void pastItsCapacityForgetsTheValueUnusedTheLongest() {
        ValueHistory h = new ValueHistory(3);
        h.record("a", 1);
        h.record("b", 2);
        h.record("c", 3);
        h.record("a", 4);
        h.record("d", 5);
        assertEquals(3, h.size());
        assertNull(h.get("b"), "b was unused the longest");
        assertNotNull(h.get("a"));
        assertNotNull(h.get("c"));
        assertNotNull(h.get("d"));
        assertEquals("a", h.mostUsed());
    }
}

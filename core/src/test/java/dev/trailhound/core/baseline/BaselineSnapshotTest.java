package dev.trailhound.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.event.Event;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineSnapshotTest {
    private static final List<String> HABIT = List.of("ec2:DescribeInstances", "s3:ListBuckets", "logs:FilterLogEvents");

    /** Two weeks of three people's habits, then alice's keys used from elsewhere; in time order. */
    private static List<Event> twoWeeks() {
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < 15; day++) {
            for (String name : List.of("alice", "bob", "carol")) {
                for (int i = 0; i < 20; i++) {
                    events.add(Calls.user(name).call(HABIT.get(i % 3), day, 9 + i * 0.3 + (name.equals("bob") ? 0.1 : 0)));
                }
            }
        }
        Calls thief = Calls.user("alice").from("45.134.26.97").with("python-requests/2.31.0");
        events.add(thief.call("iam:ListUsers", 15, 2));
        events.add(thief.call("iam:CreateAccessKey", 15, 2.1));
        events.add(thief.call("secretsmanager:GetSecretValue", 15, 2.2));
        events.sort((a, b) -> Long.compare(a.eventTimeMillis(), b.eventTimeMillis()));
        return events;
    }

    private static List<Detection> feed(AnomalyDetector detector, List<Event> events) {
        List<Detection> found = new ArrayList<>();
        for (Event e : events) {
            detector.prepare(e);
            found.addAll(detector.detect(null, e));
        }
        return found;
    }

    private static AnomalyDetector detector(BaselineStore store) {
        return new AnomalyDetector(store, BaselineSettings.defaults(), AttackCatalog.v19());
    }

    @Test
    void aRestoredStoreJudgesExactlyAsTheOneThatKeptRunning() throws IOException {
        List<Event> events = twoWeeks();
        int split = events.size() / 2;
        List<Detection> continuous = feed(detector(new BaselineStore()), events);
        assertFalse(continuous.isEmpty(), "the attack must be detected for the comparison to mean anything");

        BaselineStore before = new BaselineStore();
        feed(detector(before), events.subList(0, split));
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        BaselineSnapshot.write(before, saved);
        BaselineStore restored = BaselineSnapshot.read(new ByteArrayInputStream(saved.toByteArray()), "baselines.json");
        List<Detection> resumed = feed(detector(restored), events.subList(split, events.size()));

        assertEquals(continuous, resumed);
        assertEquals(3, restored.subjects());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        BaselineSnapshot.write(restored, again);
        BaselineStore second = BaselineSnapshot.read(new ByteArrayInputStream(again.toByteArray()), "again.json");
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        BaselineSnapshot.write(second, third);
        assertEquals(again.toString(StandardCharsets.UTF_8), third.toString(StandardCharsets.UTF_8), "a snapshot survives a round trip unchanged");
    }

    @Test
    void aDamagedSnapshotSaysWhereAndWhat() {
        SnapshotCase[] cases = {
                new SnapshotCase("{\"format\":\"something-else/9\"}", "b.json: line 1, column 29: format 'something-else/9' is not trailhound-baselines/1"),
                new SnapshotCase("{\"identities\":[]}", "b.json: line 1, column 16: the \"format\" field must come first"),
                new SnapshotCase("{\"format\":\"trailhound-baselines/1\",\n\"identities\":[{\"key\":\"k\",\"actions\":[[\"a\",\"x\",1,2]]}]}",
                        "b.json: line 2, column 43: expected a whole number, found VALUE_STRING"),
                new SnapshotCase("{\"format\":\"trailhound-baselines/1\",\"identities\":[{\"key\":\"k\",\"hourOfDay\":[1,2]}]}",
                        "b.json: line 1, column 78: hourOfDay: 2 counts, expected 24"),
                new SnapshotCase("{\"format\":\"trailhound-baselines/1\",\"identities\":[{\"name\":\"n\"}]}",
                        "b.json: line 1, column 62: an identity without \"key\""),
                new SnapshotCase("{\"format\":\"trailhound-baselines/1\",\"identities\":[{\"key\":\"k\"},5,{\"key\":\"j\"}],\"accounts\":[]}",
                        "b.json: line 1, column 63: expected identities: an object for each identity, found VALUE_NUMBER_INT"),
                new SnapshotCase("{\"format\":\"trailhound-baselines/1\",\"identities\":[{\"key\":\"k\",\"agents\":[[\"TELEPATHY\",1,2,3]]}]}",
                        "b.json: line 1, column 85: agents: 'TELEPATHY' is not a user-agent family of this version"),
                new SnapshotCase("{\"format\":\"trailhound-baselines/1\",\"accounts\":[{\"id\":\"1\",\"identities\":-3}]}",
                        "b.json: line 1, column 73: expected a count from 0 to 2147483647, found -3"),
                new SnapshotCase("{\"format\":", "b.json: not valid JSON at line 1, column 11")};
        for (SnapshotCase c : cases) {
            IOException e = assertThrows(IOException.class,
                    () -> BaselineSnapshot.read(new ByteArrayInputStream(c.text.getBytes(StandardCharsets.UTF_8)), "b.json"), c.text);
            assertTrue(e.getMessage().startsWith(c.message), e.getMessage() + " <- " + c.text);
        }
    }

    private record SnapshotCase(String text, String message) {
    }
}

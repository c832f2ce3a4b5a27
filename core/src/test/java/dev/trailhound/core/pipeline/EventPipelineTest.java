package dev.trailhound.core.pipeline;

import static dev.trailhound.core.pipeline.TestEvents.at;
import static dev.trailhound.core.pipeline.TestEvents.role;
import static dev.trailhound.core.pipeline.TestEvents.service;
import static dev.trailhound.core.pipeline.TestEvents.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.session.Session;
import dev.trailhound.core.session.Sessioniser;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.core.threat.ThreatAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventPipelineTest {
    private final List<Threat> threats = new ArrayList<>();

    private EventPipeline pipeline(Map<String, String> techniques) {
        DetectionCore core = new DetectionCore(List.of(new ActionDetector(techniques, Severity.HIGH)),
                new Sessioniser(PipelineSettings.defaults().sessions()));
        return new EventPipeline(core, PipelineSettings.defaults(), Organisation.empty(), new ThreatListener() {
            @Override
            public void closed(Session threat) {
                threats.add(ThreatAssembler.assemble(threat));
            }
        });
    }

    @Test
    void a_session_with_a_detection_becomes_a_threat_carrying_its_earlier_events() {
        EventPipeline p = pipeline(Map.of("StopLogging", "T1685.002", "CreateAccessKey", "T1098.001"));
        p.offer(at(0, "recon", "GetCallerIdentity", role("attacker", "ASIAATTACK")));
        p.offer(at(1, "stop", "StopLogging", role("attacker", "ASIAATTACK")));
        p.offer(at(2, "key", "CreateAccessKey", role("attacker", "ASIAATTACK")));
        p.offer(at(3, "quiet", "ListUsers", role("bystander", "ASIAOTHER")));
        p.finish();

        assertThat(threats).singleElement().satisfies(t -> {
            assertThat(t.eventIds()).containsExactly("recon", "stop", "key");
            assertThat(t.detections()).extracting(d -> d.eventId()).containsExactly("stop", "key");
            assertThat(t.tactics()).extracting(Tactic::id).containsExactly("TA0003", "TA0004", "TA0112");
            assertThat(t.severity()).isEqualTo(Severity.HIGH);
            assertThat(t.user()).isEqualTo("attacker");
            assertThat(t.detectionMillis()).isEqualTo(TestEvents.T0.plusSeconds(60).toEpochMilli());
        });
        assertThat(p.statistics().events()).isEqualTo(4);
    }

    @Test
    void duplicates_are_processed_once() {
        EventPipeline p = pipeline(Map.of("StopLogging", "T1685.002"));
        Event stop = at(1, "stop", "StopLogging", user("mallory", "AKIAMAL"));
        p.offer(stop);
        p.offer(at(2, "other", "ListUsers", user("mallory", "AKIAMAL")));
        p.offer(stop);
        p.finish();

        assertThat(p.statistics().duplicates()).isEqualTo(1);
        assertThat(threats).singleElement().satisfies(t -> assertThat(t.detections()).hasSize(1));
    }

    @Test
    void detections_on_aws_service_events_never_become_threats() {
        EventPipeline p = pipeline(Map.of("StopLogging", "T1685.002"));
        p.offer(at(1, "svc", "StopLogging", service("cloudtrail.amazonaws.com")));
        p.finish();

        assertThat(threats).isEmpty();
        assertThat(p.statistics().serviceEvents()).isEqualTo(1);
    }

    @Test
    void a_late_event_joining_two_sessions_keeps_the_earlier_threat_id_and_names_the_merged_one() {
        EventPipeline p = pipeline(Map.of("CreateUser", "T1136.003", "DeleteTrail", "T1685.002"));
        p.offer(at(0, "u1", "CreateUser", user("eve", "AKIAEVE")));
        p.offer(at(100, "u2", "DeleteTrail", user("eve", "AKIAEVE")));
        p.offer(at(101, "x", "ListUsers", user("eve", "AKIAEVE")));
        p.offer(at(200, "tick", "ListUsers", user("someone", "AKIAOTHER")));
        p.offer(at(50, "bridge", "ListUsers", user("eve", "AKIAEVE")));
        p.offer(at(400, "later", "ListUsers", user("someone", "AKIAOTHER")));
        p.finish();

        assertThat(threats).singleElement().satisfies(t -> {
            assertThat(t.eventIds()).containsExactlyInAnyOrder("u1", "bridge", "u2", "x");
            assertThat(t.detections()).hasSize(2);
            assertThat(t.mergedFrom()).hasSize(1).doesNotContain(t.threatId());
            assertThat(t.firstEventMillis()).isEqualTo(TestEvents.T0.toEpochMilli());
        });
        assertThat(p.statistics().late()).isEqualTo(1);
    }

    @Test
    void threat_ids_are_the_same_for_the_same_input() {
        List<String> ids = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            threats.clear();
            EventPipeline p = pipeline(Map.of("StopLogging", "T1685.002"));
            p.offer(at(1, "stop", "StopLogging", role("attacker", "ASIAATTACK")));
            p.finish();
            ids.add(threats.get(0).threatId());
        }
        assertThat(ids.get(0)).startsWith("th-").isEqualTo(ids.get(1));
    }
}

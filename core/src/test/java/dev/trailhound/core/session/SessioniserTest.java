package dev.trailhound.core.session;

import static dev.trailhound.core.pipeline.TestEvents.T0;
import static dev.trailhound.core.pipeline.TestEvents.at;
import static dev.trailhound.core.pipeline.TestEvents.console;
import static dev.trailhound.core.pipeline.TestEvents.role;
import static dev.trailhound.core.pipeline.TestEvents.service;
import static dev.trailhound.core.pipeline.TestEvents.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import org.junit.jupiter.api.Test;

class SessioniserTest {
    private final Sessioniser sessioniser = new Sessioniser(SessionSettings.defaults());

    private Assignment assign(PrincipalState state, Event e) {
        return sessioniser.assign(state, e);
    }

    private static PrincipalState stateOf(Event e) {
        return new PrincipalState(SessionRules.principalKey(e), 0);
    }

    @Test
    void temporary_credentials_form_one_session_per_access_key_however_long_the_pauses() {
        Event a = at(0, "a", "ListUsers", role("deploy", "ASIAKEY1"));
        PrincipalState state = stateOf(a);
        Session first = assign(state, a).session();
        Session later = assign(state, at(300, "b", "ListRoles", role("deploy", "ASIAKEY1"))).session();
        Session other = assign(state, at(301, "c", "ListRoles", role("deploy", "ASIAKEY2"))).session();

        assertThat(later).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(first.kind()).isEqualTo(SessionKind.TEMPORARY_KEY);
        assertThat(first.eventIds()).containsExactly("a", "b");
    }

    @Test
    void console_sessions_are_keyed_by_principal_and_creation_time_not_by_the_rotating_key() {
        Principal before = console("alice@example.com", T0);
        Event a = at(0, "a", "DescribeInstances", before);
        PrincipalState state = stateOf(a);
        Session s = assign(state, a).session();
        Principal sameSignInNewKey = new Principal(before.identityType(), before.arn(), before.accountId(), before.principalId(),
                before.userName(), "ASIAOTHERKEY", null, true, T0, before.sessionIssuerArn(), before.sessionIssuerName(), null, true);
        Session t = assign(state, at(20, "b", "DescribeVolumes", sameSignInNewKey)).session();
        Session nextSignIn = assign(state, at(30, "c", "DescribeVolumes", console("alice@example.com", T0.plusSeconds(1800)))).session();

        assertThat(s.kind()).isEqualTo(SessionKind.CONSOLE);
        assertThat(t).isSameAs(s);
        assertThat(nextSignIn).isNotSameAs(s);
    }

    @Test
    void long_term_keys_are_split_where_the_principal_pauses_longer_than_the_gap() {
        Event a = at(0, "a", "ListUsers", user("ci", "AKIACI"));
        PrincipalState state = stateOf(a);
        Session first = assign(state, a).session();
        Session same = assign(state, at(59, "b", "ListUsers", user("ci", "AKIACI"))).session();
        Session next = assign(state, at(59 + 61, "c", "ListUsers", user("ci", "AKIACI"))).session();

        assertThat(first.kind()).isEqualTo(SessionKind.ACTIVITY);
        assertThat(same).isSameAs(first);
        assertThat(next).isNotSameAs(first);
    }

    @Test
    void merges_sessions_when_a_late_event_bridges_the_gap_and_the_earlier_keeps_its_id() {
        Event a = at(0, "a", "ListUsers", user("bob", "AKIABOB"));
        PrincipalState state = stateOf(a);
        Session earlier = assign(state, a).session();
        Session laterSession = assign(state, at(100, "b", "CreateUser", user("bob", "AKIABOB"))).session();
        String earlierThreatId = earlier.threatId();
        assertThat(laterSession).isNotSameAs(earlier);

        Assignment bridge = assign(state, at(50, "late", "ListUsers", user("bob", "AKIABOB")));

        assertThat(bridge.session()).isSameAs(earlier);
        assertThat(bridge.mergedAway()).isSameAs(laterSession);
        assertThat(earlier.threatId()).isEqualTo(earlierThreatId);
        assertThat(earlier.eventIds()).containsExactlyInAnyOrder("a", "late", "b");
        assertThat(state.openSessions()).containsExactly(earlier);
    }

    @Test
    void aws_service_events_never_join_a_session() {
        Event e = at(0, "svc", "Decrypt", service("cloudtrail.amazonaws.com"));
        assertThat(SessionRules.kindOf(e)).isEqualTo(SessionKind.AWS_SERVICE);
        assertThat(assign(stateOf(e), e).session()).isNull();

        Principal userViaService = new Principal("IAMUser", "arn:aws:iam::111122223333:user/carol", "111122223333", "AIDA",
                "carol", "AKIACAROL", "cloudformation.amazonaws.com", null, null, null, null, null, false);
        assertThat(SessionRules.kindOf(at(0, "cfn", "CreateRole", userViaService))).isEqualTo(SessionKind.AWS_SERVICE);
    }

    @Test
    void events_before_the_first_detection_are_kept_up_to_the_bound() {
        Sessioniser small = new Sessioniser(new SessionSettings(java.time.Duration.ofHours(1), java.time.Duration.ofHours(12), 3, 100, 10, java.time.Duration.ZERO));
        Event first = at(0, "e0", "ListUsers", role("x", "ASIAX"));
        PrincipalState state = stateOf(first);
        Session s = small.assign(state, first).session();
        for (int i = 1; i < 6; i++) {
            small.assign(state, at(i, "e" + i, "ListUsers", role("x", "ASIAX")));
        }

        assertThat(s.eventIds()).containsExactly("e3", "e4", "e5");
        assertThat(s.eventsOmitted()).isEqualTo(3);
        assertThat(s.eventCount()).isEqualTo(6);
    }

    @Test
    void idle_sessions_close_once_event_time_passes_their_bound() {
        Event a = at(0, "a", "ListUsers", user("dave", "AKIADAVE"));
        PrincipalState state = stateOf(a);
        Session s = assign(state, a).session();

        // gap 60 minutes + late allowance 60 minutes
        assertThat(state.closeIdle(T0.plusSeconds(119 * 60).toEpochMilli(), SessionSettings.defaults())).isEmpty();
        assertThat(state.closeIdle(T0.plusSeconds(121 * 60).toEpochMilli(), SessionSettings.defaults())).containsExactly(s);
        assertThat(state.hasOpenSessions()).isFalse();
    }
}

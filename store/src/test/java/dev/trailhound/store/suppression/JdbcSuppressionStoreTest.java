package dev.trailhound.store.suppression;

import static dev.trailhound.store.testing.ThreatFixtures.T0;
import static dev.trailhound.store.testing.ThreatFixtures.event;
import static dev.trailhound.store.testing.ThreatFixtures.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.store.Database;
import dev.trailhound.store.event.EventRecord;
import dev.trailhound.store.event.JdbcEventStore;
import dev.trailhound.store.testing.DatabaseKind;
import dev.trailhound.store.threat.JdbcThreatStore;
import dev.trailhound.store.threat.StoredThreat;
import dev.trailhound.store.threat.ThreatQuery;
import dev.trailhound.store.threat.ThreatStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcSuppressionStoreTest {
    private static final String A = "111122223333";
    private static final String B = "444455556666";

    private Database db;
    private JdbcThreatStore threats;
    private JdbcSuppressionStore suppressions;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private void open(DatabaseKind kind, String name) {
        db = kind.open(name);
        threats = new JdbcThreatStore(db);
        suppressions = new JdbcSuppressionStore(db);
        List<EventRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(event("e" + i, T0 + i * 1000L, i < 10 ? A : B, "CreateAccessKey"));
        }
        new JdbcEventStore(db).storeNew(records, T0);
    }

    private void store(Threat t, long now) {
        threats.upsert(t, t.eventIds().size(), false, now);
        suppressions.applyTo(t.threatId(), now);
    }

    private ThreatStatus status(String id) {
        return threats.get(id).map(StoredThreat::status).orElseThrow();
    }

    private NewSuppression rule(SuppressionScope scope, Long expires) {
        return new NewSuppression(scope, "known pentest", "secops-team", "ana", expires);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_preview_shows_what_a_rule_would_suppress_and_saving_it_does_exactly_that(DatabaseKind kind) {
        open(kind, "suppress-preview");
        store(threat("th-1", A, "alice", Severity.HIGH, 0, List.of("e0"), "T1098.001"), T0);
        store(threat("th-2", A, "bob", Severity.LOW, 10, List.of("e1"), "T1580"), T0);
        store(threat("th-3", B, "alice", Severity.CRITICAL, 20, List.of("e10"), "T1562.008"), T0);

        SuppressionScope alice = SuppressionScope.of(ScopeType.PRINCIPAL, "alice");
        SuppressionPreview preview = suppressions.preview(alice, 10);
        assertThat(preview.matches()).isEqualTo(2);
        assertThat(preview.threatIds()).containsExactly("th-3", "th-1");
        assertThat(status("th-1")).as("a preview changes nothing").isEqualTo(ThreatStatus.OPEN);

        JdbcSuppressionStore.Created created = suppressions.create(rule(alice, null), T0 + 1);
        assertThat(created.suppressed()).isEqualTo(2);
        assertThat(created.suppression().hits()).isEqualTo(2);
        assertThat(created.suppression().state()).isEqualTo("active");
        assertThat(status("th-1")).isEqualTo(ThreatStatus.SUPPRESSED);
        assertThat(status("th-3")).isEqualTo(ThreatStatus.SUPPRESSED);
        assertThat(status("th-2")).isEqualTo(ThreatStatus.OPEN);
        StoredThreat.Suppression why = threats.get("th-1").orElseThrow().suppression();
        assertThat(why.reason()).isEqualTo("known pentest");
        assertThat(why.by()).isEqualTo("secops-team");
        assertThat(why.ruleId()).isEqualTo(created.suppression().id());
        assertThat(suppressions.preview(alice, 10).matches()).as("nothing left open to suppress").isZero();

        // by principal ARN too, not only the user name
        SuppressionPreview byArn = suppressions.preview(SuppressionScope.of(ScopeType.PRINCIPAL, "arn:aws:iam::" + A + ":user/bob"), 10);
        assertThat(byArn.threatIds()).containsExactly("th-2");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void new_threats_in_scope_are_suppressed_as_they_come_and_counted(DatabaseKind kind) {
        open(kind, "suppress-new");
        Suppression rule = suppressions.create(rule(SuppressionScope.of(ScopeType.ACCOUNT, B), null), T0).suppression();
        assertThat(rule.hits()).isZero();
        store(threat("th-a", A, "alice", Severity.HIGH, 0, List.of("e0"), "T1098.001"), T0 + 5);
        store(threat("th-b", B, "bob", Severity.HIGH, 1, List.of("e10"), "T1098.001"), T0 + 6);
        store(threat("th-c", B, "carol", Severity.LOW, 2, List.of("e11"), "T1580"), T0 + 7);
        assertThat(status("th-a")).isEqualTo(ThreatStatus.OPEN);
        assertThat(status("th-b")).isEqualTo(ThreatStatus.SUPPRESSED);
        assertThat(status("th-c")).isEqualTo(ThreatStatus.SUPPRESSED);
        Suppression after = suppressions.get(rule.id()).orElseThrow();
        assertThat(after.hits()).isEqualTo(2);
        assertThat(after.lastHitMillis()).isEqualTo(T0 + 7);

        // a suppressed threat that grows stays suppressed and is not counted again
        store(threat("th-b", B, "bob", Severity.HIGH, 1, List.of("e10", "e12"), "T1098.001"), T0 + 8);
        assertThat(status("th-b")).isEqualTo(ThreatStatus.SUPPRESSED);
        assertThat(suppressions.get(rule.id()).orElseThrow().hits()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_rule_scope_covers_threats_made_only_of_that_rule_and_one_that_grows_further_reopens(DatabaseKind kind) {
        open(kind, "suppress-rule");
        suppressions.create(rule(SuppressionScope.of(ScopeType.RULE, "rule-T1580"), null), T0);
        store(threat("th-only", A, "alice", Severity.LOW, 0, List.of("e0"), "T1580"), T0 + 1);
        store(threat("th-more", A, "bob", Severity.HIGH, 1, List.of("e1"), "T1580", "T1098.001"), T0 + 1);
        assertThat(status("th-only")).isEqualTo(ThreatStatus.SUPPRESSED);
        assertThat(status("th-more")).as("another detection is evidence the rule does not cover").isEqualTo(ThreatStatus.OPEN);

        store(threat("th-only", A, "alice", Severity.HIGH, 0, List.of("e0", "e2"), "T1580", "T1562.008"), T0 + 2);
        assertThat(status("th-only")).as("grew out of the rule's scope").isEqualTo(ThreatStatus.OPEN);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_filter_scope_matches_as_the_threat_list_does(DatabaseKind kind) {
        open(kind, "suppress-filter");
        store(threat("th-1", A, "alice", Severity.LOW, 0, List.of("e0"), "T1580"), T0);
        store(threat("th-2", A, "bob", Severity.HIGH, 1, List.of("e1"), "T1580"), T0);
        store(threat("th-3", B, "carol", Severity.LOW, 2, List.of("e10"), "T1580"), T0);
        ThreatQuery lowDiscoveryInA = ThreatQuery.open().withTactics(List.of("TA0007")).withSeverities(List.of("low"))
                .withAccounts(List.of(A));
        assertThat(suppressions.preview(SuppressionScope.filter(lowDiscoveryInA), 10).threatIds()).containsExactly("th-1");

        Suppression saved = suppressions.create(rule(SuppressionScope.filter(lowDiscoveryInA), null), T0).suppression();
        assertThat(saved.scope().filter().tactics()).containsExactly("TA0007");
        assertThat(saved.scope().filter().accounts()).containsExactly(A);
        assertThat(suppressions.list()).extracting(Suppression::id).containsExactly(saved.id());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_expired_or_deleted_rule_reopens_its_threats_and_applies_no_more(DatabaseKind kind) {
        open(kind, "suppress-end");
        store(threat("th-1", A, "alice", Severity.LOW, 0, List.of("e0"), "T1580"), T0);
        store(threat("th-2", B, "bob", Severity.LOW, 0, List.of("e10"), "T1580"), T0);
        threats.suppress("th-2", "an analyst's own call", "ana", T0);
        Suppression expiring = suppressions.create(rule(SuppressionScope.of(ScopeType.ACCOUNT, A), T0 + 60_000), T0).suppression();
        Suppression deleted = suppressions.create(rule(SuppressionScope.of(ScopeType.ASSET, "bob"), null), T0).suppression();
        assertThat(status("th-1")).isEqualTo(ThreatStatus.SUPPRESSED);

        assertThat(suppressions.expire(T0 + 59_999)).isEmpty();
        List<EndedSuppression> ended = suppressions.expire(T0 + 60_000);
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).reopened()).isEqualTo(1);
        assertThat(ended.get(0).suppression().state()).isEqualTo("expired");
        assertThat(status("th-1")).isEqualTo(ThreatStatus.OPEN);
        store(threat("th-4", A, "dave", Severity.LOW, 5, List.of("e3"), "T1580"), T0 + 70_000);
        assertThat(status("th-4")).as("the rule has expired").isEqualTo(ThreatStatus.OPEN);

        EndedSuppression gone = suppressions.delete(deleted.id(), "ana", T0 + 80_000).orElseThrow();
        assertThat(gone.reopened()).as("th-2 was suppressed by a person, not by the rule").isZero();
        assertThat(gone.suppression().state()).isEqualTo("deleted");
        assertThat(status("th-2")).isEqualTo(ThreatStatus.SUPPRESSED);
        assertThat(suppressions.delete(deleted.id(), "ana", T0 + 90_000)).as("already ended").isEmpty();
        assertThat(suppressions.delete("no-such-id", "ana", T0 + 90_000)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_threat_an_analyst_reopened_is_not_suppressed_again_by_rules(DatabaseKind kind) {
        open(kind, "suppress-exempt");
        suppressions.create(rule(SuppressionScope.of(ScopeType.ACCOUNT, A), null), T0);
        store(threat("th-1", A, "alice", Severity.LOW, 0, List.of("e0"), "T1580"), T0 + 1);
        assertThat(status("th-1")).isEqualTo(ThreatStatus.SUPPRESSED);
        assertThat(threats.unsuppress("th-1", T0 + 2)).isTrue();
        store(threat("th-1", A, "alice", Severity.LOW, 0, List.of("e0", "e1"), "T1580"), T0 + 3);
        assertThat(status("th-1")).isEqualTo(ThreatStatus.OPEN);
        suppressions.create(rule(SuppressionScope.of(ScopeType.PRINCIPAL, "alice"), null), T0 + 4);
        assertThat(status("th-1")).as("a later rule does not overrule the analyst either").isEqualTo(ThreatStatus.OPEN);
    }

    @Test
    void scopes_that_would_cover_everything_or_nothing_are_refused() {
        assertThatThrownBy(() -> SuppressionScope.filter(ThreatQuery.open())).hasMessageContaining("every threat");
        assertThatThrownBy(() -> SuppressionScope.filter(ThreatQuery.open().withUsers(List.of("a")).between(T0, T0 + 1)))
                .hasMessageContaining("no time range");
        assertThatThrownBy(() -> SuppressionScope.of(ScopeType.ACCOUNT, " ")).hasMessageContaining("needs the account");
    }
}

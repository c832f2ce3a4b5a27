package dev.trailhound.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhound.core.attack.AttackCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionCategoriesTest {
    private final ActionCategories table = ActionCategories.standard();

    @ParameterizedTest
    @CsvSource({
            "iam:CreateAccessKey, , CREDENTIALS",
            "iam:AttachUserPolicy, , IAM_CHANGE",
            "iam:PutRolePolicy, , IAM_CHANGE",
            "iam:DeleteUser, , DESTRUCTION",
            "iam:CreateUser, , ACCOUNT_CREATION",
            "iam:ListUsers, true, IDENTITY_DISCOVERY",
            "sts:GetCallerIdentity, true, IDENTITY_DISCOVERY",
            "secretsmanager:GetSecretValue, true, SECRETS",
            "ssm:GetParameters, true, SECRETS",
            "cloudtrail:StopLogging, , LOGGING_SECURITY",
            "guardduty:DeleteDetector, , LOGGING_SECURITY",
            "ec2:ModifySnapshotAttribute, , SHARING_POLICY",
            "ec2:RunInstances, , COMPUTE_LAUNCH",
            "s3:GetObject, true, DATA_ACCESS",
            "ec2:DescribeInstances, true, DISCOVERY",
            "s3:ListBuckets, true, DISCOVERY",
            "ecs:DescribeServices, , DISCOVERY",
            "dynamodb:DescribeTable, true, DISCOVERY",
            "s3:GetBucketAcl, true, OTHER_READ",
            "ec2:CreateTags, false, OTHER_WRITE",
            "kinesis:PutRecord, , OTHER_WRITE"})
    void putsActionsInTheirCategory(String action, Boolean readOnly, ActionCategory expected) {
        assertEquals(expected, table.of(action, readOnly));
    }

    @Test
    void noLineIsShadowedByAnEarlierOne() {
        // the first match wins: a specific line after a general one with another category would never apply
        for (Map.Entry<String, ActionCategory> line : table.lines()) {
            if (!line.getKey().contains("*")) {
                assertEquals(line.getValue(), table.lookUp(line.getKey()), line.getKey() + " is shadowed by an earlier line");
            }
        }
    }

    @Test
    void noPatternIsListedTwice() {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, ActionCategory> line : table.lines()) {
            assertTrue(seen.add(line.getKey().toLowerCase(Locale.ROOT)), line.getKey() + " is listed twice");
        }
    }

    @Test
    void everyCategoryMapsToTechniquesAndTacticsOfTheCatalogue() {
        AttackCatalog catalog = AttackCatalog.v19();
        for (ActionCategory c : ActionCategory.values()) {
            assertTrue(!c.tactics().isEmpty() && !c.techniques().isEmpty(), c.name());
            for (String tactic : c.tactics()) {
                assertTrue(catalog.tactic(tactic).isPresent(), c + ": unknown tactic " + tactic);
            }
            for (String id : c.techniques()) {
                var technique = catalog.technique(id).orElseThrow(() -> new AssertionError(c + ": unknown technique " + id));
                assertTrue(c.tactics().stream().anyMatch(t -> catalog.belongsTo(technique, catalog.tactic(t).orElseThrow())),
                        c + ": " + id + " serves none of " + c.tactics());
            }
        }
    }

    @Test
    void aBadLineNamesItsPlaceAndWhatIsExpected() {
        String text = "# comment\niam:CreateUser\tACCOUNT_CREATION\niam:Oops\tNOT_A_CATEGORY\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActionCategories.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "table.tsv"));
        assertTrue(e.getMessage().startsWith("table.tsv:3: unknown category 'NOT_A_CATEGORY'"), e.getMessage());
        String missing = "iam:CreateUser ACCOUNT_CREATION\n";
        e = assertThrows(IllegalArgumentException.class,
                () -> ActionCategories.parse(new ByteArrayInputStream(missing.getBytes(StandardCharsets.UTF_8)), "t.tsv"));
        assertTrue(e.getMessage().startsWith("t.tsv:1: expected 'service:Action<TAB>CATEGORY'"), e.getMessage());
    }
}

package dev.trailhound.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code resources[]} line of the asset table: an entry of a record's {@code resources} array whose
 * CloudFormation-style {@code type} matches {@code types} is an asset whose id is at {@code path} within the
 * entry. A null {@code type} or {@code kind} (written {@code *}) is taken from the entry's type:
 * {@code AWS::RDS::DBClusterSnapshot} gives type {@code RDS} and kind {@code db-cluster-snapshot}.
 */
record ResourceRule(int line, NamePattern types, String type, String kind, FieldPath path, IdForm form) {
    ResourceRule {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(form, "form");
    }

    /** The asset this rule makes of a {@code resources} entry, if the rule applies to it. */
    Optional<Asset> asset(String resourceType, JsonNode entry) {
        if (!types.matches(resourceType)) {
            return Optional.empty();
        }
        List<String> values = path.values(entry);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String id = form.apply(values.getFirst());
        if (type != null && kind != null) {
            return Optional.of(new Asset(type, kind, id));
        }
        // AWS::<Service>::<Kind>
        int first = resourceType.indexOf("::");
        int second = first < 0 ? -1 : resourceType.indexOf("::", first + 2);
        if (second < 0 || second == first + 2 || second + 2 == resourceType.length()
                || resourceType.indexOf("::", second + 2) >= 0) {
            return Optional.empty();
        }
        String service = resourceType.substring(first + 2, second);
        String resourceKind = resourceType.substring(second + 2);
        return Optional.of(new Asset(type != null ? type : service, kind != null ? kind : kebab(resourceKind), id));
    }

    /** {@code DBClusterSnapshot} to {@code db-cluster-snapshot}, {@code SAMLProvider} to {@code saml-provider}. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char before = camel.charAt(i - 1);
                boolean wordStartsAfterAcronym = Character.isUpperCase(before)
                        && i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (!Character.isUpperCase(before) || wordStartsAfterAcronym) {
                    out.append('-');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}

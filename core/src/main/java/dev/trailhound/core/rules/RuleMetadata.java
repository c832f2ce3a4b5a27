package dev.trailhound.core.rules;

import java.util.List;
import java.util.Objects;

/**
 * What a Sigma rule or correlation says about itself.
 *
 * @param id             the rule's {@code id} (a UUID in well-kept rules), or null when absent
 * @param name           the optional {@code name} other rules refer to it by, or null
 * @param title          one line
 * @param description    may be empty
 * @param level          informational, low, medium, high or critical (as written; validated when compiled)
 * @param status         stable, test, experimental, deprecated, unsupported, or null
 * @param tags           e.g. {@code attack.persistence}, {@code attack.t1098.001}
 * @param falsePositives what may look like this and is benign
 * @param references     where the behaviour is described
 * @param automation     true when the rule also judges automation identities' events (Trailhound extension
 *                       {@code automation: include}); by default their routine work raises nothing
 * @param where          where the rule starts
 */
public record RuleMetadata(String id, String name, String title, String description, String level, String status,
        List<String> tags, List<String> falsePositives, List<String> references, boolean automation, SourceLocation where) {
    public RuleMetadata {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        falsePositives = List.copyOf(falsePositives);
        references = List.copyOf(references);
        Objects.requireNonNull(where, "where");
    }

    /** The id, else the name, else the file and line: what problems and detections call the rule. */
    public String key() {
        return id != null ? id : name != null ? name : where.toString();
    }
}

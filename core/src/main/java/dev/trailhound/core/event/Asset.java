package dev.trailhound.core.event;

import java.util.Objects;

/**
 * A resource an event acted on.
 *
 * @param type service-level asset type shown in the console's "Asset Type" column (EC2, IAM, S3, Lambda...)
 * @param kind what the resource is within its service (instance, security-group, user, role, bucket...)
 * @param id   the resource's identifier as CloudTrail names it (instance id, bucket name, ARN, key id...)
 */
public record Asset(String type, String kind, String id) {
    public Asset {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}

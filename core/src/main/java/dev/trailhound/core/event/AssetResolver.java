package dev.trailhound.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Placeholder until the asset mapping lands: derives nothing. Replaced by the data-driven resolver. */
public final class AssetResolver {
    private static final AssetResolver STANDARD = new AssetResolver();

    public static AssetResolver standard() { return STANDARD; }

    public List<Asset> resolve(String service, String action, JsonNode record) {
        return List.of();
    }
}

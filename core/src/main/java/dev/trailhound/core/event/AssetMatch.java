package dev.trailhound.core.event;

import java.util.Objects;

/**
 * An asset together with the line of the asset table that named it: what {@link AssetResolver#trace}
 * reports, so tests can show that every line of the table is exercised.
 */
record AssetMatch(Asset asset, int line) {
    AssetMatch {
        Objects.requireNonNull(asset, "asset");
    }
}

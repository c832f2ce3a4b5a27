package dev.trailhound.web.events;

import java.io.IOException;
import java.io.InputStream;

/** Where the HTTP ingest endpoint hands CloudTrail input: the service's detection pipeline. */
public interface EventIntake {
    /**
     * Reads, stores and queues for detection every record of one request body (gzip recognised by its magic bytes).
     *
     * @param source    names the input in rejections ("http", with the caller)
     * @param jsonLines one record per line, else one JSON document (delivery object, envelope, or an array of them)
     */
    IngestCounts ingest(String source, InputStream body, boolean jsonLines) throws IOException;
}

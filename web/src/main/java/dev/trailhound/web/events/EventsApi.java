package dev.trailhound.web.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.Json;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.Permission;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiRoutes;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code POST /api/v1/events}: a CloudTrail delivery object, EventBridge envelopes (one or an array), or JSON Lines
 * ({@code application/x-ndjson}), gzip-encoded or not; answers with counts accepted, duplicate and rejected.
 */
public final class EventsApi implements ApiModule {
    private final EventIntake intake;
    private final long maxBodyBytes;

    public EventsApi(EventIntake intake, long maxBodyBytes) {
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/api/v1/events", this::ingest, Permission.CONFIGURE);
    }

    private void ingest(Context ctx) {
        String length = ctx.header("Content-Length");
        if (length != null && parseLength(length) > maxBodyBytes) {
            throw tooLarge();
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean jsonLines = type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/json-lines");
        String source = "http (" + Authentication.caller(ctx).username() + ")";
        IngestCounts counts;
        try {
            counts = intake.ingest(source, new LimitedBody(ctx.bodyInputStream(), maxBodyBytes), jsonLines);
        } catch (BodyTooLarge e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode body = Json.object();
        body.put("accepted", counts.accepted());
        body.put("duplicate", counts.duplicate());
        body.put("rejected", counts.rejected());
        ArrayNode rejections = body.putArray("rejections");
        for (Rejection r : counts.rejections()) {
            ObjectNode one = rejections.addObject();
            one.put("position", r.position());
            one.put("reason", r.reason());
        }
        Json.send(ctx, 200, body);
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("Content-Length", "not a number: " + header);
        }
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(413, "body", "the request body is larger than the limit of " + maxBodyBytes
                + " bytes (http.maxBodyBytes): send it in smaller parts, or gzip-encoded");
    }
}

package dev.trailhound.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;

/** Writing JSON and problem answers: one object mapper for the API. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API's own JSON could not be written", e);
        }
    }

    /** The request body as a JSON object, or a 400 problem naming the body. */
    public static ObjectNode readObject(Context ctx) {
        try {
            JsonNode node = MAPPER.readTree(ctx.bodyInputStream());
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw ApiProblem.badRequest("body", "expected a JSON object");
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("body", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "the request body could not be read: " + e.getMessage());
        }
    }

    public static void problem(Context ctx, int status, String title, String detail, String field) {
        sendProblem(ctx, problemBody(status, title, detail, field));
    }

    /** A problem's body, for a caller that adds members of its own before {@link #sendProblem}. */
    public static ObjectNode problemBody(int status, String title, String detail, String field) {
        ObjectNode body = object();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }

    public static void sendProblem(Context ctx, ObjectNode body) {
        send(ctx, body.path("status").asInt(500), body);
        ctx.contentType("application/problem+json");
    }
}

package dev.trailhound.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.Permission;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: the REST API under /api/v1, /health and /metrics. Built by the composition root from its parts. */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private final Javalin javalin;
    private final List<String> routes;

    public ApiServer(Authentication authentication, List<ApiModule> modules, long maxBodyBytes) {
        ApiRoutes[] registered = new ApiRoutes[1];
        byte[] openApi = OpenApiDocument.json();
        this.javalin = Javalin.create(config -> {
            ApiRoutes api = new ApiRoutes(config.routes);
            registered[0] = api;
            config.http.maxRequestSize = maxBodyBytes;
            config.startup.showJavalinBanner = false;
            config.routes.beforeMatched(authentication::check);
            api.get("/health", ctx -> Json.send(ctx, 200, Json.object().put("status", "ok")), Permission.PUBLIC);
            api.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi), Permission.PUBLIC);
            modules.forEach(module -> module.register(api));
            config.routes.exception(ApiProblem.class, (e, ctx) -> answer(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                Json.problem(ctx, 500, title(500), "the server failed on this request; its log says why", null);
            });
            config.routes.error(404, ctx -> {
                if (!"application/problem+json".equals(ctx.contentType())) {
                    Json.problem(ctx, 404, title(404), "no such resource: " + ctx.path(), null);
                }
            });
        });
        this.routes = registered[0].registered();
    }

    private static void answer(Context ctx, ApiProblem problem) {
        ObjectNode body = Json.problemBody(problem.status(), title(problem.status()), problem.getMessage(), problem.field());
        if (problem.retryAt() != null) {
            ctx.header("Retry-After", Long.toString(problem.retryAfterSeconds()));
            body.put("retryAt", ThreatJsonWriter.time(problem.retryAt().toEpochMilli()));
            body.put("retryAfterSeconds", problem.retryAfterSeconds());
        }
        Json.sendProblem(ctx, body);
    }

    /** "METHOD /path" of every route served. */
    public List<String> routes() {
        return routes;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }

    public ApiServer start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    /** The port listened on (the real one when 0 was asked for). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}

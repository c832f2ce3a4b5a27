package dev.trailhound.web;

import dev.trailhound.web.auth.Permission;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each API class registers its routes: every route names the permission it needs, and the list of routes is
 * kept so that a test can hold the OpenAPI document to it.
 */
public final class ApiRoutes {
    private final RoutesConfig routes;
    private final List<String> registered = new ArrayList<>();

    ApiRoutes(RoutesConfig routes) {
        this.routes = routes;
    }

    public void get(String path, Handler handler, Permission permission) {
        routes.get(path, handler, permission);
        registered.add("GET " + documented(path));
    }

    public void post(String path, Handler handler, Permission permission) {
        routes.post(path, handler, permission);
        registered.add("POST " + path);
    }

    public void put(String path, Handler handler, Permission permission) {
        routes.put(path, handler, permission);
        registered.add("PUT " + path);
    }

    public void delete(String path, Handler handler, Permission permission) {
        routes.delete(path, handler, permission);
        registered.add("DELETE " + path);
    }

    /** Javalin's {@code <id>} (a parameter that may hold slashes) is {@code {id}} in OpenAPI's path templates. */
    private static String documented(String path) {
        return path.replace('<', '{').replace('>', '}');
    }

    /** "METHOD /path" of every route, in registration order. */
    public List<String> registered() {
        return List.copyOf(registered);
    }
}

package dev.trailhound.web;

/** A part of the API: registers its routes, each with the permission it needs. */
public interface ApiModule {
    void register(ApiRoutes routes);
}

package ua.zvernennia.app.web;

import io.javalin.config.RoutesConfig;

/**
 * Routes registered together: a controller's, a group of console pages', a channel's. Each
 * registers its handlers as method references on itself, built with exactly what it uses.
 */
@FunctionalInterface
public interface RouteGroup {
    void routes(RoutesConfig app);
}

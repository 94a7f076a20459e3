package ua.zvernennia.app.api;

import io.javalin.security.RouteRole;

/**
 * Who may call an API route. An admin may do everything an operator may. An executor's staff
 * ({@code EXECUTOR}, bound to one executor) may call only the routes that name it, and there see
 * and act on their executor's appeals only.
 */
public enum Role implements RouteRole {
    OPERATOR,
    ADMIN,
    EXECUTOR;

    public boolean mayActAs(Role needed) {
        return this == ADMIN || this == needed;
    }
}

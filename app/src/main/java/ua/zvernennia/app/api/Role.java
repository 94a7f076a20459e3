package ua.zvernennia.app.api;

import io.javalin.security.RouteRole;

/** Who may call an API route. An admin may do everything an operator may. */
public enum Role implements RouteRole {
    OPERATOR,
    ADMIN;

    public boolean mayActAs(Role needed) {
        return this == ADMIN || this == needed;
    }
}

package ua.zvernennia.app.api;

import io.javalin.http.Context;
import java.util.Set;

/**
 * The address of the client behind a request: the connection's peer, or, when the peer is one of
 * the configured reverse proxies, the nearest address in {@code X-Forwarded-For} that is not a
 * trusted proxy. A header from anyone else is ignored, so a client cannot pick its own address
 * to escape the sign-in limits. Thread-safe.
 */
public record ClientAddress(Set<String> trustedProxies) {
    public ClientAddress {
        trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    public String of(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!trustedProxies.contains(hop)) {
                // Only an address: the header is the client's to write, and it goes into logs.
                return hop.matches("[0-9A-Fa-f.:\\[\\]]{1,64}") ? hop : peer;
            }
        }
        return peer;
    }
}

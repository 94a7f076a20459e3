package ua.zvernennia.app.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Downloads photos that Viber keeps at media URLs, refusing to be pointed anywhere else: only
 * allow-listed hosts, only https, and never an address that is loopback, private, link-local,
 * multicast or otherwise not public — checked after the name is resolved (every address it
 * resolves to), and again for every redirect, which is followed by hand. The JDK keeps a
 * resolved address for 30 seconds, so the connection goes to the address that was checked.
 * Thread-safe.
 */
public final class SafeMediaFetch implements PhotoSource {
    static final int MAX_REDIRECTS = 3;

    /** Resolves a host name to all its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Where downloads may go.
     *
     * @param hosts     allowed host names; ".viber.com" allows viber.com and its subdomains
     * @param httpsOnly plain http is refused
     * @param addresses which resolved addresses may be connected to
     */
    public record Policy(Set<String> hosts, boolean httpsOnly, Predicate<InetAddress> addresses) {
        public Policy {
            hosts = Set.copyOf(hosts);
        }

        /** Viber's media: the allow-listed hosts, over https, at public addresses only. */
        public static Policy publicHttps(Set<String> hosts) {
            return new Policy(hosts, true, SafeMediaFetch::isPublic);
        }

        boolean hostAllowed(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            for (String allowed : hosts) {
                if (allowed.startsWith(".")
                        ? h.endsWith(allowed) || h.equals(allowed.substring(1))
                        : h.equals(allowed)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Policy policy;
    private final Resolver resolver;
    private final long maxBytes;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();

    public SafeMediaFetch(Policy policy, Resolver resolver, long maxBytes) {
        this.policy = policy;
        this.resolver = resolver;
        this.maxBytes = maxBytes;
    }

    public SafeMediaFetch(Policy policy, long maxBytes) {
        this(policy, InetAddress::getAllByName, maxBytes);
    }

    @Override
    public byte[] fetch(String url) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new Refused("the photo reference is not a URL");
        }
        for (int hop = 0; ; hop++) {
            check(uri);
            HttpResponse<InputStream> response;
            try {
                response = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } catch (IOException e) {
                // Media URLs carry signatures; the message names only the kind of failure.
                throw new IOException("download failed: " + e.getClass().getSimpleName());
            }
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null) {
                        throw new IOException("the media server redirected nowhere");
                    }
                    if (hop >= MAX_REDIRECTS) {
                        throw new Refused("more than " + MAX_REDIRECTS + " redirects");
                    }
                    try {
                        uri = uri.resolve(new URI(location));
                    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                        throw new Refused("the media server redirected to something that is not a URL");
                    }
                    continue;
                }
                if (status != 200) {
                    throw new IOException(
                            "the media server answered " + status + " (Viber keeps media for a limited time)");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new Refused("the photo is over " + maxBytes + " bytes");
                }
                return bytes;
            }
        }
    }

    /** Refuses a URL that is not https to an allowed host whose every address is allowed. */
    void check(URI uri) throws Refused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !policy.httpsOnly())) {
            throw new Refused("only https media links are fetched");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("media links with a user name are not fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || !policy.hostAllowed(host)) {
            throw new Refused("the media host is not on the allow-list (VIBER_MEDIA_HOSTS)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("the media host does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("the media host does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!policy.addresses().test(a)) {
                throw new Refused("the media host resolves to a non-public address");
            }
        }
    }

    /** An address anyone on the internet could reach: not loopback, private, link-local, multicast or reserved. */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first != 0
                    && first < 224 // 0/8; multicast and reserved above
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xFF) == 0) // IETF 192.0.0/24
                    && !(first == 198 && (second == 18 || second == 19)); // benchmarking 198.18/15
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A download refused for where it would go or what it is: trying again will not help. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }
}

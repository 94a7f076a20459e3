package ua.zvernennia.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.engine.FloodSettings;

/**
 * All settings, read once at start-up from {@code config/application.conf} with environment
 * overrides. Secrets come from the environment only and never appear in {@link #toString()}.
 */
public record AppConfig(
        Db db,
        int httpPort,
        City city,
        Telegram telegram,
        Viber viber,
        DemoMode demo,
        Duration outboxPollInterval,
        Optional<String> adminToken,
        Deadlines deadlines,
        FloodSettings flood,
        Optional<String> metricsToken,
        Optional<String> httpHost,
        Privacy privacy,
        Web web,
        Council council,
        OpenMap openMap,
        Duration leaseTtl,
        Optional<URI> publicBaseUrl,
        Optional<LocalTime> executorDigestTime) {

    public enum DemoMode {
        AUTO,
        ON,
        OFF
    }

    /** The shortest {@code ADMIN_TOKEN} the app starts with. */
    public static final int MIN_ADMIN_TOKEN = 32;

    public record Db(String url, String user, Optional<String> password) {
        @Override
        public String toString() {
            return "Db[url=" + masked(url) + ", user=" + user + "]";
        }

        /**
         * The URL with any password in it replaced by {@code ***}: a {@code password=} (or
         * {@code sslpassword=}, any case) parameter, and the {@code user:password@} form.
         */
        public static String masked(String url) {
            return url.replaceAll("(?i)([?&;]\\w*(?:password|pwd)\\w*=)[^;&]*", "$1***")
                    .replaceAll("//([^/@:?#;]*):[^/@?#;]*@", "//$1:***@");
        }
    }

    public record City(ZoneId zone, int legalDeadlineDays, int menuPageSize, Path categoriesFile) {}

    /**
     * The council's register and report.
     *
     * @param organisation          the organisation the report's heading names
     * @param receivedBy            where appeals came to, in the report's sentences
     * @param reportTitle           the report's title
     * @param classifierFile        the classifier; the jar's copy when the file does not exist
     * @param receivedAtMaxDaysBack how far back an operator may date an appeal's receipt
     */
    public record Council(
            String organisation,
            String receivedBy,
            String reportTitle,
            Path classifierFile,
            int receivedAtMaxDaysBack) {}

    /**
     * Deadline control.
     *
     * @param noStudyLegalDeadlineDays the legal limit of appeals that need no study (15 by the law)
     * @param noStudyClasses           deadline classes whose appeals need no study; empty: none
     * @param staffTelegramChatId      the operators' Telegram chat for deadline notices; empty: none
     * @param reminderFraction         how far into an appeal's time operators are reminded (0..1)
     * @param checkInterval            how often deadlines are checked
     */
    public record Deadlines(
            int noStudyLegalDeadlineDays,
            Set<DeadlineClass> noStudyClasses,
            Optional<String> staffTelegramChatId,
            double reminderFraction,
            Duration checkInterval) {}

    /**
     * Personal data: how it is kept and for how long, and who may sign in how often.
     *
     * @param trustedProxies       addresses of reverse proxies whose {@code X-Forwarded-For} names the client
     * @param mediaDir             where photos' bytes are kept; empty: in the database
     * @param viberMediaHosts      the only hosts Viber photos are downloaded from (over https); a
     *                             leading dot allows the subdomains of a domain
     * @param maxPhotoBytes        the largest photo kept
     * @param retentionDays        personal data of appeals closed longer ago than this is anonymised
     * @param outboxRetentionDays  sent messages lose their text after this many days
     * @param auditRetentionDays   entries of the access log are kept this many days
     * @param retentionInterval    how often the retention job runs
     */
    public record Privacy(
            Set<String> trustedProxies,
            Optional<Path> mediaDir,
            Set<String> viberMediaHosts,
            long maxPhotoBytes,
            int retentionDays,
            int outboxRetentionDays,
            int auditRetentionDays,
            Duration retentionInterval) {
        public Privacy {
            trustedProxies = Set.copyOf(trustedProxies);
            viberMediaHosts = Set.copyOf(viberMediaHosts);
        }
    }

    /**
     * Open311 GeoReport v2 and the public web form.
     *
     * @param jurisdictionId      the jurisdiction_id clients may send; empty: they send none
     * @param contact             discovery's contact: how to reach the API's maintainers
     * @param accessInfo          discovery's key_service: how a partner gets an API key
     * @param keyPerMinute        the default rate limit of a new partner key, requests a minute
     * @param tileUrl             the map tiles of the web form ({z}/{x}/{y} template)
     * @param tileAttribution     the tiles' attribution (HTML)
     * @param mapLatitude         the form's map centre
     * @param mapZoom             the form's map zoom
     * @param formPerHour         web-form submissions one client may make an hour
     * @param photosDir           where the web form's photos are kept
     * @param partnerMediaHosts   the only hosts a partner's {@code media_url} is fetched from (over
     *                            https, public addresses only); empty: none is fetched
     */
    public record Web(
            Optional<String> jurisdictionId,
            String contact,
            String accessInfo,
            int keyPerMinute,
            String tileUrl,
            String tileAttribution,
            double mapLatitude,
            double mapLongitude,
            int mapZoom,
            int formPerHour,
            Path photosDir,
            Set<String> partnerMediaHosts) {
        public Web {
            partnerMediaHosts = Set.copyOf(partnerMediaHosts);
        }
    }

    /**
     * The public map, open statistics and open data.
     *
     * @param geocoderUrl        a Nominatim-compatible service for typed problem places; empty: off
     * @param geocoderUserAgent  the User-Agent it is sent
     * @param geocoderInterval   the least time between two of its requests
     * @param requestsPerMinute  requests a minute one client may make to the public pages and data
     * @param cacheTtl           how long a public answer is reused
     * @param license            the open data's licence, and {@code licenseUrl} its text
     */
    public record OpenMap(
            Optional<String> geocoderUrl,
            String geocoderUserAgent,
            Duration geocoderInterval,
            int requestsPerMinute,
            Duration cacheTtl,
            String license,
            String licenseUrl) {}

    /**
     * @param maxPerSecond        messages a second the bot sends in all (Telegram's limit)
     * @param maxPerChatPerSecond messages a second to one chat
     */
    public record Telegram(
            Optional<String> token,
            String apiUrl,
            Optional<String> webhookUrl,
            double maxPerSecond,
            double maxPerChatPerSecond) {
        public boolean enabled() {
            return token.isPresent();
        }

        @Override
        public String toString() {
            return "Telegram[token=" + (token.isPresent() ? "set" : "none") + ", apiUrl=" + apiUrl + ", webhookUrl="
                    + webhookUrl + "]";
        }
    }

    public record Viber(
            Optional<String> authToken,
            String apiUrl,
            Optional<String> webhookUrl,
            String senderName,
            Optional<String> senderAvatar) {
        public boolean enabled() {
            return authToken.isPresent();
        }

        @Override
        public String toString() {
            return "Viber[token=" + (authToken.isPresent() ? "set" : "none") + ", apiUrl=" + apiUrl + ", webhookUrl="
                    + webhookUrl + ", senderName=" + senderName + "]";
        }
    }

    @Override
    public String toString() {
        return "AppConfig[" + db + ", httpPort=" + httpPort + ", " + city + ", " + telegram + ", " + viber + ", demo="
                + demo
                + ", outboxPollInterval=" + outboxPollInterval + ", adminToken="
                + (adminToken.isPresent() ? "set" : "none")
                + ", " + deadlines + ", " + flood + ", metricsToken=" + (metricsToken.isPresent() ? "set" : "none")
                + ", httpHost=" + httpHost.orElse("(every interface)") + ", " + privacy + ", " + web + ", " + openMap
                + ", leaseTtl=" + leaseTtl
                + ", publicBaseUrl=" + publicBaseUrl.map(URI::toString).orElse("none") + ", executorDigestTime="
                + executorDigestTime.map(LocalTime::toString).orElse("none") + "]";
    }

    /** The terminal demo runs when asked to, or by default when no messenger is configured. */
    public boolean runsDemo() {
        return demo == DemoMode.ON || (demo == DemoMode.AUTO && !telegram.enabled() && !viber.enabled());
    }

    /**
     * Reads {@code file} (if it exists; built-in defaults otherwise), resolving {@code ${?NAME}}
     * overrides from {@code env}.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static AppConfig load(Path file, Map<String, String> env) {
        Config defaults = ConfigFactory.parseResources(AppConfig.class, "/application.conf");
        Config fromFile = Files.isRegularFile(file) ? ConfigFactory.parseFile(file.toFile()) : ConfigFactory.empty();
        Config overrides = ConfigFactory.parseMap(nonSecret(env), "environment");
        Config c;
        try {
            // ${?NAME} looks NAME up at the root, where the environment sits below the settings.
            c = fromFile.withFallback(defaults).withFallback(overrides).resolve(ConfigResolveOptions.noSystem());
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        }
        try {
            int port = c.getInt("http.port");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("http.port (HTTP_PORT) must be 0..65535");
            }
            ZoneId zone = ZoneId.of(c.getString("city.zone"));
            Optional<String> adminToken = secret(env, "ADMIN_TOKEN");
            if (adminToken.isPresent() && adminToken.get().length() < MIN_ADMIN_TOKEN) {
                throw new IllegalArgumentException("ADMIN_TOKEN is too short: it has "
                        + adminToken.get().length() + " characters, " + MIN_ADMIN_TOKEN
                        + " at least are needed so that it cannot be guessed; make one with `openssl rand -base64 33`");
            }
            Path categories = Path.of(c.getString("city.categories-file"));
            return new AppConfig(
                    new Db(c.getString("db.url"), c.getString("db.user"), secret(env, "DB_PASSWORD")),
                    port,
                    new City(zone, c.getInt("city.legal-deadline-days"), c.getInt("city.menu-page-size"), categories),
                    new Telegram(
                            secret(env, "TELEGRAM_BOT_TOKEN"),
                            c.getString("telegram.api-url"),
                            nonBlank(c.getString("telegram.webhook-url")),
                            positive(c, "telegram.max-messages-per-second"),
                            positive(c, "telegram.max-messages-per-chat-per-second")),
                    new Viber(
                            secret(env, "VIBER_AUTH_TOKEN"),
                            c.getString("viber.api-url"),
                            nonBlank(c.getString("viber.webhook-url")),
                            c.getString("viber.sender-name"),
                            nonBlank(c.getString("viber.sender-avatar"))),
                    DemoMode.valueOf(c.getString("demo.mode").toUpperCase(Locale.ROOT)),
                    Duration.ofMillis(c.getLong("outbox.poll-interval-ms")),
                    adminToken,
                    deadlines(c),
                    flood(c),
                    secret(env, "METRICS_TOKEN"),
                    nonBlank(c.getString("http.host")),
                    privacy(c),
                    web(c),
                    council(c),
                    openMap(c),
                    leaseTtl(c),
                    publicBaseUrl(c.getString("http.public-base-url")),
                    digestTime(c.getString("executors.digest-time")));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(
                    "configuration: city.zone (CITY_ZONE) is not a time zone: " + e.getMessage(), e);
        }
    }

    /** An https URL without query, fragment or user, its trailing slash dropped; empty when blank. */
    static Optional<URI> publicBaseUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null
                || !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "http.public-base-url (PUBLIC_BASE_URL): '" + value
                            + "' is not a public https address such as https://bot.example.ua (Viber fetches pictures over https only)");
        }
        return Optional.of(uri);
    }

    /** A time of day, HH:mm; empty when blank. */
    static Optional<LocalTime> digestTime(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(value.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "executors.digest-time (EXECUTOR_DIGEST_TIME): '" + value + "' is not a time of day such as 08:00");
        }
    }

    private static Council council(Config c) {
        int days = c.getInt("council.received-at-max-days-back");
        if (days < 0 || days > 3660) {
            throw new IllegalArgumentException(
                    "council.received-at-max-days-back (RECEIVED_AT_MAX_DAYS_BACK) must be 0..3660");
        }
        for (String key : new String[] {"council.organisation", "council.received-by", "council.report-title"}) {
            if (c.getString(key).isBlank()) {
                throw new IllegalArgumentException(key + " must not be empty");
            }
        }
        return new Council(
                c.getString("council.organisation").strip(),
                c.getString("council.received-by").strip(),
                c.getString("council.report-title").strip(),
                Path.of(c.getString("council.classifier-file")),
                days);
    }

    private static Duration leaseTtl(Config c) {
        long ms = c.getLong("instances.lease-ttl-ms");
        if (ms < 1000) {
            throw new IllegalArgumentException("instances.lease-ttl-ms (LEASE_TTL_MS) must be at least 1000");
        }
        return Duration.ofMillis(ms);
    }

    private static FloodSettings flood(Config c) {
        int max = c.getInt("flood.max-messages");
        long windowMs = c.getLong("flood.window-ms");
        long repeatMs = c.getLong("flood.repeat-window-ms");
        if (max < 0) {
            throw new IllegalArgumentException("flood.max-messages (FLOOD_MAX_MESSAGES) must be 0 (no limit) or more");
        }
        if (windowMs < 1) {
            throw new IllegalArgumentException("flood.window-ms (FLOOD_WINDOW_MS) must be at least 1");
        }
        if (repeatMs < 0) {
            throw new IllegalArgumentException(
                    "flood.repeat-window-ms (FLOOD_REPEAT_WINDOW_MS) must be 0 (off) or more");
        }
        return new FloodSettings(max, Duration.ofMillis(windowMs), Duration.ofMillis(repeatMs));
    }

    private static Privacy privacy(Config c) {
        Set<String> proxies = list(c.getString("privacy.trusted-proxies"));
        for (String p : proxies) {
            if (!p.matches("[0-9A-Fa-f.:]{2,45}")) {
                throw new IllegalArgumentException("privacy.trusted-proxies (TRUSTED_PROXIES): '" + p
                        + "' is not an IP address; list the proxies' addresses, comma-separated");
            }
        }
        Set<String> hosts = list(c.getString("privacy.viber-media-hosts"));
        int retention = atLeast(c, "privacy.retention-days", "RETENTION_DAYS", 1);
        int outbox = atLeast(c, "privacy.outbox-retention-days", "OUTBOX_RETENTION_DAYS", 1);
        int audit = atLeast(c, "privacy.audit-retention-days", "AUDIT_RETENTION_DAYS", 1);
        long maxPhoto = c.getBytes("privacy.max-photo-bytes");
        if (maxPhoto < 1024) {
            throw new IllegalArgumentException("privacy.max-photo-bytes (MAX_PHOTO_BYTES) must be at least 1024");
        }
        long intervalMs = c.getLong("privacy.retention-interval-ms");
        if (intervalMs < 100) {
            throw new IllegalArgumentException(
                    "privacy.retention-interval-ms (RETENTION_INTERVAL_MS) must be at least 100");
        }
        return new Privacy(
                proxies,
                nonBlank(c.getString("privacy.media-dir")).map(Path::of),
                hosts,
                maxPhoto,
                retention,
                outbox,
                audit,
                Duration.ofMillis(intervalMs));
    }

    private static int atLeast(Config c, String path, String env, int min) {
        int n = c.getInt(path);
        if (n < min) {
            throw new IllegalArgumentException(path + " (" + env + ") must be at least " + min);
        }
        return n;
    }

    private static Set<String> list(String commaSeparated) {
        var out = new java.util.LinkedHashSet<String>();
        for (String s : commaSeparated.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Deadlines deadlines(Config c) {
        int legalDays = c.getInt("city.legal-deadline-days");
        int noStudyDays = c.getInt("deadlines.no-study-legal-deadline-days");
        Set<DeadlineClass> classes = EnumSet.noneOf(DeadlineClass.class);
        for (String name : c.getString("deadlines.no-study-classes").split("[,\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                classes.add(DeadlineClass.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "deadlines.no-study-classes (NO_STUDY_DEADLINE_CLASSES): unknown deadline class '" + name
                                + "'; known: " + Arrays.toString(DeadlineClass.values()));
            }
        }
        if (!classes.isEmpty() && (noStudyDays < 1 || noStudyDays > legalDays)) {
            throw new IllegalArgumentException(
                    "deadlines.no-study-legal-deadline-days (NO_STUDY_LEGAL_DEADLINE_DAYS) must be 1.." + legalDays
                            + " (city.legal-deadline-days)");
        }
        Optional<String> staffChat = nonBlank(c.getString("deadlines.staff-telegram-chat-id"));
        if (staffChat.isPresent() && !staffChat.get().matches("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31}")) {
            throw new IllegalArgumentException(
                    "deadlines.staff-telegram-chat-id (STAFF_TELEGRAM_CHAT_ID) must be a Telegram chat id "
                            + "(a number, negative for groups) or a channel's @username");
        }
        double fraction = c.getDouble("deadlines.reminder-fraction");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "deadlines.reminder-fraction (DEADLINE_REMINDER_FRACTION) must be between 0 and 1, e.g. 0.8");
        }
        long intervalMs = c.getLong("deadlines.check-interval-ms");
        if (intervalMs < 100) {
            throw new IllegalArgumentException(
                    "deadlines.check-interval-ms (DEADLINE_CHECK_INTERVAL_MS) must be at least 100");
        }
        return new Deadlines(noStudyDays, Set.copyOf(classes), staffChat, fraction, Duration.ofMillis(intervalMs));
    }

    private static OpenMap openMap(Config c) {
        Optional<String> geocoder =
                nonBlank(c.getString("open-map.geocoder-url")).map(u -> u.replaceAll("/+$", ""));
        if (geocoder.isPresent() && !geocoder.get().matches("https?://[^\\s?#]+")) {
            throw new IllegalArgumentException(
                    "open-map.geocoder-url (GEOCODER_URL) must be an http(s) URL without a query, "
                            + "such as https://nominatim.openstreetmap.org");
        }
        String agent = c.getString("open-map.geocoder-user-agent").strip();
        if (agent.isEmpty() || agent.length() > 200 || !agent.matches("[\\x20-\\x7e]+")) {
            throw new IllegalArgumentException(
                    "open-map.geocoder-user-agent (GEOCODER_USER_AGENT) must be 1..200 printable ASCII characters");
        }
        long interval = c.getLong("open-map.geocoder-interval-ms");
        if (interval < 1) {
            throw new IllegalArgumentException(
                    "open-map.geocoder-interval-ms (GEOCODER_MIN_INTERVAL_MS) must be 1 or more");
        }
        int perMinute = c.getInt("open-map.requests-per-minute");
        if (perMinute < 1) {
            throw new IllegalArgumentException(
                    "open-map.requests-per-minute (PUBLIC_REQUESTS_PER_MINUTE) must be 1 or more");
        }
        int cache = c.getInt("open-map.cache-seconds");
        if (cache < 0 || cache > 3600) {
            throw new IllegalArgumentException("open-map.cache-seconds (PUBLIC_CACHE_SECONDS) must be 0..3600");
        }
        return new OpenMap(
                geocoder,
                agent,
                Duration.ofMillis(interval),
                perMinute,
                Duration.ofSeconds(cache),
                c.getString("open-map.license"),
                c.getString("open-map.license-url"));
    }

    private static Web web(Config c) {
        int perMinute = c.getInt("open311.key-requests-per-minute");
        if (perMinute < 1 || perMinute > 10_000) {
            throw new IllegalArgumentException(
                    "open311.key-requests-per-minute (OPEN311_REQUESTS_PER_MINUTE) must be 1..10000");
        }
        String[] centre = c.getString("public-web.map-center").split(",");
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(centre[0].strip());
            lon = Double.parseDouble(centre[1].strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "public-web.map-center (MAP_CENTER) must be latitude,longitude such as 48.4647,35.0462");
        }
        if (centre.length != 2 || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw new IllegalArgumentException(
                    "public-web.map-center (MAP_CENTER) must be latitude,longitude such as 48.4647,35.0462");
        }
        int zoom = c.getInt("public-web.map-zoom");
        if (zoom < 1 || zoom > 19) {
            throw new IllegalArgumentException("public-web.map-zoom (MAP_ZOOM) must be 1..19");
        }
        String tiles = c.getString("public-web.tile-url");
        if (!tiles.matches("https?://.+")
                || !tiles.contains("{z}")
                || !tiles.contains("{x}")
                || !tiles.contains("{y}")) {
            throw new IllegalArgumentException(
                    "public-web.tile-url (TILE_URL) must be an http(s) URL with {z}, {x} and {y}");
        }
        int perHour = c.getInt("public-web.submissions-per-hour");
        if (perHour < 1) {
            throw new IllegalArgumentException(
                    "public-web.submissions-per-hour (PUBLIC_FORM_PER_HOUR) must be 1 or more");
        }
        return new Web(
                nonBlank(c.getString("open311.jurisdiction-id")),
                c.getString("open311.contact"),
                c.getString("open311.access-info"),
                perMinute,
                tiles,
                c.getString("public-web.tile-attribution"),
                lat,
                lon,
                zoom,
                perHour,
                Path.of(c.getString("public-web.photos-dir")),
                list(c.getString("open311.media-hosts")));
    }

    /**
     * The environment without anything secret, so that no token can reach the configuration
     * (or an error message about it); secrets are read directly by name.
     */
    private static Map<String, String> nonSecret(Map<String, String> env) {
        var out = new java.util.HashMap<String, String>();
        env.forEach((name, value) -> {
            if (name.matches("[A-Z][A-Z0-9_]*") && !name.matches(".*(TOKEN|PASSWORD|SECRET|KEY).*")) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static Optional<String> secret(Map<String, String> env, String name) {
        return nonBlank(env.get(name));
    }

    /** A positive number; the message names the key and its variable (e.g. telegram.max-messages-per-second). */
    private static double positive(Config c, String key) {
        double value = c.getDouble(key);
        if (!(value > 0)) {
            String variable = "TELEGRAM_"
                    + key.substring(key.indexOf('.') + 1).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
            throw new IllegalArgumentException(key + " (" + variable + ") must be a positive number");
        }
        return value;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}

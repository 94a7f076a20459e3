package ua.zvernennia.app.channel;

import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import ua.zvernennia.app.AppConfig;
import ua.zvernennia.app.media.PhotoSource;
import ua.zvernennia.app.media.SafeMediaFetch;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.ReplyPhotos;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.viber.ViberApi;
import ua.zvernennia.viber.ViberCallbacks;
import ua.zvernennia.viber.ViberMessenger;
import ua.zvernennia.viber.ViberResponse;
import ua.zvernennia.viber.ViberSettings;
import ua.zvernennia.viber.ViberWebhook;

/**
 * Viber: its callbacks at {@code POST /viber/webhook} (signature checked before anything is
 * read), {@code set_webhook} at start when {@code VIBER_WEBHOOK_URL} is set, and the photos
 * citizens send fetched from their media links, only from the allow-listed hosts. The photos the
 * app sends with resolutions go as pictures Viber fetches from their public address, given
 * {@code PUBLIC_BASE_URL}.
 */
public final class ViberChannel implements ChannelModule {
    public static final String PATH = "/viber/webhook";
    static final String SIGNATURE_HEADER = "X-Viber-Content-Signature";

    private final ViberSettings settings;
    private final ViberApi api;
    private final ViberMessenger messenger;
    private final PhotoSource media;
    private final Clock clock;

    ViberChannel(ViberSettings settings, PhotoSource media, Clock clock, ReplyPhotos photos) {
        this.settings = settings;
        this.api = new ViberApi(settings);
        this.messenger = new ViberMessenger(api, settings, photos);
        this.media = media;
        this.clock = clock;
    }

    static Optional<ChannelModule> configured(Channels.Setting s) {
        AppConfig.Viber v = s.config().viber();
        if (!v.enabled()) {
            return Optional.empty();
        }
        var settings = new ViberSettings(
                v.authToken().orElseThrow(),
                URI.create(v.apiUrl()),
                v.webhookUrl().map(URI::create).orElse(null),
                v.senderName(),
                v.senderAvatar().orElse(null),
                null,
                null);
        AppConfig.Privacy p = s.config().privacy();
        var media = new SafeMediaFetch(SafeMediaFetch.Policy.publicHttps(p.viberMediaHosts()), p.maxPhotoBytes());
        return Optional.of(new ViberChannel(settings, media, s.clock(), s.replyPhotos()));
    }

    @Override
    public Channel channel() {
        return Channel.VIBER;
    }

    @Override
    public Messenger messenger() {
        return messenger;
    }

    @Override
    public Optional<PhotoSource> photos() {
        return Optional.of(media);
    }

    @Override
    public void routes(RoutesConfig routes, Bot bot) {
        var callbacks = new ViberCallbacks(settings, bot, messenger, clock);
        routes.post(PATH, ctx -> {
            ViberResponse r = callbacks.handle(ctx.bodyAsBytes(), ctx.header(SIGNATURE_HEADER));
            ctx.status(r.status());
            if (r.hasBody()) {
                ctx.contentType(ViberResponse.CONTENT_TYPE).result(r.bodyBytes());
            }
        });
    }

    /** Viber checks the address while {@code set_webhook} runs, so this comes once the server listens. */
    @Override
    public void start(Bot bot) {
        new ViberWebhook(api, settings).register();
    }

    @Override
    public void close() {
        // Nothing runs of its own: callbacks stop with the HTTP server, sends with the bot.
    }
}

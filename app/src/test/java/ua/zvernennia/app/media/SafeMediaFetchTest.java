package ua.zvernennia.app.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Media links go only to allow-listed hosts at public addresses: the server-side request forgery cases. */
class SafeMediaFetchTest {
    static final long MAX = 1024 * 1024;
    final SafeMediaFetch viber = new SafeMediaFetch(SafeMediaFetch.Policy.publicHttps(Set.of(".viber.com")), MAX);

    @Test
    void aLoopbackAddressIsNeverFetched() throws Exception {
        try (LocalServer secret = new LocalServer("127.0.0.1").serve("secret".getBytes())) {
            assertThatThrownBy(() -> viber.fetch(secret.url("/secret"))).isInstanceOf(SafeMediaFetch.Refused.class);
            // Even with the host allowed and plain http allowed, the address itself is refused.
            var lenient = new SafeMediaFetch(
                    new SafeMediaFetch.Policy(Set.of("127.0.0.1"), false, SafeMediaFetch::isPublic), MAX);
            assertThatThrownBy(() -> lenient.fetch(secret.url("/secret")))
                    .isInstanceOf(SafeMediaFetch.Refused.class)
                    .hasMessageContaining("non-public address");
            assertThat(secret.requests()).as("nothing fetched").isEmpty();
        }
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAfterResolution() throws Exception {
        try (LocalServer secret = new LocalServer("127.0.0.1").serve("secret".getBytes())) {
            var byName = new SafeMediaFetch(
                    new SafeMediaFetch.Policy(Set.of("localhost", ".viber.com"), false, SafeMediaFetch::isPublic), MAX);
            assertThatThrownBy(() -> byName.fetch("http://localhost:" + secret.port() + "/secret"))
                    .isInstanceOf(SafeMediaFetch.Refused.class)
                    .hasMessageContaining("non-public address");
            // An allow-listed name that an attacker's DNS points at 127.0.0.1.
            var rebound = new SafeMediaFetch(
                    SafeMediaFetch.Policy.publicHttps(Set.of(".viber.com")),
                    host -> new InetAddress[] {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("127.0.0.1")},
                    MAX);
            assertThatThrownBy(() -> rebound.fetch("https://dl-media.viber.com:" + secret.port() + "/secret"))
                    .isInstanceOf(SafeMediaFetch.Refused.class)
                    .hasMessageContaining("non-public address");
            assertThat(secret.requests()).isEmpty();
        }
    }

    @Test
    void privateLinkLocalMulticastAndReservedAddressesAreNotPublic() throws Exception {
        for (String a : new String[] {
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.10",
            "169.254.169.254",
            "224.0.0.1",
            "0.0.0.0",
            "127.0.0.2",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:10.0.0.1",
            "ff02::1"
        }) {
            assertThat(SafeMediaFetch.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        for (String a : new String[] {"8.8.8.8", "104.18.0.1", "2606:4700::1111"}) {
            assertThat(SafeMediaFetch.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
        var anyPrivate =
                new SafeMediaFetch(new SafeMediaFetch.Policy(Set.of("10.1.2.3"), false, SafeMediaFetch::isPublic), MAX);
        assertThatThrownBy(() -> anyPrivate.fetch("http://10.1.2.3/latest/meta-data"))
                .isInstanceOf(SafeMediaFetch.Refused.class);
    }

    @Test
    void onlyHttpsToAllowListedHosts() {
        assertThatThrownBy(() -> viber.fetch("http://dl-media.viber.com/1.jpg")).hasMessageContaining("https");
        assertThatThrownBy(() -> viber.fetch("https://evil.example/1.jpg")).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> viber.fetch("https://viber.com.evil.example/1.jpg"))
                .hasMessageContaining("allow-list");
        assertThatThrownBy(() -> viber.fetch("https://user:pw@dl-media.viber.com/1.jpg"))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> viber.fetch("file:///etc/passwd")).hasMessageContaining("https");
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedWithNothingFetchedThere() throws Exception {
        // The first hop is allowed (the test lets 127.0.0.1 stand for a public server); the
        // redirect goes to another loopback address, which is not.
        var policy = new SafeMediaFetch.Policy(
                Set.of("127.0.0.1", "127.0.0.2"),
                false,
                a -> a.getHostAddress().equals("127.0.0.1") || SafeMediaFetch.isPublic(a));
        var fetch = new SafeMediaFetch(policy, MAX);
        try (LocalServer secret = new LocalServer("127.0.0.2").serve("secret".getBytes());
                LocalServer media = new LocalServer("127.0.0.1").redirect(secret.url("/secret"))) {
            assertThatThrownBy(() -> fetch.fetch(media.url("/1.jpg")))
                    .isInstanceOf(SafeMediaFetch.Refused.class)
                    .hasMessageContaining("non-public address");
            assertThat(media.requests()).containsExactly("/1.jpg");
            assertThat(secret.requests()).as("the private address got nothing").isEmpty();

            media.redirect("http://10.0.0.1/secret");
            assertThatThrownBy(() -> fetch.fetch(media.url("/2.jpg"))).isInstanceOf(SafeMediaFetch.Refused.class);

            media.redirect(media.url("/again"));
            assertThatThrownBy(() -> fetch.fetch(media.url("/3.jpg"))).hasMessageContaining("redirects");

            media.serve("picture".getBytes());
            assertThat(fetch.fetch(media.url("/4.jpg"))).isEqualTo("picture".getBytes());
        }
    }

    @Test
    void aPhotoOverTheLimitIsRefused() throws Exception {
        var policy = new SafeMediaFetch.Policy(Set.of("127.0.0.1"), false, a -> true);
        try (LocalServer media = new LocalServer("127.0.0.1").serve(new byte[2048])) {
            assertThatThrownBy(() -> new SafeMediaFetch(policy, 1024).fetch(media.url("/big.jpg")))
                    .isInstanceOf(SafeMediaFetch.Refused.class)
                    .hasMessageContaining("over 1024 bytes");
        }
    }
}

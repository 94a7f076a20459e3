package ua.zvernennia.viber;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Viber-Content-Signature}: the hex HMAC-SHA256 of the raw callback body keyed
 * with the auth token. Thread-safe (a {@link Mac} per thread).
 */
final class ViberSignature {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    /** Looking up and keying a Mac costs more than signing a callback: one per thread, kept. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    ViberSignature(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature Viber would send for {@code body}, lower-case hex. */
    String sign(byte[] body) {
        // doFinal leaves the Mac ready for the next body under the same key.
        return HexFormat.of().formatHex(macs.get().doFinal(body));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** True when {@code header} signs {@code body}; compared in constant time, hex in either case. */
    boolean verifies(byte[] body, String header) {
        if (header == null || body == null) {
            return false;
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}

package ua.zvernennia.app.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** What a photo is, told by its bytes (never by a name or a header), and its thumbnail. */
public final class Images {
    /** The longer side of a thumbnail, pixels. */
    public static final int THUMBNAIL = 320;
    /** Larger pictures get no thumbnail: decoding them could exhaust the memory. */
    private static final long MAX_PIXELS = 80_000_000L;

    private Images() {}

    /** The image type of the bytes (JPEG, PNG, GIF or WebP), or null when they are no such image. */
    public static String type(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8
                && (b[0] & 0xFF) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A) {
            return "image/png";
        }
        if (b.length > 6
                && b[0] == 'G'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == '8'
                && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return "image/gif";
        }
        if (b.length > 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /**
     * A JPEG at most {@link #THUMBNAIL} pixels on its longer side, or null when the JDK cannot
     * read the picture (WebP) or it is too large to decode safely.
     */
    public static byte[] thumbnail(byte[] bytes) {
        return scaled(bytes, THUMBNAIL);
    }

    /**
     * The picture as a new JPEG at most {@code maxSide} pixels on its longer side (smaller ones
     * keep their size), without anything of the original but its pixels (no metadata); null when
     * the JDK cannot read the picture (WebP) or it is too large to decode safely. Decodes with
     * subsampling, so a large photo is never held in memory at full size.
     */
    public static byte[] scaled(byte[] bytes, int maxSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
                    return null;
                }
                int step = Math.max(1, Math.max(w, h) / (maxSide * 2));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage read = reader.read(0, param);
                double scale = Math.min(1.0, (double) maxSide / Math.max(read.getWidth(), read.getHeight()));
                int tw = Math.max(1, (int) Math.round(read.getWidth() * scale));
                int th = Math.max(1, (int) Math.round(read.getHeight() * scale));
                BufferedImage thumb = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = thumb.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, tw, th);
                    g.drawImage(read, 0, 0, tw, th, null);
                } finally {
                    g.dispose();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (!ImageIO.write(thumb, "jpg", out)) {
                    return null;
                }
                return out.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A broken picture still is what the citizen sent: kept, without a thumbnail.
            return null;
        }
    }
}

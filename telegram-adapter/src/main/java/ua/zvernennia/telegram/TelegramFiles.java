package ua.zvernennia.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Fetches files citizens sent (appeal photos) for operators: getFile through the telegrambots
 * client, then the download from the configured Bot API server (telegrambots' own download
 * always goes to api.telegram.org). Thread-safe.
 */
public final class TelegramFiles {
    /** The Bot API serves files up to 20 MB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final TelegramClient client;
    private final BotApiHttp api;

    TelegramFiles(TelegramClient client, BotApiHttp api) {
        this.client = client;
        this.api = api;
    }

    /**
     * The file's bytes.
     *
     * @param fileId the file_id Telegram gave (as kept in the appeal's photo)
     * @throws IOException when Telegram does not have it or cannot be reached; the message never
     *     contains the token
     */
    public byte[] download(String fileId) throws IOException {
        File file;
        try {
            file = client.executeAsync(GetFile.builder().fileId(fileId).build()).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("getFile failed: " + describe(e.getCause()));
        } catch (TelegramApiException | TimeoutException e) {
            throw new IOException("getFile failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (file == null || file.getFilePath() == null) {
            throw new IOException("Telegram gave no path for the file");
        }
        try (InputStream in = api.download(file.getFilePath(), MAX_BYTES)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the file is over " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (BotApiHttp.BotApiException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("file download failed: " + e.getClass().getSimpleName());
        }
    }

    private String describe(Throwable cause) {
        if (cause instanceof org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException r) {
            return r.getErrorCode() + " " + api.redact(r.getApiResponse());
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName();
    }
}

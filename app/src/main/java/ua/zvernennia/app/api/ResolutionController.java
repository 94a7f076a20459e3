package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ua.zvernennia.app.media.KeptPhotos;
import ua.zvernennia.app.media.SharedPhotos;
import ua.zvernennia.app.web.Multipart;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.executor.ResolutionPhoto;
import ua.zvernennia.core.executor.ResolutionPhotoStore;
import ua.zvernennia.core.executor.Resolutions;
import ua.zvernennia.core.refusal.Refusal;

/**
 * {@code POST /api/appeals/{number}/resolution}: an executor's staff (their own appeals only) or
 * an operator resolve an appeal with a comment and photos of the work done, as
 * {@code multipart/form-data}; the citizen gets the resolution with the photos in their messenger.
 * Everything is checked before anything is kept: a refused request changes nothing.
 * {@code GET /api/appeals/{number}/resolution/photos/{index}} shows those photos to the staff.
 */
public final class ResolutionController implements RouteGroup {
    private final ExecutorStore executors;
    private final AppealSearch search;
    private final ResolutionPhotoStore kept;
    private final KeptPhotos vault;
    private final UnitOfWork work;
    private final Resolutions resolutions;
    private final SharedPhotos photos;
    private final Clock clock;

    public ResolutionController(
            ExecutorStore executors,
            AppealSearch search,
            ResolutionPhotoStore kept,
            KeptPhotos vault,
            UnitOfWork work,
            Resolutions resolutions,
            SharedPhotos photos,
            Clock clock) {
        this.executors = executors;
        this.search = search;
        this.kept = kept;
        this.vault = vault;
        this.work = work;
        this.resolutions = resolutions;
        this.photos = photos;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.post("/api/appeals/{number}/resolution", this::resolve, Role.OPERATOR, Role.EXECUTOR);
        app.get("/api/appeals/{number}/resolution/photos/{index}", this::photo, Role.OPERATOR, Role.EXECUTOR);
    }

    private void resolve(Context ctx) throws Exception {
        AppealNumber number = ExecutorController.number(ctx);
        Caller caller = mine(ctx, number);
        if (!ctx.isMultipartFormData()) {
            throw Refusal.invalid(
                    "body", "send multipart/form-data: a comment and one or more photo files (the field photo)");
        }
        if (!Multipart.readable(ctx)) {
            throw Refusal.invalid(
                    "photo",
                    "the form could not be read: each photo may have at most " + photos.maxBytes()
                            + " bytes, and the body must be well-formed multipart/form-data");
        }
        String comment = ctx.formParam("comment");
        List<UploadedFile> files = new ArrayList<>(ctx.uploadedFiles("photo"));
        // A form's empty file field comes as a part without a name or bytes.
        files.removeIf(
                f -> f.size() == 0 && (f.filename() == null || f.filename().isBlank()));
        Resolutions.requireInput(comment, files.size());
        var images = new ArrayList<byte[]>();
        for (UploadedFile f : files) {
            String name = f.filename() == null || f.filename().isBlank() ? "#" + (images.size() + 1) : f.filename();
            if (f.size() > photos.maxBytes()) {
                throw Refusal.invalid("photo", "photo " + name + ": the photo is over " + photos.maxBytes() + " bytes");
            }
            byte[] bytes;
            try (InputStream in = f.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw Refusal.invalid("photo", "photo " + name + " could not be read; send it again");
            }
            photos.check(bytes, name);
            images.add(bytes);
        }
        Appeal appeal = search.find(number, clock.instant())
                .map(AppealSearch.Found::appeal)
                .orElseThrow(() -> Refusal.notFound("no appeal " + number));
        appeal.status().whyOperatorCannotMoveTo(AppealStatus.RESOLVED).ifPresent(why -> {
            throw Refusal.conflict("cannot resolve " + number + ": " + why);
        });
        List<ResolutionPhoto> placed = photos.place(images);
        OperatorDesk.StatusChanged changed;
        try {
            changed =
                    work.run(s -> resolutions.resolve(s, number, caller.executorId(), comment, placed, caller.name()));
        } catch (Refusal e) {
            // Refused inside the transaction (the appeal changed meanwhile): nothing of it was kept.
            photos.discard(placed);
            throw e;
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("number", changed.number().toString());
        out.put("from", changed.from());
        out.put("to", changed.to());
        out.put("historyId", changed.eventId());
        out.put("pushed", changed.outboxId() != null);
        out.put("photos", urls(number, kept.count(number)));
        ctx.json(out);
    }

    /** The staff's links to an appeal's resolution photos. */
    public static List<Map<String, Object>> urls(AppealNumber number, int count) {
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < count; i++) {
            out.add(Map.of("index", i, "url", "/api/appeals/" + number + "/resolution/photos/" + i));
        }
        return out;
    }

    private void photo(Context ctx) throws IOException {
        AppealNumber number = ExecutorController.number(ctx);
        mine(ctx, number);
        String size = ctx.queryParam("size");
        if (size != null && !size.equals("full") && !size.equals("thumbnail")) {
            throw Refusal.invalid("size", "size must be full or thumbnail");
        }
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("index", "the photo index must be a whole number");
        }
        ResolutionPhoto p = kept.of(number, index)
                .orElseThrow(() -> Refusal.notFound("appeal " + number + " has no resolution photo " + index));
        if ("thumbnail".equals(size) && p.thumbnail() != null) {
            ctx.contentType("image/jpeg").result(p.thumbnail());
            return;
        }
        ctx.contentType(p.contentType()).result(vault.read(p.bytes(), p.storedPath()));
    }

    /** The caller, when the appeal is theirs: every appeal for staff, its own for an executor (404 otherwise). */
    private Caller mine(Context ctx, AppealNumber number) {
        Caller caller = Caller.of(ctx);
        if (caller.isExecutor()
                && executors
                        .executorOf(number)
                        .filter(id -> id.equals(caller.executorId()))
                        .isEmpty()) {
            throw Refusal.notFound("no appeal " + number);
        }
        return caller;
    }
}

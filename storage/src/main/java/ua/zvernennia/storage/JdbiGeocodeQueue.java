package ua.zvernennia.storage;

import java.time.Instant;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.openmap.GeocodeQueue;

/** {@link GeocodeQueue} over the {@code geocode} tables ({@link GeocodeRows}): every change goes through the writer. Thread-safe. */
final class JdbiGeocodeQueue implements GeocodeQueue {
    private final Storage storage;

    JdbiGeocodeQueue(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Optional<Due> nextDue(Instant now) {
        return storage.read(s -> s.geocodes().nextDue(now.toEpochMilli()))
                .map(d -> new Due(AppealNumber.parse(d.number()).orElseThrow(), d.placeAddress(), d.attempts()));
    }

    @Override
    public Optional<Answer> cached(String queryHash) {
        return storage.read(s -> s.geocodes().cached(queryHash))
                .map(a -> new Answer(a.found(), a.point(), Instant.ofEpochMilli(a.fetchedAt())));
    }

    @Override
    public void answered(AppealNumber number, GeoPoint point, String queryHash, Instant at) {
        storage.write(s -> {
            if (queryHash != null) {
                s.geocodes().cache(queryHash, point, at.toEpochMilli());
            }
            s.geocodes().answered(number.toString(), point, at.toEpochMilli());
            return null;
        });
    }

    @Override
    public void failed(AppealNumber number, String reason, Instant notBefore, Instant at) {
        storage.write(s -> {
            s.geocodes()
                    .failed(
                            number.toString(),
                            reason,
                            notBefore == null ? null : notBefore.toEpochMilli(),
                            at.toEpochMilli());
            return null;
        });
    }
}

package ua.zvernennia.core.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;

/**
 * Port: aggregates over the appeals filed in {@code [from, until)}, read from committed data.
 * Thread-safe.
 *
 * <p>As of {@code asOf}: an appeal is <em>overdue</em> when it is still open (no closing time) and
 * its deadline is before {@code asOf}, or when it was closed after its deadline; the same with
 * the legal deadline for <em>past the legal deadline</em>. It is <em>resolved on time</em> when
 * it is RESOLVED with a closing time at or before its deadline.
 */
public interface StatisticsSource {

    /** The appeals of one channel, category, executor and status. */
    record Count(
            Channel channel,
            String categoryId,
            String categoryName,
            String executor,
            AppealStatus status,
            long appeals,
            long overdue,
            long resolvedOnTime,
            long pastLegalDeadline) {
        public Count {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(categoryId, "categoryId");
            Objects.requireNonNull(categoryName, "categoryName");
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The appeals filed on one local day. */
    record Day(LocalDate day, long appeals, long resolved, long resolvedOnTime, long overdue) {
        public Day {
            Objects.requireNonNull(day, "day");
        }

        public Day plus(Day other) {
            return new Day(
                    day,
                    appeals + other.appeals,
                    resolved + other.resolved,
                    resolvedOnTime + other.resolvedOnTime,
                    overdue + other.overdue);
        }
    }

    /** Counted by channel, category, executor and status. */
    List<Count> counts(Instant from, Instant until, Instant asOf);

    /** Counted by the local day (in {@code zone}) of filing; days without appeals are left out. */
    List<Day> days(Instant from, Instant until, ZoneId zone, Instant asOf);

    /**
     * Times from filing to resolution of the RESOLVED appeals, in whole minutes (rounded down):
     * minutes to how many appeals took them.
     */
    NavigableMap<Long, Long> resolutionMinutes(Instant from, Instant until);
}

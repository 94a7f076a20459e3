package ua.zvernennia.core.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Port: the register's rows in the caller's unit of work (see
 * {@link ua.zvernennia.core.engine.Stores#register()}): an appeal's channel code, registration
 * time and classification; the channels; the mapping of the bot's directions to topics; the
 * narratives of reports. Not thread-safe by itself.
 */
public interface RegisterRecords {
    /** The register's entry of an appeal; empty when there is no such appeal. */
    Optional<RegisterEntry> find(AppealNumber number);

    boolean exists(AppealNumber number);

    /**
     * Replaces the appeal's classification, its questions and its author's categories.
     *
     * @throws IllegalStateException when there is no such appeal
     */
    void save(AppealNumber number, Classification classification);

    /** Records the register's channel of a new appeal and when it was typed in. */
    void registered(AppealNumber number, String channelCode, Instant registeredAt);

    /** The channels in order; {@link IntakeChannel#DEFAULTS} until one was added or changed. */
    List<IntakeChannel> channels();

    /** Adds a channel (writing the defaults first when none are written yet). */
    void addChannel(IntakeChannel channel, Instant at);

    /** Changes a channel's name, group, activity and position (writing the defaults first when none are written yet). */
    void updateChannel(IntakeChannel channel, Instant at);

    /** The directions mapped to topics in the database, by category and issue type. */
    List<TopicMapping> mapping();

    /** Maps a direction to {@code topic}; a null topic removes the direction's own mapping. */
    void putMapping(String categoryId, String issueTypeId, String topic, Instant at);

    /** Writes the narrative of a period; an empty body removes it. */
    void putNarrative(String period, String body, String actor, Instant at);
}

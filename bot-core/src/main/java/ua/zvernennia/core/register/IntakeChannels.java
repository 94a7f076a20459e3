package ua.zvernennia.core.register;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The channels appeals arrive through, as data: the messengers' and the built-in ones fixed, the
 * ones admins add free to rename, regroup, reorder and switch off. Thread-safe.
 */
public final class IntakeChannels {
    private final UnitOfWork work;
    private final RegisterStore store;
    private final Clock clock;

    IntakeChannels(UnitOfWork work, RegisterStore store, Clock clock) {
        this.work = work;
        this.store = store;
        this.clock = clock;
    }

    /** Every channel, in its order. */
    public List<IntakeChannel> all() {
        return store.channels();
    }

    /**
     * The active channel of {@code code} that operators register appeals from.
     *
     * @throws Refusal naming the known codes when there is none
     */
    public IntakeChannel operatorChannel(String code) {
        return operatorChannel(code, all());
    }

    /** {@link #operatorChannel(String)} among {@code channels}. */
    public static IntakeChannel operatorChannel(String code, List<IntakeChannel> channels) {
        List<String> known =
                operatorChannels(channels).stream().map(IntakeChannel::code).toList();
        if (code == null || code.isBlank()) {
            throw Refusal.invalid("channel", "channel: required; one of " + known);
        }
        String c = code.strip();
        Optional<IntakeChannel> found =
                channels.stream().filter(ch -> ch.code().equals(c)).findFirst();
        if (found.isPresent() && found.get().messenger()) {
            throw Refusal.invalid(
                    "channel", "channel: " + c + " is a messenger: its appeals come from the bot; one of " + known);
        }
        if (found.isEmpty() || !found.get().active()) {
            throw Refusal.invalid(
                    "channel",
                    "channel: '" + c + "' is not a channel operators register appeals from; one of " + known);
        }
        return found.get();
    }

    /** The active channels that are not messengers: those operators register appeals from. */
    public static List<IntakeChannel> operatorChannels(List<IntakeChannel> channels) {
        return channels.stream().filter(c -> c.active() && !c.messenger()).toList();
    }

    /** The channel an appeal of this register channel is filed under: its own, or OTHER for a channel kept only as data. */
    public static Channel kind(IntakeChannel c) {
        for (Channel ch : Channel.values()) {
            if (ch.name().equals(c.code())) {
                return ch.isMessenger() ? Channel.OTHER : ch;
            }
        }
        return Channel.OTHER;
    }

    /** Adds a channel (admins); its position is after the last one's unless given. */
    public IntakeChannel add(String code, String nameUk, String reportGroup, Integer position) {
        return work.run(s -> {
            List<IntakeChannel> channels = s.register().channels();
            String c = code == null ? null : code.strip();
            if (c != null && channels.stream().anyMatch(ch -> ch.code().equals(c))) {
                throw Refusal.conflict("code: there already is a channel " + c);
            }
            int pos = position != null
                    ? position
                    : channels.stream().mapToInt(IntakeChannel::position).max().orElse(0) + 10;
            IntakeChannel added =
                    Register.validated(() -> new IntakeChannel(c, nameUk, reportGroup, false, false, true, pos));
            s.register().addChannel(added, clock.instant());
            return added;
        });
    }

    /**
     * Changes a channel's name, report group, position or (for one an admin added) whether it is
     * active; null leaves a field as it is. Messenger channels are fixed; built-in ones stay active.
     *
     * @param clearGroup takes the channel out of its report group
     */
    public IntakeChannel change(
            String code, String nameUk, String reportGroup, boolean clearGroup, Boolean active, Integer position) {
        return work.run(s -> {
            IntakeChannel old = s.register().channels().stream()
                    .filter(c -> c.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> Refusal.notFound("no channel " + code));
            if (old.messenger()) {
                throw Refusal.conflict("channel " + code + " is a messenger's: it is fixed");
            }
            if (active != null && !active && old.builtIn()) {
                throw Refusal.conflict("channel " + code + " is built in: it stays active");
            }
            IntakeChannel changed = Register.validated(() -> new IntakeChannel(
                    code,
                    nameUk == null ? old.nameUk() : nameUk,
                    clearGroup ? null : reportGroup == null ? old.reportGroup() : reportGroup,
                    false,
                    old.builtIn(),
                    active == null ? old.active() : active,
                    position == null ? old.position() : position));
            s.register().updateChannel(changed, clock.instant());
            return changed;
        });
    }
}

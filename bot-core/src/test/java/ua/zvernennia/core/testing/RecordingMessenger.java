package ua.zvernennia.core.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.Reply;

/** A messenger that keeps what it was asked to send; outcomes can be scripted. Thread-safe. */
public final class RecordingMessenger implements Messenger {
    public record Sent(ChatKey chat, Reply reply) {}

    private final Channel channel;
    private final List<Sent> sent = new ArrayList<>();
    private final Deque<Delivery> scripted = new ArrayDeque<>();
    private long ids;

    public RecordingMessenger(Channel channel) {
        this.channel = channel;
    }

    /** The next sends answer these outcomes, in order; then every send succeeds. */
    public synchronized RecordingMessenger thenAnswer(Delivery... outcomes) {
        scripted.addAll(List.of(outcomes));
        return this;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public synchronized Delivery send(ChatKey chat, Reply reply) {
        Delivery outcome = scripted.isEmpty() ? new Delivery.Sent(String.valueOf(++ids)) : scripted.poll();
        if (outcome instanceof Delivery.Sent) {
            sent.add(new Sent(chat, reply));
        }
        return outcome;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Reply> sentTo(ChatKey chat) {
        return sent.stream().filter(s -> s.chat().equals(chat)).map(Sent::reply).toList();
    }
}

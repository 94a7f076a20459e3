package ua.zvernennia.bench;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Simulated citizens going through the script against a channel. Each citizen waits for the
 * bot's answer to one step before taking the next. Closed loop (every citizen goes on at once)
 * measures the most the pipeline carries; paced, steps are offered at a fixed rate to whichever
 * citizens are ready, which measures latency at a given load. The latency of a step is from
 * the moment the update is offered to the channel to the moment the answer reaches the fake
 * messenger server. Thread-safe.
 */
final class Load implements AutoCloseable {
    /** Sends one step of a citizen into the channel. */
    interface Channel {
        void send(Citizen citizen, Script.Action action);
    }

    /** One simulated citizen; fields guarded by its monitor. */
    static final class Citizen {
        final int index;
        int step;
        long sentAt;
        Script.Action waiting;
        volatile int lastMessageId;
        boolean stuck;

        Citizen(int index) {
            this.index = index;
        }
    }

    /** What a window of time came to. */
    record Window(
            double seconds, long updates, long answered, long appeals, long stuck, long failures, Histogram latency) {
        double updatesPerSecond() {
            return answered / seconds;
        }

        double appealsPerSecond() {
            return appeals / seconds;
        }
    }

    static final long STUCK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final Citizen[] citizens;
    private final List<Script.Action> steps;
    private final boolean repeatAppeals;
    private final Channel channel;
    private final double rate;
    private final ConcurrentLinkedQueue<Citizen> ready = new ConcurrentLinkedQueue<>();
    private final Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final LongAdder updates = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder appeals = new LongAdder();
    private final LongAdder stuck = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicInteger nextToStart = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final int concurrency;
    private volatile boolean running;
    private Thread pacer;
    private Thread starter;
    /** Paced citizens all begin at once, and so go through the steps in step. */
    private final boolean inStep;

    private Thread watchdog;
    private long windowStart;
    private long updatesAtStart;
    private long answeredAtStart;
    private long appealsAtStart;
    private long stuckAtStart;
    private long failuresAtStart;

    /**
     * @param count         citizens
     * @param steps         what each does
     * @param repeatAppeals after the steps, appeal again and again
     * @param rate          steps offered per second; 0 for a closed loop
     * @param concurrency   citizens under way at a time (the rest start as others finish)
     */
    Load(int count, List<Script.Action> steps, boolean repeatAppeals, Channel channel, double rate, int concurrency) {
        this(count, steps, repeatAppeals, channel, rate, concurrency, false);
    }

    /** As above; {@code inStep}: a paced run's citizens all begin at once (see {@link #spreadNanos}). */
    Load(
            int count,
            List<Script.Action> steps,
            boolean repeatAppeals,
            Channel channel,
            double rate,
            int concurrency,
            boolean inStep) {
        this.inStep = inStep;
        this.citizens = new Citizen[count];
        for (int i = 0; i < count; i++) {
            citizens[i] = new Citizen(i);
        }
        this.steps = steps;
        this.repeatAppeals = repeatAppeals;
        this.channel = channel;
        this.rate = rate;
        this.concurrency = Math.min(concurrency, count);
    }

    int size() {
        return citizens.length;
    }

    Citizen citizen(int index) {
        return index >= 0 && index < citizens.length ? citizens[index] : null;
    }

    void start() {
        running = true;
        resetWindow();
        if (rate > 0) {
            pacer = new Thread(this::pace, "bench-pacer");
            pacer.setDaemon(true);
            pacer.start();
        }
        watchdog = new Thread(this::watch, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        long spread = spreadNanos();
        if (spread == 0) {
            for (int i = 0; i < concurrency; i++) {
                startNext();
            }
            return;
        }
        // Citizens begin one after another over a round of the appeal, so that at any moment they
        // are at different steps of it, as a city's are; begun at once, they would stay in step
        // (the pacer serves them in turn), and every few seconds all would file within the same
        // half second.
        starter = new Thread(
                () -> {
                    long begin = System.nanoTime();
                    for (int i = 0; i < concurrency && running; i++) {
                        long due = begin + spread * i / concurrency;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        startNext();
                    }
                },
                "bench-starter");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * How long the citizens of a paced run take to begin: one round of the appeal at the offered
     * rate; none in a closed loop, or when they are to go in step.
     */
    long spreadNanos() {
        if (rate <= 0 || inStep || !repeatAppeals) {
            return 0;
        }
        return (long) (Script.APPEAL.size() * (double) concurrency / rate * 1e9);
    }

    private void startNext() {
        int i = nextToStart.getAndIncrement();
        if (i < citizens.length) {
            next(citizens[i]);
        }
    }

    /** The citizen is ready for its next step: at once in a closed loop, when the pacer says so otherwise. */
    private void next(Citizen c) {
        if (!running) {
            return;
        }
        if (rate > 0) {
            ready.add(c);
        } else {
            send(c);
        }
    }

    private void send(Citizen c) {
        Script.Action action;
        synchronized (c) {
            action = steps.get(c.step);
            c.waiting = action;
            c.sentAt = System.nanoTime();
        }
        updates.increment();
        try {
            channel.send(c, action);
        } catch (RuntimeException e) {
            failures.increment();
        }
    }

    /** What the fake messenger server showed in the citizen's chat (a message's JSON as sent). */
    void shown(int index, String body, int messageId) {
        Citizen c = citizen(index);
        if (c == null) {
            return;
        }
        if (messageId > 0) {
            c.lastMessageId = messageId;
        }
        boolean advanced = false;
        boolean done = false;
        synchronized (c) {
            Script.Action w = c.waiting;
            if (w != null && body.contains(w.expect())) {
                latency.recordValue(Math.max(0, (System.nanoTime() - c.sentAt) / 1000));
                answered.increment();
                if (Script.REGISTERED.equals(w.expect())) {
                    appeals.increment();
                }
                c.waiting = null;
                c.step++;
                if (c.step == steps.size()) {
                    if (repeatAppeals) {
                        c.step = steps.size() - Script.APPEAL.size();
                    } else {
                        done = true;
                    }
                }
                advanced = !done;
            }
        }
        if (done) {
            finished.incrementAndGet();
            startNext();
        } else if (advanced) {
            next(c);
        }
    }

    /** A step that the channel refused (an HTTP error answer): counted, and the citizen stops. */
    void failed(int index) {
        failures.increment();
    }

    private void pace() {
        long start = System.nanoTime();
        long offered = 0;
        while (running) {
            long owed = (long) ((System.nanoTime() - start) / 1e9 * rate) - offered;
            for (; owed > 0; owed--) {
                offered++;
                Citizen c = ready.poll();
                if (c != null) {
                    send(c);
                }
                // With no citizen ready the offer lapses: the rate stays what was asked for.
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Citizen c : citizens) {
                synchronized (c) {
                    if (c.waiting != null && !c.stuck && now - c.sentAt > STUCK_AFTER_NANOS) {
                        c.stuck = true;
                        stuck.increment();
                    }
                }
            }
        }
    }

    /** Citizens that went through all their steps. */
    int finished() {
        return finished.get();
    }

    /** Citizens still waiting for an answer. */
    int waiting() {
        int n = 0;
        for (Citizen c : citizens) {
            synchronized (c) {
                if (c.waiting != null) {
                    n++;
                }
            }
        }
        return n;
    }

    synchronized void resetWindow() {
        latency.getIntervalHistogram();
        windowStart = System.nanoTime();
        updatesAtStart = updates.sum();
        answeredAtStart = answered.sum();
        appealsAtStart = appeals.sum();
        stuckAtStart = stuck.sum();
        failuresAtStart = failures.sum();
    }

    /** What happened since the last reset; starts the next window. */
    synchronized Window window() {
        Histogram h = latency.getIntervalHistogram();
        long now = System.nanoTime();
        Window w = new Window(
                (now - windowStart) / 1e9,
                updates.sum() - updatesAtStart,
                answered.sum() - answeredAtStart,
                appeals.sum() - appealsAtStart,
                stuck.sum() - stuckAtStart,
                failures.sum() - failuresAtStart,
                h);
        windowStart = now;
        updatesAtStart = updates.sum();
        answeredAtStart = answered.sum();
        appealsAtStart = appeals.sum();
        stuckAtStart = stuck.sum();
        failuresAtStart = failures.sum();
        return w;
    }

    long totalStuck() {
        return stuck.sum();
    }

    @Override
    public void close() {
        running = false;
        if (pacer != null) {
            pacer.interrupt();
        }
        if (starter != null) {
            starter.interrupt();
        }
        if (watchdog != null) {
            watchdog.interrupt();
        }
    }
}

package io.github.camelvideo.core.poll;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to poll a waiting job: an initial delay growing by a multiplier up to a maximum interval, jittered, within a
 * total timeout. A poll hint from the server wins over the computed delay, kept within
 * [{@code minHintInterval}, {@code maxInterval}].
 *
 * @param initialDelay delay before the first poll
 * @param multiplier   growth factor between polls (1 keeps the interval constant)
 * @param maxInterval  the longest interval between two polls
 * @param timeout      total time allowed for the job, from submission to a final state
 * @param jitter       fraction 0-1 by which a computed delay is randomly shortened, so that many clients spread out
 * @param minHintInterval the shortest interval a server hint may set ({@link #MIN_INTERVAL} unless the job is also
 *                     followed by push notifications: then a server's hint to poll again soon does not apply)
 * @param unannounced  the schedule of a phase no push notification announces, or {@code null} for this one (see
 *                     {@link #forUnannounced()})
 */
public record PollPolicy(Duration initialDelay, double multiplier, Duration maxInterval, Duration timeout,
                         double jitter, Duration minHintInterval, PollPolicy unannounced) {

    /** The shortest interval a server hint may set. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    /** 5 s, x1.5, at most 30 s apart, 20 minutes in all, 10 % jitter. */
    public static final PollPolicy DEFAULT = new PollPolicy(Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30),
            Duration.ofMinutes(20), 0.1);

    /** A policy whose server hints may set intervals down to {@link #MIN_INTERVAL}. */
    public PollPolicy(Duration initialDelay, double multiplier, Duration maxInterval, Duration timeout,
                      double jitter) {
        this(initialDelay, multiplier, maxInterval, timeout, jitter, MIN_INTERVAL, null);
    }

    /**
     * The safety-net schedule of a job followed by push notifications: a poll every {@code interval} (jittered),
     * whatever the server hints, within {@code timeout}.
     */
    public static PollPolicy withPush(Duration interval, Duration timeout, double jitter) {
        return new PollPolicy(interval, 1, interval, timeout, jitter, interval, null);
    }

    /**
     * The safety-net schedule of a job followed by push notifications, as {@link #withPush(Duration, Duration,
     * double)}, that polls a phase no notification announces on {@code regular}, the schedule without push.
     */
    public static PollPolicy withPush(Duration interval, PollPolicy regular) {
        return new PollPolicy(interval, 1, interval, regular.timeout(), regular.jitter(), interval, regular);
    }

    /**
     * The schedule of a phase of the job that no push notification announces, such as a result the provider
     * prepares after it has called the job's end back: the schedule without push when this one is push's safety
     * net, else this one.
     */
    public PollPolicy forUnannounced() {
        return unannounced != null ? unannounced : this;
    }

    public PollPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(minHintInterval, "minHintInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (initialDelay.isNegative() || maxInterval.isNegative() || timeout.isNegative()) {
            throw new IllegalArgumentException("Poll durations must not be negative");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("pollMultiplier must be >= 1, was " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("Poll jitter must be within 0..1, was " + jitter);
        }
    }

    /**
     * The nominal (unjittered) delay before poll number {@code pollIndex} (0 = the first poll after submission).
     */
    public Duration nominalDelay(int pollIndex) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, pollIndex);
        long capped = (long) Math.min(millis, maxInterval.toMillis());
        return Duration.ofMillis(Math.max(capped, 0));
    }

    /**
     * The delay before poll number {@code pollIndex}.
     *
     * @param serverHint the server's poll hint from the last response, or {@code null}
     * @param random     uniform source in [0, 1) for jitter
     */
    public Duration nextDelay(int pollIndex, Duration serverHint, DoubleSupplier random) {
        if (serverHint != null) {
            Duration low = max(minHintInterval, MIN_INTERVAL);
            return clamp(serverHint, low, max(maxInterval, low));
        }
        Duration nominal = nominalDelay(pollIndex);
        long jittered = (long) (nominal.toMillis() * (1.0 - jitter * random.getAsDouble()));
        return Duration.ofMillis(jittered);
    }

    private static Duration clamp(Duration value, Duration low, Duration high) {
        return value.compareTo(low) < 0 ? low : value.compareTo(high) > 0 ? high : value;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

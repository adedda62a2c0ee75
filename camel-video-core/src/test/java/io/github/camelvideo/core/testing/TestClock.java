package io.github.camelvideo.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for the emulator that follows the system clock until a test pauses it; a paused clock moves only when the
 * test advances it. Jobs then stay in their state as long as a test needs, however slow the machine is.
 */
public final class TestClock extends Clock {

    private Duration offset = Duration.ZERO;
    private Instant paused;

    /** Stops the clock at the current instant. */
    public synchronized TestClock pause() {
        if (paused == null) {
            paused = instant();
        }
        return this;
    }

    /** Moves the clock forward, paused or not. */
    public synchronized TestClock advance(Duration d) {
        if (paused != null) {
            paused = paused.plus(d);
        } else {
            offset = offset.plus(d);
        }
        return this;
    }

    /** Lets the clock run on from where it stands. */
    public synchronized TestClock resume() {
        if (paused != null) {
            offset = Duration.between(Instant.now(), paused);
            paused = null;
        }
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return paused != null ? paused : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock is always UTC");
    }
}

package io.github.camelvideo.emulator.core;

import java.io.InterruptedIOException;

/**
 * Where held answers and stalled downloads wait until the fault plan releases them: a test in another process holds a
 * step at a point it can see (the request is recorded, part of a download was sent) and lets it go on when it has done
 * what it wanted at that point (for example killed the client). Waiting is on a monitor, woken by
 * {@link #release()}; an emulator that closes interrupts its threads, which ends every wait.
 */
public final class Hold {

    private long releases;
    private int waiting;

    /**
     * Counts a step as waiting from now on, before it shows (a request recorded, bytes sent), so that whoever sees it
     * also sees it counted.
     *
     * @return the ticket to {@link #await(long)} with
     */
    public synchronized long enter() {
        waiting++;
        return releases;
    }

    /** Waits, after {@link #enter()}, until the next {@link #release()} (at once if one came in between). */
    public synchronized void await(long ticket) throws InterruptedIOException {
        try {
            while (releases == ticket) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The emulator stopped while a step was held");
        } finally {
            waiting--;
        }
    }

    /** Lets every step waiting now go on; answers how many were waiting. */
    public synchronized int release() {
        int released = waiting;
        releases++;
        notifyAll();
        return released;
    }

    /** How many steps wait now. */
    public synchronized int waiting() {
        return waiting;
    }
}

package io.github.camelvideo.core.job;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.poll.JobScheduler;

/**
 * The leases this instance holds on jobs in the job store. A job this instance works on (submits, waits for,
 * downloads, delivers) is leased to it, and the lease is renewed while the work lasts; a lease that is not renewed
 * (the instance died, or stopped before the result was delivered) expires after {@link #duration()}, and then
 * another instance, or this application after a restart, takes the job over. One timer renews every held lease, so
 * holding a lease costs no thread and no timer per job.
 */
public final class JobLeases {

    private static final Logger LOG = LoggerFactory.getLogger(JobLeases.class);

    private final JobStore store;
    private final String owner;
    private final Duration duration;
    private final JobScheduler scheduler;
    private final Executor executor;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> releaseListeners = ConcurrentHashMap.newKeySet();
    /** Held keys an exchange of this instance waits on (not only this instance's jobs consumer). */
    private final Set<String> attached = ConcurrentHashMap.newKeySet();
    /** Held keys another instance holds a live lease on, each reported once. */
    private final Set<String> contested = ConcurrentHashMap.newKeySet();
    private volatile JobScheduler.Cancellable renewal;
    private volatile boolean stopped;

    /**
     * @param executor where the store's renewals run (a worker pool: file and database stores block)
     */
    public JobLeases(JobStore store, String owner, Duration duration, JobScheduler scheduler, Executor executor) {
        this.store = store;
        this.owner = owner;
        this.duration = duration;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    /** A name for this instance that no other instance, nor a later run of this one, has. */
    public static String newOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        String jvm = ManagementFactory.getRuntimeMXBean().getName(); // pid@host on every common JVM
        String pid = jvm.contains("@") ? jvm.substring(0, jvm.indexOf('@')) : jvm;
        return host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Who holds the leases. */
    public String owner() {
        return owner;
    }

    /** How long a lease lasts unless renewed. */
    public Duration duration() {
        return duration;
    }

    /** The expiry of a lease taken or renewed now. */
    public Instant until() {
        return scheduler.now().plus(duration);
    }

    /** The store the leases are kept in. */
    public JobStore store() {
        return store;
    }

    /** Starts renewing the held leases, three times per lease duration so that one missed renewal does no harm. */
    public void start() {
        scheduleRenewal();
    }

    /**
     * Stops renewing and gives up the leases still held, so that another instance, or this application once
     * restarted, takes their jobs over at once (a lease that cannot be given up expires). Blocks while the store
     * writes: it runs when the component stops.
     */
    public void stop() {
        stopped = true;
        JobScheduler.Cancellable timer = renewal;
        if (timer != null) {
            timer.cancel();
        }
        List<String> keys = List.copyOf(held);
        held.clear();
        attached.clear();
        try {
            for (String key : keys) {
                store.release(key, owner);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot give up the leases of {} jobs at stop: {}; they expire within {}", keys.size(),
                    e.toString(), duration);
        }
    }

    /** Keeps the lease on the job under {@code key} renewed (its lease was taken by the caller). */
    public void hold(String key) {
        held.add(key);
    }

    /** Keeps the lease renewed for an exchange that waits on the job under {@code key}. */
    public void attach(String key) {
        attached.add(key);
        hold(key);
    }

    /**
     * Whether an exchange of this instance waits on the job under {@code key}: it receives the result, so the jobs
     * consumer does not deliver it too.
     */
    public boolean attached(String key) {
        return attached.contains(key);
    }

    /** Whether this instance works on the job under {@code key}. */
    public boolean holds(String key) {
        return held.contains(key);
    }

    /** Stops renewing the lease on the job under {@code key}: it expires, unless the job is final by then. */
    public void drop(String key) {
        held.remove(key);
        attached.remove(key);
        contested.remove(key);
    }

    /** Gives the job under {@code key} up at once, for another instance or a completion consumer to take. */
    public CompletionStage<Void> release(String key) {
        drop(key);
        return CompletableFuture.runAsync(() -> {
            store.release(key, owner);
            releaseListeners.forEach(Runnable::run);
        }, executor);
    }

    /** Calls {@code listener} after each job given up by {@link #release} (a completion consumer takes it). */
    public void onRelease(Runnable listener) {
        releaseListeners.add(listener);
    }

    /** Stops calling {@code listener}. */
    public void removeReleaseListener(Runnable listener) {
        releaseListeners.remove(listener);
    }

    /** How many leases are held. */
    public int size() {
        return held.size();
    }

    private boolean leasedToAnother(String key) {
        return store.find(key).map(JobRecord::owner).filter(o -> !o.equals(owner)).isPresent();
    }

    private void scheduleRenewal() {
        if (stopped) {
            return;
        }
        renewal = scheduler.schedule(() -> executor.execute(this::renewAll), duration.dividedBy(3));
    }

    private void renewAll() {
        try {
            Instant until = until();
            for (String key : store.renewAll(List.copyOf(held), owner, until)) {
                // not this instance's any more (or not yet: a redelivered exchange re-attached to a job whose dead
                // owner's lease still ran): taken as soon as it expired, while the exchange still wants it
                if (held.contains(key) && store.claim(key, owner, until).isEmpty() && leasedToAnother(key)
                    && contested.add(key)) {
                    LOG.warn("The job under idempotency key '{}' is leased to another instance, which follows it"
                             + " too; whichever finishes first delivers it", key);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot renew the leases of {} jobs: {}; they expire in {} unless a later renewal succeeds",
                    held.size(), e.toString(), duration);
        } finally {
            scheduleRenewal();
        }
    }
}

package io.github.camelvideo.core.ops;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.job.JobListener;
import io.github.camelvideo.core.job.JobOutcome;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

/**
 * What the jobs of one component are doing: the jobs waiting now, the last failures, and the metrics of every job.
 * Fed by the engine's listener points; read by the health, metrics and developer console. Thread-safe, and every
 * call is quick (it runs on engine threads).
 */
public final class JobActivity {

    /** How many failures are kept for the console, the newest first. */
    public static final int FAILURES_KEPT = 20;

    private final String component;
    private final JobMetrics metrics;
    private final Clock clock;
    private final Set<Job> waiting = ConcurrentHashMap.newKeySet();
    private final Deque<JobFailure> failures = new ConcurrentLinkedDeque<>();
    private final Set<JobTags> gauges = ConcurrentHashMap.newKeySet();

    public JobActivity(String component, JobMetrics metrics, Clock clock) {
        this.component = component;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The metrics this activity reports to, for the steps that report on their own (webhooks, status reads). */
    public JobMetrics metrics() {
        return metrics;
    }

    /** The component's scheme. */
    public String component() {
        return component;
    }

    /**
     * Starts following one job run: the returned listener is given to the engine, and {@link Job#finished} is called
     * with the run's outcome.
     *
     * @param model the model of the request, or {@code null} when the provider chooses
     */
    public Job start(String provider, String model) {
        return new Job(provider, model);
    }

    /** One status read outside a wait (an operation that fetches a job's status). */
    public void statusRead(String provider, String model) {
        metrics.statusRead(new JobTags(component, provider, model));
    }

    /** The jobs waiting for their final status, the oldest first. */
    public List<WaitingJob> waiting() {
        Instant now = clock.instant();
        List<WaitingJob> jobs = new ArrayList<>();
        for (Job job : waiting) {
            jobs.add(job.view(now));
        }
        jobs.sort(Comparator.comparing(WaitingJob::since));
        return jobs;
    }

    /** The last {@value #FAILURES_KEPT} failures, the newest first. */
    public List<JobFailure> failures() {
        return List.copyOf(failures);
    }

    private int waitingWith(JobTags tags) {
        int n = 0;
        for (Job job : waiting) {
            if (job.tags().equals(tags)) {
                n++;
            }
        }
        return n;
    }

    private void failed(JobFailure failure) {
        failures.addFirst(failure);
        while (failures.size() > FAILURES_KEPT) {
            failures.pollLast();
        }
    }

    /**
     * A job waiting now.
     *
     * @param id       the provider's job id
     * @param provider the provider
     * @param model    the model, or {@code unknown}
     * @param state    the provider's status, such as {@code in_progress}
     * @param progress the percentage done, or {@code null} when the provider does not say
     * @param since    when the job arrived at the producer
     * @param age      how long ago that was
     */
    public record WaitingJob(String id, String provider, String model, String state, Integer progress,
                             Instant since, Duration age) {
    }

    /**
     * A failed job or submission.
     *
     * @param at       when it failed
     * @param id       the provider's job id, or {@code null} when no job was created
     * @param provider the provider
     * @param model    the model, or {@code unknown}
     * @param type     the exception's simple name
     * @param message  the exception's message (which never holds a credential)
     */
    public record JobFailure(Instant at, String id, String provider, String model, String type, String message) {
    }

    /** One job run, from its arrival at the producer to its outcome. */
    public final class Job implements JobListener {

        private final String provider;
        private final Instant startedAt;
        private volatile String model;
        private volatile String id;
        private volatile String state;
        private volatile Integer progress;
        private volatile Instant finalStatusAt;

        private Job(String provider, String model) {
            this.provider = provider;
            this.model = model;
            this.startedAt = clock.instant();
        }

        JobTags tags() {
            return new JobTags(component, provider, model);
        }

        WaitingJob view(Instant now) {
            return new WaitingJob(id, provider, tags().model(), state, progress, startedAt,
                    Duration.between(startedAt, now));
        }

        private void observe(JobStatus status) {
            if (model == null && status.model() != null) {
                model = status.model();
            }
            state = status.status();
            progress = status.progress();
        }

        @Override
        public void onSubmitted(JobStatus status) {
            id = status.ref().id();
            observe(status);
            JobTags tags = tags();
            metrics.submitted(tags);
            if (gauges.add(tags)) {
                metrics.waitingGauge(tags, JobActivity.this, a -> a.waitingWith(tags));
            }
            if (!status.isTerminal()) {
                waiting.add(this);
            }
        }

        @Override
        public void onStatus(JobStatus status, Duration elapsed) {
            observe(status);
            metrics.statusRead(tags());
            if (status.isTerminal()) {
                waiting.remove(this);
                finalStatusAt = clock.instant();
                metrics.waited(tags(), elapsed);
            }
        }

        /**
         * The run ended.
         *
         * @param outcome the outcome, or {@code null} when it failed
         * @param error   the failure, or {@code null}
         */
        public void finished(JobOutcome outcome, Throwable error) {
            waiting.remove(this);
            if (error != null) {
                failed(Failures.unwrap(error));
            } else if (outcome != null && outcome.status().state() == JobState.SUCCEEDED) {
                succeeded(outcome);
            }
        }

        private void failed(Throwable cause) {
            String type = cause.getClass().getSimpleName();
            metrics.failed(tags(), type);
            if (cause instanceof VideoSubmissionInDoubtException) {
                metrics.inDoubt(tags());
            }
            JobActivity.this.failed(new JobFailure(clock.instant(), id, provider, tags().model(), type,
                    cause.getMessage()));
        }

        private void succeeded(JobOutcome outcome) {
            observe(outcome.status());
            Instant now = clock.instant();
            if (finalStatusAt == null) {
                // the job was already finished when it was submitted or re-attached: no poll saw it end
                finalStatusAt = now;
                metrics.waited(tags(), Duration.between(startedAt, now));
            }
            if (outcome.file() != null) {
                metrics.downloaded(tags(), Duration.between(finalStatusAt, now));
            }
            metrics.succeeded(tags());
            CostEstimate cost = outcome.cost();
            if (cost != null && cost.usd() != null && cost.usd().compareTo(BigDecimal.ZERO) > 0) {
                metrics.spent(tags(), cost.usd());
            }
        }
    }

    @Override
    public String toString() {
        return "JobActivity[" + component + ", " + waiting.size() + " waiting]";
    }
}

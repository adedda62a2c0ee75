package io.github.camelvideo.core.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;

/**
 * What a job store keeps for one idempotency key. Records are immutable; a store assigns {@link #version()} and the
 * timestamps when it writes one. Instants are kept to the microsecond, the precision every store can hold.
 *
 * @param format         the layout of the record; a store reads every format up to {@link #FORMAT}
 * @param key            the idempotency key the record is stored under
 * @param version        incremented by the store on every write of the job's content ({@code 0}: never stored);
 *                       lease changes do not count, so an owner renewing its lease never conflicts with itself
 * @param provider       the provider name, such as {@code openai}
 * @param ref            the provider's job, {@code null} until the provider accepted it
 * @param requestDigest  a digest of the request, to recognise the same request when a job is reconciled
 * @param state          where the job stands
 * @param costEstimateUsd the estimate made before submission in US dollars, or {@code null} when none was made
 * @param outputFile     the downloaded file, {@code null} until {@link DurableState#DOWNLOADED}
 * @param headers        the headers of the submitting exchange to restore with the result
 * @param owner          who holds the lease on the job (an instance id), or {@code null}
 * @param leaseExpiresAt until when the owner holds it, or {@code null}
 * @param createdAt      when the record was first stored (the spending limit counts from it)
 * @param updatedAt      when the record was last written
 * @param failure        why the job failed or is in doubt, or {@code null}
 * @param partOf         the key of the larger job this one is a part of (a storyboard's scene), or {@code null}:
 *                       only the larger job collects a part's result, never a completion consumer
 * @param request        what the create request asked for, by field name (such as {@code prompt}), so that a job
 *                       whose create request was sent but not answered can be recognised in the provider's job list
 */
public record JobRecord(int format, String key, long version, String provider, JobRef ref, String requestDigest,
                        DurableState state, BigDecimal costEstimateUsd, Path outputFile, Map<String, String> headers,
                        String owner, Instant leaseExpiresAt, Instant createdAt, Instant updatedAt,
                        JobError failure, String partOf, Map<String, String> request) {

    /** The record format this release writes. */
    public static final int FORMAT = 1;

    public JobRecord {
        if (format < 1) {
            throw new IllegalArgumentException("record format must be 1 or more, was " + format);
        }
        Objects.requireNonNull(state, "state");
        if (provider == null && ref != null) {
            provider = ref.provider();
        }
        Objects.requireNonNull(provider, "provider");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        request = request == null ? Map.of() : Map.copyOf(request);
        leaseExpiresAt = micros(leaseExpiresAt);
        createdAt = micros(createdAt);
        updatedAt = micros(updatedAt);
    }

    /** A record that is no part of a larger job and keeps no request fields. */
    public JobRecord(int format, String key, long version, String provider, JobRef ref, String requestDigest,
                     DurableState state, BigDecimal costEstimateUsd, Path outputFile, Map<String, String> headers,
                     String owner, Instant leaseExpiresAt, Instant createdAt, Instant updatedAt, JobError failure) {
        this(format, key, version, provider, ref, requestDigest, state, costEstimateUsd, outputFile, headers, owner,
                leaseExpiresAt, createdAt, updatedAt, failure, null, null);
    }

    /**
     * A record of a job the provider accepted, for callers that know only the job and its provider state: a failed job
     * becomes {@link DurableState#FAILED}, any other {@link DurableState#SUBMITTED}.
     */
    public JobRecord(JobRef ref, JobState state, Instant updatedAt) {
        this(FORMAT, null, 0, null, ref, null, state == JobState.FAILED ? DurableState.FAILED : DurableState.SUBMITTED,
                null, null, null, null, null, updatedAt, updatedAt, state == JobState.FAILED
                        ? new JobError(null, "the provider reported the job failed", ErrorCategory.UNKNOWN, null)
                        : null, null, null);
    }

    /**
     * A new record, stored before the create request is sent.
     *
     * @param costEstimateUsd the estimate, or {@code null}
     * @param headers         headers to restore with the result, possibly empty
     */
    public static JobRecord pending(String key, String provider, String requestDigest, BigDecimal costEstimateUsd,
                                    Map<String, String> headers) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(provider, "provider");
        return new JobRecord(FORMAT, key, 0, provider, null, requestDigest, DurableState.PENDING, costEstimateUsd,
                null, headers, null, null, null, null, null);
    }

    /**
     * This new record as a part of the larger job under {@code wholeKey}, and with the fields that identify its
     * request in the provider's job list.
     */
    public JobRecord describing(String wholeKey, Map<String, String> requestFields) {
        return new JobRecord(format, key, version, provider, ref, requestDigest, state, costEstimateUsd, outputFile,
                headers, owner, leaseExpiresAt, createdAt, updatedAt, failure, wholeKey, requestFields);
    }

    /** Whether the record is a part of a larger job, whose run alone collects its result. */
    public boolean isPart() {
        return partOf != null;
    }

    /** This record, accepted by the provider as {@code accepted}. */
    public JobRecord submitted(JobRef accepted) {
        return with(DurableState.SUBMITTED, Objects.requireNonNull(accepted, "ref"), outputFile, failure);
    }

    /** This record, its result downloaded to {@code file}. */
    public JobRecord downloaded(Path file) {
        return with(DurableState.DOWNLOADED, ref, Objects.requireNonNull(file, "file"), failure);
    }

    /** This record, its result delivered. */
    public JobRecord delivered() {
        return with(DurableState.DELIVERED, ref, outputFile, failure);
    }

    /** This record, failed for {@code error}. */
    public JobRecord failed(JobError error) {
        return with(DurableState.FAILED, ref, outputFile, Objects.requireNonNull(error, "error"));
    }

    /** This record, its create request in doubt for {@code reason}. */
    public JobRecord inDoubt(JobError reason) {
        return with(DurableState.IN_DOUBT, ref, outputFile, Objects.requireNonNull(reason, "reason"));
    }

    /** This record under another key. */
    public JobRecord withKey(String newKey) {
        return new JobRecord(format, newKey, version, provider, ref, requestDigest, state, costEstimateUsd, outputFile,
                headers, owner, leaseExpiresAt, createdAt, updatedAt, failure, partOf, request);
    }

    /** This record with a lease for {@code newOwner} until {@code until} (both {@code null}: no lease). */
    public JobRecord withLease(String newOwner, Instant until) {
        return new JobRecord(format, key, version, provider, ref, requestDigest, state, costEstimateUsd, outputFile,
                headers, newOwner, until, createdAt, updatedAt, failure, partOf, request);
    }

    /** This record as a store writes it: in this release's format, with the version and the timestamps given. */
    public JobRecord stored(long newVersion, Instant created, Instant updated) {
        return new JobRecord(FORMAT, key, newVersion, provider, ref, requestDigest, state, costEstimateUsd, outputFile,
                headers, owner, leaseExpiresAt, created, updated, failure, partOf, request);
    }

    /**
     * The content of {@code next} written over this stored record: the key, the creation time and the lease stay, and
     * so does every field {@code next} leaves {@code null} (or its headers, when empty).
     */
    public JobRecord overwrittenBy(JobRecord next) {
        return new JobRecord(FORMAT, key, version, or(next.provider, provider), or(next.ref, ref),
                or(next.requestDigest, requestDigest), next.state, or(next.costEstimateUsd, costEstimateUsd),
                or(next.outputFile, outputFile), next.headers.isEmpty() ? headers : next.headers, owner,
                leaseExpiresAt, createdAt, updatedAt, or(next.failure, failure), or(next.partOf, partOf),
                next.request.isEmpty() ? request : next.request);
    }

    /**
     * Checks that this stored record may be written with {@code next}'s state.
     *
     * @throws IllegalStateException when it would move back
     */
    public void requireForward(DurableState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("The job stored under key '" + key + "' is " + state
                    + " and cannot move back to " + next + "; states only move forward: "
                    + "PENDING, IN_DOUBT, SUBMITTED, DOWNLOADED, then DELIVERED, or FAILED from any state before");
        }
    }

    /** Whether someone other than {@code candidate} holds a lease that has not expired at {@code now}. */
    public boolean leasedToOtherThan(String candidate, Instant now) {
        return owner != null && !owner.equals(candidate) && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
    }

    /** Whether nobody holds a lease that has not expired at {@code now}. */
    public boolean leaseFree(Instant now) {
        return owner == null || leaseExpiresAt == null || !leaseExpiresAt.isAfter(now);
    }

    private JobRecord with(DurableState newState, JobRef newRef, Path newFile, JobError newFailure) {
        return new JobRecord(format, key, version, provider, newRef, requestDigest, newState, costEstimateUsd, newFile,
                headers, owner, leaseExpiresAt, createdAt, updatedAt, newFailure, partOf, request);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}

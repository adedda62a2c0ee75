package io.github.camelvideo.core.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job stands in the job store. The order of the write steps is the contract: {@code PENDING} is stored before
 * the create request leaves, {@code SUBMITTED} (with the provider's job reference) before the exchange continues, and
 * {@code DELIVERED} only after the route that received the result finished. States only move forward, so a late or
 * repeated write can never undo a later step.
 */
public enum DurableState {

    /** The create request is about to be sent, or was sent and its answer is not known yet. */
    PENDING(0),
    /**
     * The create request may have been accepted (a timeout or a 5xx after it was sent, or a crash before the answer
     * was stored): the job is never sent again automatically, since the first request may have been billed.
     */
    IN_DOUBT(1),
    /** The provider accepted the job; the record holds its job reference. */
    SUBMITTED(2),
    /** The result was downloaded; the record holds the output file. */
    DOWNLOADED(3),
    /** The route that received the result completed. Final. */
    DELIVERED(4),
    /** The job failed; the record holds the failure. Final. */
    FAILED(4);

    /** States whose cost estimate counts against a spending limit: every state but {@link #FAILED}. */
    public static final Set<DurableState> SPENDING = EnumSet.of(PENDING, IN_DOUBT, SUBMITTED, DOWNLOADED, DELIVERED);

    private final int rank;

    DurableState(int rank) {
        this.rank = rank;
    }

    /** Whether nothing follows this state. */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED;
    }

    /**
     * Whether a record in this state may be written with {@code next}: the same state (to update other fields), a later
     * step, or {@link #FAILED} from any state that is not final.
     */
    public boolean canMoveTo(DurableState next) {
        if (next == this) {
            return true;
        }
        if (isFinal()) {
            return false;
        }
        return next == FAILED || next.rank > rank;
    }

    /** The states from which a record may be written with {@code next}. */
    public static Set<DurableState> predecessorsOf(DurableState next) {
        Set<DurableState> states = EnumSet.noneOf(DurableState.class);
        for (DurableState state : values()) {
            if (state.canMoveTo(next)) {
                states.add(state);
            }
        }
        return states;
    }
}

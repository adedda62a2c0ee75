package io.github.camelvideo.emulator.core;

/** A fault applied to one {@code /content} response. */
public sealed interface ContentFault {

    /**
     * Declare the full length, send {@code afterBytes} bytes, then close the connection.
     *
     * @param afterBytes bytes sent before the connection is cut
     */
    record Reset(long afterBytes) implements ContentFault {
    }

    /**
     * Send {@code afterBytes} bytes (at most one less than the length), then wait at {@code hold} until it is
     * released, then send the rest: a download that is certainly in progress while the hold lasts.
     *
     * @param afterBytes bytes sent before the download waits
     * @param hold where it waits
     */
    record Stall(long afterBytes, Hold hold) implements ContentFault {
    }

    /** Answer 200 with {@code application/json} and an error body instead of the media. */
    record JsonBody() implements ContentFault {
    }
}

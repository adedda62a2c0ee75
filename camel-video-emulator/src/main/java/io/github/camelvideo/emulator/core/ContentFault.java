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

    /** Answer 200 with {@code application/json} and an error body instead of the media. */
    record JsonBody() implements ContentFault {
    }
}

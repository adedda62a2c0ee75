package io.github.camelvideo.emulator.kie;

import java.util.List;

/** The checked {@code input} of a market task, whatever its model: the video it makes, or why it is refused. */
interface MarketInput {

    /** The video's width. */
    int width();

    /** The video's height. */
    int height();

    /** The video's length in seconds. */
    int seconds();

    /** What Kie's validation refuses, one sentence each; empty when valid. */
    List<String> problems();
}

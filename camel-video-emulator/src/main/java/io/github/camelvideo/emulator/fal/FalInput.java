package io.github.camelvideo.emulator.fal;

import java.util.List;
import java.util.Map;

/** The checked input of one fal endpoint: the shape and length of the video it makes, or what fal would refuse. */
interface FalInput {

    /** The video's width. */
    int width();

    /** The video's height. */
    int height();

    /** The video's length in seconds. */
    int seconds();

    /** The prompt, for content-policy answers. */
    String prompt();

    /** What fal's validation would refuse, as model error items; empty when valid. */
    List<Map<String, Object>> problems();
}

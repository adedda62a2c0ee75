package io.github.camelvideo.kling;

import org.apache.camel.spi.annotations.DevConsole;

import io.github.camelvideo.core.camel.VideoDevConsoleSupport;

/** The kling: component in Camel's developer console: the jobs waiting, the last failures and the spend. */
@DevConsole(group = "camel", name = "kling", displayName = "Kling",
            description = "Video jobs waiting, last failures and spend of the kling component")
public class KlingDevConsole extends VideoDevConsoleSupport {

    public KlingDevConsole() {
        super("kling", "Kling");
    }
}

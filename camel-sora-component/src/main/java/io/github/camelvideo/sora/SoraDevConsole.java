package io.github.camelvideo.sora;

import org.apache.camel.spi.annotations.DevConsole;

import io.github.camelvideo.core.camel.VideoDevConsoleSupport;

/** The sora: component in Camel's developer console: the jobs waiting, the last failures and the spend. */
@DevConsole(group = "camel", name = "sora", displayName = "Sora",
            description = "Video jobs waiting, last failures and spend of the sora component")
public class SoraDevConsole extends VideoDevConsoleSupport {

    public SoraDevConsole() {
        super("sora", "Sora");
    }
}

package io.github.camelvideo.veo;

import org.apache.camel.spi.annotations.DevConsole;

import io.github.camelvideo.core.camel.VideoDevConsoleSupport;

/** The veo: component in Camel's developer console: the jobs waiting, the last failures and the spend. */
@DevConsole(group = "camel", name = "veo", displayName = "Veo",
            description = "Video jobs waiting, last failures and spend of the veo component")
public class VeoDevConsole extends VideoDevConsoleSupport {

    public VeoDevConsole() {
        super("veo", "Veo");
    }
}

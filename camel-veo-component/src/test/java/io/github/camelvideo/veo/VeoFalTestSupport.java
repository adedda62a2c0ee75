package io.github.camelvideo.veo;

import org.apache.camel.CamelContext;

/** Adds the component "falveo": a veo component on the emulator's fal queue, Veo 3.1 Fast at 720p by default. */
abstract class VeoFalTestSupport extends VeoTestSupport {

    static final String FAL_KEY = "fal-canary-0123456789abcdefghij";
    static final String SUBMIT = "/fal/fal-ai/veo3\\.1.*";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VeoComponent fal = new VeoComponent();
        VeoConfiguration c = fal.getConfiguration();
        c.setProvider(VeoConfiguration.FAL);
        c.setBaseUrl(emulator.falBaseUrl());
        c.setApiKey(FAL_KEY);
        c.setPollInitialDelay(50);
        c.setPollMaxInterval(200);
        c.setTimeout(30_000);
        c.setOutputDirectory(output.toString());
        context.addComponent("falveo", fal);
        return context;
    }
}

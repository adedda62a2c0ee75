package io.github.camelvideo.veo;

import org.apache.camel.CamelContext;

/** Adds the component "kieveo": a veo component on the emulator's Kie.ai Veo 3.1 API, Veo 3.1 Fast by default. */
abstract class VeoKieTestSupport extends VeoTestSupport {

    static final String KIE_KEY = "kie-veo-canary-0123456789abcdefghij";
    static final String GENERATE = "/kie/api/v1/veo/generate";
    static final String EXTEND = "/kie/api/v1/veo/extend";
    static final String RECORD = "/kie/api/v1/veo/record-info";
    static final String FULL_HD = "/kie/api/v1/veo/get-1080p-video";
    static final String FOUR_K = "/kie/api/v1/veo/get-4k-video";
    static final String UPLOAD = "/kie/api/file-base64-upload";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VeoComponent kie = new VeoComponent();
        VeoConfiguration c = kie.getConfiguration();
        c.setProvider(VeoConfiguration.KIE);
        c.setBaseUrl(emulator.kieBaseUrl());
        c.setApiKey(KIE_KEY);
        c.setPollInitialDelay(50);
        c.setPollMaxInterval(200);
        c.setTimeout(30_000);
        c.setOutputDirectory(output.toString());
        context.addComponent("kieveo", kie);
        return context;
    }
}

package io.github.camelvideo.kling;

/** The tests of provider kling: Kling's own API on the emulator, with the emulator's access and secret key. */
abstract class KlingNativeTestSupport extends KlingTestSupport {

    static final String ACCESS_KEY = "emulator-access";
    static final String SECRET_KEY = "emulator-secret";
    static final String T2V = "/kling/v1/videos/text2video";
    static final String CREATE = "/kling/v1/videos/(text2video|image2video|omni-video)";

    @Override
    void configure(KlingConfiguration c) {
        super.configure(c);
        c.setProvider("kling");
        c.setBaseUrl(emulator.klingBaseUrl());
        c.setApiKey(null);
        c.setAccessKey(ACCESS_KEY);
        c.setSecretKey(SECRET_KEY);
    }
}

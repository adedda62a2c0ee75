package io.github.camelvideo.emulator.core;

/**
 * A feature of the emulated servers that can be switched on and off while they run, e.g. video
 * extensions. Thread-safe: a change applies to the requests that arrive after it.
 */
public final class Toggle {

    private volatile boolean on;

    /** A toggle in the given position. */
    public Toggle(boolean on) {
        this.on = on;
    }

    /** True when the feature is offered. */
    public boolean isOn() {
        return on;
    }

    /** Switches the feature on or off. */
    public void set(boolean on) {
        this.on = on;
    }
}

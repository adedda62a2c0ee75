package io.github.camelvideo.core.ops;

import org.apache.camel.CamelContext;

/** Finds the job metrics of a context without loading Micrometer's classes when Micrometer is not there. */
public final class Metrics {

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private Metrics() {
    }

    /** Micrometer metrics when Micrometer is on the classpath and a registry is found, else {@link JobMetrics#NONE}. */
    public static JobMetrics of(CamelContext context) {
        try {
            Class.forName(METER_REGISTRY, false, Metrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return JobMetrics.NONE;
        }
        return MicrometerJobMetrics.lookup(context);
    }
}

package io.github.camelvideo.benchmarks;

import java.util.List;

/** One benchmark scenario: runs this project and the baselines against the same emulator and returns the figures. */
public interface Scenario {

    /** The name used on the command line and in the reports. */
    String name();

    /** One line saying what is measured and how. */
    String description();

    /**
     * Runs the scenario.
     *
     * @param scale the sizes to run at
     * @param work  a directory for downloads and generated files, deleted afterwards
     */
    List<Figure> run(Scale scale, java.nio.file.Path work) throws Exception;
}

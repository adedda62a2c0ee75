package io.github.camelvideo.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A large MP4 (1 GiB in the published run, made at run time by {@link LargeMp4}) downloaded to a file by this project
 * and by the plain JDK HttpClient, in a child JVM with a small heap ({@link Scale#downloadHeap()}) so that a download
 * that buffered the file could not pass.
 */
public final class DownloadScenario implements Scenario {

    @Override
    public String name() {
        return "download";
    }

    @Override
    public String description() {
        return "a large MP4 to a file under a small -Xmx: heap growth after GC and throughput against the JDK HttpClient";
    }

    @Override
    public List<Figure> run(Scale scale, Path work) throws Exception {
        Path mp4 = work.resolve("large.mp4");
        Progress.say("download: making a " + scale.downloadBytes() / (1 << 20) + " MiB MP4");
        LargeMp4.create(mp4, scale.downloadBytes());
        try {
            return runChild(scale, mp4, work);
        } finally {
            Files.deleteIfExists(mp4);
        }
    }

    private List<Figure> runChild(Scale scale, Path mp4, Path work) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx" + scale.downloadHeap(), "-cp",
                System.getProperty("java.class.path"), DownloadChild.class.getName(), mp4.toString(), work.toString());
        Progress.say("download: child JVM with -Xmx" + scale.downloadHeap());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Figure> figures = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(DownloadChild.FIGURE)) {
                    figures.add(DownloadChild.parse(line));
                } else {
                    System.err.println(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("The download child JVM exited with " + exit);
        }
        return figures;
    }
}

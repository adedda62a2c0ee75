package io.github.camelvideo.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.testing.IsolatedJvm;

/**
 * The probe, the join and the last-frame decoder work when the media libraries are loaded by a child class loader and
 * the system class path cannot see their resources: Spring Boot executable jars, Camel JBang's {@code --dep}.
 */
class ClassLoaderIsolationTest {

    @TempDir
    Path dir;

    @Test
    void probesJoinsAndDecodesInsideAChildClassLoader() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));

        IsolatedJvm.Result run = IsolatedJvm.run(dir, IsolatedMedia.class, out.toString(),
                Fixtures.path(Fixtures.TESTSRC).toString(), Fixtures.path(Fixtures.SMPTEBARS).toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("loader isolated", "probe 320x180");
        double seconds = Mp4Probe.probe(Fixtures.path(Fixtures.TESTSRC)).durationSeconds()
                + Mp4Probe.probe(Fixtures.path(Fixtures.SMPTEBARS)).durationSeconds();
        assertThat(Mp4Probe.probe(out.resolve("joined.mp4")).durationSeconds()).isCloseTo(seconds, within(1e-9));
        assertThat(LastFrame.png(out.resolve("joined.mp4")))
                .isEqualTo(Files.readAllBytes(out.resolve("last.png")));
    }

    @Test
    void theIsolatedSystemClassPathCannotSeeTheLibrariesResources() throws IOException, InterruptedException {
        IsolatedJvm.Result run = IsolatedJvm.run(dir, SystemResource.class, BoxParsers.BOX_TABLE);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("system null", "own found");
    }

    /** Prints whether the system class loader and this class's loader see a resource. */
    public static final class SystemResource {

        public static void main(String[] args) {
            System.out.println("system " + ClassLoader.getSystemResource(args[0]));
            System.out.println("own " + (SystemResource.class.getClassLoader().getResource(args[0]) == null
                    ? "missing" : "found"));
        }
    }
}

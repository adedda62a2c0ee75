package io.github.camelvideo.benchmarks;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario runs end to end at a tiny size and writes its reports. Only that the harness works is checked: the
 * jobs complete and the files are there. Speed, memory and thread figures are the scenarios' output, never asserted.
 */
class BenchmarkMainTest {

    @TempDir
    Path out;

    @Test
    void theKeepAliveScenarioRunsBothClientSettings() throws Exception {
        List<Figure> figures = BenchmarkMain.run(List.of("keepalive"), Scale.SMALL, out);

        assertThat(figures).filteredOn(f -> f.metric().equals("creates in doubt")).hasSize(2);
        assertThat(figures).filteredOn(f -> f.metric().equals("connections closed by the proxy"))
                .anySatisfy(f -> assertThat(f.value()).isPositive());
    }

    @Test
    void everyScenarioRunsAtASmallSizeAndWritesItsReports() throws Exception {
        List<Figure> figures = BenchmarkMain.run(List.of("waiting", "throughput", "download", "storyboard", "push"),
                Scale.SMALL, out);

        assertThat(figures).extracting(Figure::scenario).contains("waiting", "throughput", "download", "storyboard",
                "push");
        // push on the file and the memory job store, then polling
        assertThat(figures).filteredOn(f -> f.scenario().equals("push") && f.metric().equals("jobs completed"))
                .hasSize(3).allSatisfy(f -> assertThat(f.verdict()).isEqualTo("PASS"));
        assertThat(figures).filteredOn(f -> f.scenario().equals("push") && f.metric().equals("status reads per job")
                                            && f.load().contains(", push,"))
                .hasSize(2).allSatisfy(f -> assertThat(f.verdict()).isEqualTo("PASS"));
        assertThat(figures).filteredOn(f -> f.metric().equals("jobs completed") && !f.scenario().equals("push"))
                .hasSize(6) // three approaches in waiting and in throughput
                .allSatisfy(f -> assertThat(f.value()).as(f.approach() + " " + f.scenario()).isEqualTo(20));
        assertThat(figures).filteredOn(f -> f.metric().equals("duration of the result"))
                .allSatisfy(f -> assertThat(f.verdict()).isEqualTo("PASS"));
        assertThat(figures).filteredOn(f -> f.scenario().equals("download") && f.metric().equals("throughput"))
                .extracting(Figure::approach).containsExactlyInAnyOrder(Approach.JDK_DOWNLOAD, Approach.ENGINE);
        assertThat(out.resolve("results.csv")).content().contains("waiting,20 jobs," + Approach.ENGINE);
        assertThat(out.resolve("results.md")).content().contains("### push", "status reads per job");
        for (String png : List.of("waiting.png", "throughput.png", "download.png", "storyboard.png")) {
            assertThat(out.resolve(png)).isNotEmptyFile();
        }
    }

    @Test
    void goalsCompareAsPrinted() {
        assertThat(new Figure("s", "l", "a", "m", 16, "", Goal.atMost(16)).verdict()).isEqualTo("PASS");
        assertThat(new Figure("s", "l", "a", "m", 17, "", Goal.atMost(16)).verdict()).isEqualTo("MISS");
        assertThat(new Figure("s", "l", "a", "m", 999.5, "", Goal.atLeast(1000)).verdict()).isEqualTo("MISS");
        assertThat(new Figure("s", "l", "a", "m", 1, "", null).verdict()).isEmpty();
        assertThat(Goal.atMost(8).text()).isEqualTo("≤ 8");
    }
}

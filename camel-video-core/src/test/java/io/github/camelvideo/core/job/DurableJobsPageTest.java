package io.github.camelvideo.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps docs/durable-jobs.md true to the stores: its DDL, its sample record and the driver version. */
class DurableJobsPageTest {

    private static final Path PAGE = Path.of("..", "docs", "durable-jobs.md");
    private static String page;

    @BeforeAll
    static void readPage() throws IOException {
        page = Files.readString(PAGE, StandardCharsets.UTF_8);
    }

    @Test
    void showsTheDdlTheStoreRuns() {
        assertThat(block("sql")).isEqualTo(JdbcJobStore.ddl());
    }

    @Test
    void itsSampleRecordIsOneTheFileStoreReads() throws IOException {
        JobRecord sample = JobRecordJson.read(block("json").getBytes(StandardCharsets.UTF_8));

        assertThat(sample.format()).isEqualTo(JobRecord.FORMAT);
        assertThat(sample.state()).isEqualTo(DurableState.SUBMITTED);
        assertThat(sample.headers()).containsEntry("OrderId", "42");
    }

    @Test
    void namesTheDriverVersionTheBuildUses() throws IOException {
        Matcher version = Pattern.compile("<postgresql.version>([^<]+)</postgresql.version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(page).contains("<version>" + version.group(1) + "</version>");
    }

    @Test
    void listsEveryState() {
        for (DurableState state : DurableState.values()) {
            assertThat(page).contains("| `" + state + "` |");
        }
    }

    private static String block(String language) {
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(block.find()).as("a %s block in %s", language, PAGE).isTrue();
        return block.group(1);
    }
}

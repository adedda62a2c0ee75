package io.github.camelvideo.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.spi.JobRef;

/** Two processes on one machine sharing a {@link FileJobStore} directory exclude each other through its lock file. */
class FileJobStoreProcessesTest {

    private static final int SUBMITTED_JOBS = 100;

    @TempDir
    Path directory;

    @Test
    void twoProcessesNeverTakeTheSameJobOrTheSameDollar() throws Exception {
        FileJobStore store = new FileJobStore(directory);
        for (int i = 0; i < SUBMITTED_JOBS; i++) {
            JobRecord pending = store.createIfAbsent(JobRecord.pending("job-" + i, "openai", null, null, null))
                    .record();
            store.update(pending.submitted(JobRef.of("openai", "video_" + i))).orElseThrow();
        }
        Process child = new ProcessBuilder(javaCommand()).redirectErrorStream(true).start();
        try (store; BufferedReader childOutput = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream childInput = child.getOutputStream()) {
            assertThat(childOutput.readLine()).isEqualTo("ready");
            childInput.write("go\n".getBytes(StandardCharsets.UTF_8));
            childInput.flush();

            FileStoreWorker.Result here = FileStoreWorker.contend(store, "parent");
            String line = childOutput.readLine();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(line).as("the child's answer").startsWith("reserved=");
            FileStoreWorker.Result there = FileStoreWorker.Result.parse(line);

            assertThat(here.reserved() + there.reserved()).isEqualTo(FileStoreWorker.CAP.intValue());
            List<String> claimed = new ArrayList<>(here.claimed());
            claimed.addAll(there.claimed());
            assertThat(claimed).hasSize(SUBMITTED_JOBS).doesNotHaveDuplicates();
        } finally {
            child.destroyForcibly();
        }
    }

    private List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FileStoreWorker.class.getName(), directory.toString(), "child");
    }
}

package io.github.camelvideo.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.testing.CapturedLog;

class FileJobStoreTest extends JobStoreContractTest {

    @TempDir
    Path directory;

    @Override
    protected JobStore newStore() {
        return new FileJobStore(directory.resolve("jobs"), clock);
    }

    @Override
    protected JobStore anotherInstance() {
        return new FileJobStore(directory.resolve("jobs"), clock);
    }

    private FileJobStore files() {
        return (FileJobStore) store;
    }

    @Test
    void keepsOneJsonFilePerJobNamedByTheDigestOfItsKey() throws IOException {
        store.createIfAbsent(pending("orders/../../etc/passwd", "1"));

        Path file = files().fileOf("orders/../../etc/passwd");
        assertThat(file.getParent()).isEqualTo(files().directory());
        assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}\\.json");
        assertThat(Files.readString(file)).contains("\"key\" : \"orders/../../etc/passwd\"")
                .contains("\"format\" : 1");
        try (Stream<Path> left = Files.list(files().directory())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aTornFileIsReportedOnceSkippedAndLeftInPlace() throws IOException {
        store.createIfAbsent(pending("good", "1.00"));
        store.createIfAbsent(pending("torn", "4.00"));
        Path torn = files().fileOf("torn");
        byte[] whole = Files.readAllBytes(torn);
        Files.write(torn, java.util.Arrays.copyOf(whole, whole.length / 2));

        try (CapturedLog log = CapturedLog.of(FileJobStore.class)) {
            assertThat(store.list(DurableState.PENDING)).extracting(JobRecord::key).containsExactly("good");
            assertThat(store.spendSince(START)).isEqualByComparingTo("1.00");
            assertThat(store.list(DurableState.PENDING)).hasSize(1);

            assertThat(log.lines()).hasSize(1);
            assertThat(log.lines().get(0)).startsWith("WARN").contains(torn.getFileName().toString());
        }
        assertThatThrownBy(() -> store.find("torn")).isInstanceOf(JobStoreException.class)
                .hasMessageContaining(torn.toString()).hasMessageContaining("left in place");
        assertThatThrownBy(() -> store.createIfAbsent(pending("torn", "1"))).isInstanceOf(JobStoreException.class);
        assertThat(Files.readAllBytes(torn)).hasSize(whole.length / 2);
    }

    @Test
    void readsARecordWrittenInFormatOne() throws IOException {
        Path file = files().fileOf("order-1");
        Files.writeString(file, """
                {
                  "format" : 1,
                  "key" : "order-1",
                  "version" : 4,
                  "provider" : "openai",
                  "ref" : { "provider" : "openai", "id" : "video_1", "attributes" : { } },
                  "requestDigest" : "sha256:1",
                  "state" : "DOWNLOADED",
                  "costEstimateUsd" : "0.40",
                  "outputFile" : "/videos/order-1.mp4",
                  "headers" : { "OrderId" : "1" },
                  "owner" : null,
                  "leaseExpiresAt" : null,
                  "createdAt" : "2026-12-01T08:00:00Z",
                  "updatedAt" : "2026-12-01T08:05:00Z",
                  "failure" : null,
                  "addedByALaterFormat" : "ignored"
                }
                """, StandardCharsets.UTF_8);

        JobRecord record = store.find("order-1").orElseThrow();
        assertThat(record.format()).isEqualTo(1);
        assertThat(record.version()).isEqualTo(4);
        assertThat(record.state()).isEqualTo(DurableState.DOWNLOADED);
        assertThat(record.ref().id()).isEqualTo("video_1");
        assertThat(record.outputFile()).isEqualTo(Path.of("/videos/order-1.mp4"));
        assertThat(record.headers()).containsEntry("OrderId", "1");
    }

    @Test
    void aRecordOfALaterFormatIsSkippedNotRewritten() throws IOException {
        Path file = files().fileOf("order-9");
        String later = "{\"format\": 99, \"key\": \"order-9\", \"version\": 1, \"state\": \"SUBMITTED\"}";
        Files.writeString(file, later, StandardCharsets.UTF_8);

        try (CapturedLog log = CapturedLog.of(FileJobStore.class)) {
            assertThat(store.list(DurableState.SUBMITTED)).isEmpty();
            assertThat(log.lines()).singleElement().asString().contains("format 99");
        }
        assertThatThrownBy(() -> store.update(pending("order-9", "1"))).isInstanceOf(JobStoreException.class);
        assertThat(Files.readString(file)).isEqualTo(later);
    }

    @Test
    void aRecordCopiedUnderAnotherNameIsNotTrusted() throws IOException {
        store.createIfAbsent(pending("original", "1"));
        Files.copy(files().fileOf("original"), files().fileOf("copy"));

        assertThatThrownBy(() -> store.find("copy")).isInstanceOf(JobStoreException.class)
                .hasMessageContaining("original");
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedOnOpening() throws IOException {
        Path leftover = files().directory().resolve("." + files().fileOf("x").getFileName() + ".1234.tmp");
        Files.writeString(leftover, "{\"format\": 1, \"ke");

        new FileJobStore(files().directory(), clock).close();

        assertThat(leftover).doesNotExist();
    }
}

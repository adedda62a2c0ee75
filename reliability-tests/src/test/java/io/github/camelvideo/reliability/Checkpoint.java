package io.github.camelvideo.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import io.github.camelvideo.sora.SoraConstants;

/**
 * A point of a route that the test can see and hold, in the application it kills: each exchange passing it leaves a
 * marker file {@code checkpoints/<name>-<key>}, and while the file {@code holds/<name>} exists the exchange waits there
 * (without holding a thread: the hold file is looked at every 10 ms on one timer) until the test removes it or kills
 * the application. So the test kills at a point it saw reached, not after a guessed time.
 */
final class Checkpoint extends AsyncProcessorSupport implements AsyncProcessor {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "checkpoint-timer");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final Path markers;
    private final Path hold;

    Checkpoint(Path work, String name) {
        this.name = name;
        this.markers = work.resolve("checkpoints");
        this.hold = work.resolve("holds").resolve(name);
        try {
            Files.createDirectories(markers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String key = exchange.getMessage().getHeader(SoraConstants.IDEMPOTENCY_KEY, String.class);
        try {
            // the hold is read before the marker is written: a test that sees the marker knows the exchange waits
            boolean held = Files.exists(hold);
            Files.writeString(markers.resolve(name + "-" + key), exchange.getExchangeId());
            if (!held) {
                callback.done(true);
                return true;
            }
        } catch (IOException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        AtomicReference<ScheduledFuture<?>> check = new AtomicReference<>();
        check.set(TIMER.scheduleWithFixedDelay(() -> {
            if (!Files.exists(hold)) {
                check.get().cancel(false);
                callback.done(false);
            }
        }, 10, 10, TimeUnit.MILLISECONDS));
        return false;
    }
}

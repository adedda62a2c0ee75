package io.github.camelvideo.core.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a component's output file when the exchange that carries it completes, the way the {@code file:} consumer's
 * {@code delete=true} does: after a successful exchange only, because by then the route has stored or sent the file
 * (a {@code file:} producer copies it, {@code aws2-s3:} uploads it). When the exchange fails, the paid-for video is
 * kept and the path logged, so it can still be recovered.
 */
final class DeleteAfterRoute extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteAfterRoute.class);

    private final Path file;

    private DeleteAfterRoute(Path file) {
        this.file = file;
    }

    /** Arranges for {@code file} to be deleted when {@code exchange} completes successfully. */
    static void register(Exchange exchange, Path file) {
        exchange.getExchangeExtension().addOnCompletion(new DeleteAfterRoute(file));
    }

    @Override
    public void onComplete(Exchange exchange) {
        try {
            Files.deleteIfExists(file);
            LOG.debug("Deleted {} after the route completed", file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {} after the route completed: {}", file, e.toString());
        }
    }

    @Override
    public void onFailure(Exchange exchange) {
        LOG.warn("Kept {} (deleteAfterRoute): exchange {} failed, so the video may not have been stored elsewhere",
                file, exchange.getExchangeId());
    }
}

package io.github.camelvideo.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoRequestInvalidException;

/** What the route tests of every video component share: sending a message, its failure, the output directory. */
public abstract class VideoRouteTestSupport extends CamelTestSupport {

    /** The directory downloads go to; each test's context gets a new one. */
    protected Path output;

    /** Creates a fresh output directory for the context being built. */
    protected Path newOutputDirectory(String prefix) throws IOException {
        output = Files.createTempDirectory(prefix);
        return output;
    }

    /** Sends a message with headers given as name, value pairs and returns the resulting exchange (failed or not). */
    public Exchange send(String uri, Object body, Object... headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    /** The exception of a failed exchange, unwrapped from Camel's execution wrapper. */
    public static Throwable failureOf(Exchange exchange) {
        Exception e = exchange.getException();
        return e instanceof CamelExecutionException ? Failures.unwrap(e.getCause()) : e;
    }

    /**
     * The typed error that keeps an endpoint from starting, found in the cause chain Camel wraps it in.
     *
     * @throws AssertionError when the endpoint starts, or fails for another reason
     */
    public VideoRequestInvalidException startFailure(String uri) {
        Throwable thrown = null;
        try {
            context.getEndpoint(uri).createProducer().start();
        } catch (Exception e) {
            thrown = e;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof VideoRequestInvalidException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("The endpoint " + uri + " should fail to start with a"
                                 + " VideoRequestInvalidException, but "
                                 + (thrown == null ? "it started" : "failed with " + thrown), thrown);
    }

    /** The folder of the default job store inside the output directory. */
    public static final String JOB_STORE_FOLDER = ".camel-video-jobs";

    /** Every file in the output directory, hidden ones included, but the default job store's folder. */
    public List<Path> outputFiles() throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> !f.getFileName().toString().equals(JOB_STORE_FOLDER)).toList();
        }
    }
}

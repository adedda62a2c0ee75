package io.github.camelvideo.sora;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs one {@code sora:textToVideo} exchange in a Camel context of its own and prints the file it produced; run by
 * {@link SoraClassLoaderIsolationTest} inside a child class loader.
 *
 * <p>Arguments: the emulator's base URL, the API key, the output directory.
 */
public final class IsolatedSoraRoute {

    private IsolatedSoraRoute() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:video")
                            .to("sora:textToVideo?seconds=4&size=1280x720&pollInitialDelay=50&pollMaxInterval=200"
                                + "&baseUrl=" + args[0] + "&apiKey=RAW(" + args[1] + ")&outputDirectory=" + args[2]);
                }
            });
            context.start();
            System.out.println("loader " + SoraComponent.class.getClassLoader().getName());
            Exchange result = context.createProducerTemplate().request("direct:video",
                    e -> e.getMessage().setBody("A lighthouse at dusk"));
            if (result.getException() != null) {
                throw result.getException();
            }
            System.out.println("file " + result.getMessage().getBody(File.class));
            System.out.println("duration " + result.getMessage().getHeader(SoraConstants.DURATION));
        }
    }
}

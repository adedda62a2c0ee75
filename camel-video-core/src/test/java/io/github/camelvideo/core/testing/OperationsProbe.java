package io.github.camelvideo.core.testing;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

import static org.awaitility.Awaitility.await;

/** Reads what a running context shows operators: its readiness checks and its developer consoles. */
public final class OperationsProbe {

    private OperationsProbe() {
    }

    /** The readiness result of the check with this id, once it is in the expected state (waits up to 20 s). */
    public static HealthCheck.Result readiness(CamelContext context, String id, HealthCheck.State expected) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals(id)).findFirst().orElse(null),
                r -> r != null && r.getState() == expected);
    }

    /** A result's message, or an empty text. */
    public static String message(HealthCheck.Result result) {
        return result.getMessage().orElse("");
    }

    /** The JSON of the developer console with this id. */
    public static Map<String, Object> console(CamelContext context, String id) {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        return map(registry.resolveById(id).call(DevConsole.MediaType.JSON));
    }

    /** A JSON object as a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }
}

package io.github.camelvideo.reliability;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.postgresql.ds.PGSimpleDataSource;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.job.JdbcJobStore;
import io.github.camelvideo.sora.SoraConstants;

/**
 * The application the reliability tests kill: Camel Main with one job per file of {@code inbox/} (the file name is the
 * idempotency key, its text the prompt) sent to {@code sora:textToVideo}, and the completion consumer
 * {@code sora:jobs} for the jobs no waiting exchange collected; every result is written to {@code delivered/} as
 * {@code <key>~<instance>~<exchange id>.mp4}, so a duplicate delivery shows as a second file of the key. A job in doubt
 * is written to {@code in-doubt/}, a failed one to {@code failed/}. The job store is the default file store in
 * {@code out/.camel-video-jobs}, or PostgreSQL with {@code jdbcUrl=}.
 *
 * <p>Arguments, as {@code name=value}: {@code work} (the directory), {@code baseUrl} (the emulator's OpenAI base URL),
 * and optionally {@code instance} (a name, default {@code a}), {@code wait} ({@code waitForCompletion}, default
 * true), {@code jdbcUrl}, {@code pool} (a connection pool for it, default true), {@code leaseMs}
 * ({@code leaseDuration}), {@code maxSpendUsd}.
 */
public final class VideoApplication {

    static final String API_KEY = "sk-reliability-0123456789abcdef";

    private VideoApplication() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path work = Path.of(options.get("work"));
        Main main = new Main();
        main.addInitialProperty("camel.component.sora.baseUrl", options.get("baseUrl"));
        main.addInitialProperty("camel.component.sora.apiKey", API_KEY);
        main.addInitialProperty("camel.component.sora.outputDirectory", work.resolve("out").toString());
        main.addInitialProperty("camel.component.sora.pollInitialDelay", "50");
        main.addInitialProperty("camel.component.sora.pollMaxInterval", "200");
        main.addInitialProperty("camel.component.sora.timeout", "300000");
        if (options.containsKey("leaseMs")) {
            main.addInitialProperty("camel.component.sora.leaseDuration", options.get("leaseMs"));
        }
        if (options.containsKey("maxSpendUsd")) {
            main.addInitialProperty("camel.component.sora.maxSpendUsd", options.get("maxSpendUsd"));
        }
        if (options.containsKey("jdbcUrl")) {
            main.bind("videoJobs", new JdbcJobStore(dataSource(options.get("jdbcUrl"),
                    Boolean.parseBoolean(options.getOrDefault("pool", "true")))));
        }
        main.configure().addRoutesBuilder(new Routes(work, options.getOrDefault("instance", "a"),
                Boolean.parseBoolean(options.getOrDefault("wait", "true")),
                Boolean.parseBoolean(options.getOrDefault("completions", "true"))));
        main.run();
    }

    /** PostgreSQL through a pool of 8 connections, or a connection opened for every call. */
    private static DataSource dataSource(String url, boolean pooled) {
        if (!pooled) {
            PGSimpleDataSource database = new PGSimpleDataSource();
            database.setURL(url);
            database.setUser("postgres");
            return database;
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(8);
        return new HikariDataSource(pool);
    }

    /** The routes of the application. */
    static final class Routes extends RouteBuilder {

        private final Path work;
        private final String instance;
        private final boolean wait;
        private final boolean completions;

        Routes(Path work, String instance, boolean wait, boolean completions) {
            this.completions = completions;
            this.work = work;
            this.instance = instance;
            this.wait = wait;
        }

        @Override
        public void configure() {
            String key = "${header." + SoraConstants.IDEMPOTENCY_KEY + "}";
            String name = key + "~" + instance + "~${exchangeId}";
            onException(VideoSubmissionInDoubtException.class).handled(true)
                    .setBody(simple("${exception.message}"))
                    .to(file("in-doubt") + "?fileName=" + name + ".txt");
            onException(VideoException.class).handled(true)
                    .setBody(simple("${exception.stacktrace}"))
                    .to(file("failed") + "?fileName=" + name + ".txt");

            String delivered = file("delivered") + "?fileName=" + name + ".mp4&tempPrefix=.part-";
            from(file("inbox") + "?initialDelay=0&delay=50").routeId("inbox")
                    .setHeader(SoraConstants.IDEMPOTENCY_KEY, simple("${file:onlyname.noext}"))
                    .convertBodyTo(String.class)
                    .process(new Checkpoint(work, "create"))
                    .to("sora:textToVideo?seconds=4&waitForCompletion=" + wait)
                    .filter(constant(wait))
                    .process(new Checkpoint(work, "delivery"))
                    .to(delivered);
            if (completions) {
                from("sora:jobs").routeId("completions")
                        .process(new Checkpoint(work, "delivery"))
                        .to(delivered);
            }
        }

        private String file(String folder) {
            return "file:" + work.resolve(folder);
        }
    }
}

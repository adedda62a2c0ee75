package io.github.camelvideo.core.camel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.support.console.AbstractDevConsole;

import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.ops.JobActivity;

/**
 * The developer console of a video component: the jobs waiting now (id, provider, model, state, progress, age), the
 * last failures, and the spend counted in the job store over the current budget period. Each component has one,
 * under its scheme, in text and JSON (for {@code camel get} and {@code camel cmd} of Camel JBang, and Camel Main's
 * console).
 */
public abstract class VideoDevConsoleSupport extends AbstractDevConsole {

    private final String scheme;

    protected VideoDevConsoleSupport(String scheme, String displayName) {
        super("camel", scheme, displayName, "Video jobs waiting, last failures and spend of the " + scheme
                                            + " component");
        this.scheme = scheme;
    }

    private VideoComponentSupport component() {
        Component c = getCamelContext().hasComponent(scheme);
        return c instanceof VideoComponentSupport video && video.activity() != null ? video : null;
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> root = new LinkedHashMap<>();
        VideoComponentSupport c = component();
        root.put("component", scheme);
        if (c == null) {
            root.put("started", false);
            return root;
        }
        root.put("started", true);
        root.put("waiting", waitingJson(c.activity()));
        root.put("failures", failuresJson(c.activity()));
        root.put("spend", spendJson(c));
        return root;
    }

    private static List<Map<String, Object>> waitingJson(JobActivity activity) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (JobActivity.WaitingJob job : activity.waiting()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", job.id());
            m.put("provider", job.provider());
            m.put("model", job.model());
            m.put("state", job.state());
            if (job.progress() != null) {
                m.put("progress", job.progress());
            }
            m.put("since", job.since().toString());
            m.put("ageMillis", job.age().toMillis());
            jobs.add(m);
        }
        return jobs;
    }

    private static List<Map<String, Object>> failuresJson(JobActivity activity) {
        List<Map<String, Object>> failures = new ArrayList<>();
        for (JobActivity.JobFailure f : activity.failures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", f.at().toString());
            if (f.id() != null) {
                m.put("id", f.id());
            }
            m.put("provider", f.provider());
            m.put("model", f.model());
            m.put("type", f.type());
            m.put("message", f.message());
            failures.add(m);
        }
        return failures;
    }

    private static Map<String, Object> spendJson(VideoComponentSupport c) {
        Spend spend = spend(c);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("budgetPeriod", spend.period().toString());
        m.put("since", spend.since().toString());
        m.put("estimatedUsd", spend.usd() == null ? null : spend.usd().toPlainString());
        if (spend.cap() != null) {
            m.put("maxSpendUsd", spend.cap());
        }
        return m;
    }

    /** The spend over the component's budget period, as the job store counts it for the spending limit. */
    private record Spend(Duration period, Instant since, BigDecimal usd, String cap) {
    }

    private static Spend spend(VideoComponentSupport c) {
        VideoJobConfiguration config = c.componentConfiguration();
        Duration period;
        try {
            period = Duration.parse(config.getBudgetPeriod());
        } catch (DateTimeParseException | NullPointerException e) {
            period = Duration.ofDays(1);
        }
        Instant since = Instant.now().minus(period);
        JobStore store = c.getJobStore();
        BigDecimal usd = store == null ? null : store.spendSince(since);
        String cap = config.getMaxSpendUsd() == null || config.getMaxSpendUsd().isBlank() ? null
                : config.getMaxSpendUsd().trim();
        return new Spend(period, since, usd, cap);
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        VideoComponentSupport c = component();
        if (c == null) {
            return "The " + scheme + " component is not started\n";
        }
        StringBuilder sb = new StringBuilder();
        List<JobActivity.WaitingJob> waiting = c.activity().waiting();
        sb.append("Jobs waiting: ").append(waiting.size()).append('\n');
        for (JobActivity.WaitingJob job : waiting) {
            sb.append(String.format("    %s  %s/%s  %s  %s  age %ds%n", job.id(), job.provider(), job.model(),
                    job.state(), job.progress() == null ? "?%" : job.progress() + "%", job.age().toSeconds()));
        }
        List<JobActivity.JobFailure> failures = c.activity().failures();
        sb.append("Last failures: ").append(failures.size()).append('\n');
        for (JobActivity.JobFailure f : failures) {
            sb.append(String.format("    %s  %s  %s/%s  %s: %s%n", f.at(), f.id() == null ? "(no job)" : f.id(),
                    f.provider(), f.model(), f.type(), f.message()));
        }
        Spend spend = spend(c);
        sb.append("Spend over ").append(spend.period()).append(" (since ").append(spend.since()).append("): ")
                .append(spend.usd() == null ? "unknown" : "$" + spend.usd().toPlainString())
                .append(spend.cap() == null ? "" : " of $" + spend.cap()).append('\n');
        return sb.toString();
    }
}

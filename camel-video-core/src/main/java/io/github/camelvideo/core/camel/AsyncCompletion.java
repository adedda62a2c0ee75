package io.github.camelvideo.core.camel;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

import io.github.camelvideo.core.async.Failures;

/**
 * Bridges a {@link CompletionStage} to Camel's asynchronous producer contract: a failure while starting sets the
 * exception, calls {@code done(true)} and returns {@code true}; otherwise the method returns {@code false} and
 * {@code done(false)} is called exactly once when the stage ends, on the worker pool, so routing never runs on an
 * HTTP or scheduler thread.
 */
public final class AsyncCompletion {

    private AsyncCompletion() {
    }

    /**
     * @param start     starts the asynchronous work; may throw for invalid input
     * @param onSuccess writes the result into the exchange
     * @param onFailure adds failure details (for example a job id header) before the exception is set
     * @return the "done synchronously" flag of {@link org.apache.camel.AsyncProcessor#process}
     */
    public static <T> boolean process(Exchange exchange, AsyncCallback callback, Executor worker,
                                      Supplier<CompletionStage<T>> start, BiConsumer<Exchange, T> onSuccess,
                                      BiConsumer<Exchange, Throwable> onFailure) {
        CompletionStage<T> stage;
        try {
            stage = start.get();
        } catch (Throwable e) {
            fail(exchange, e, onFailure);
            callback.done(true);
            return true;
        }
        AtomicBoolean done = new AtomicBoolean();
        stage.whenComplete((value, error) -> {
            Runnable finish = () -> {
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                try {
                    if (error != null) {
                        fail(exchange, error, onFailure);
                    } else {
                        onSuccess.accept(exchange, value);
                    }
                } catch (Throwable e) {
                    exchange.setException(e);
                } finally {
                    callback.done(false);
                }
            };
            try {
                worker.execute(finish);
            } catch (RejectedExecutionException stopping) {
                finish.run(); // the pool is shutting down: complete here rather than never
            }
        });
        return false;
    }

    private static void fail(Exchange exchange, Throwable error, BiConsumer<Exchange, Throwable> onFailure) {
        Throwable cause = Failures.unwrap(error);
        try {
            onFailure.accept(exchange, cause);
        } finally {
            exchange.setException(cause);
        }
    }
}

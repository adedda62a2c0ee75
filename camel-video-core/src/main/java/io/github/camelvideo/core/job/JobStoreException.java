package io.github.camelvideo.core.job;

/** A job store could not read or write its records (a file system or database failure, an unreadable record). */
public class JobStoreException extends RuntimeException {

    public JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public JobStoreException(String message) {
        super(message);
    }
}

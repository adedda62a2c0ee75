package io.github.camelvideo.core.camel;

import java.io.File;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.TypeConverterSupport;

/**
 * The body of a message that carries a downloaded video or image: an ordinary {@link File}, which {@code file:},
 * {@code aws2-s3:} and every other component take as a file, except that converting it to a {@code String} gives its
 * path, as {@link #toString()} does. Camel converts a plain {@code File} to a {@code String} by reading the file, so a
 * route's {@code log("${body}")} would otherwise write megabytes of video into the log. Streams and byte arrays are
 * still converted from the content.
 */
public final class ResultFile extends File {

    private static final long serialVersionUID = 1L;

    public ResultFile(Path path) {
        super(path.toString());
    }

    private static final PathConverter TO_PATH = new PathConverter();

    /**
     * Registers the conversion to a path string with a Camel context's registry. Registering the same converter
     * again, for the next component, changes nothing.
     */
    static void registerConverter(TypeConverterRegistry registry) {
        registry.addTypeConverter(String.class, ResultFile.class, TO_PATH);
    }

    /** Converts a result file to its path. */
    private static final class PathConverter extends TypeConverterSupport {

        @Override
        public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
            return type.cast(value.toString());
        }
    }
}

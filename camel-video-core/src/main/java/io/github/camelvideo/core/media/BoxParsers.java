package io.github.camelvideo.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.mp4parser.BoxParser;
import org.mp4parser.PropertyBoxParserImpl;

/**
 * The box parsers mp4parser reads files with, configured so that they work under any class loader.
 *
 * <p>mp4parser's default parser reads its box table ({@value #BOX_TABLE}) with
 * {@link ClassLoader#getSystemResourceAsStream(String)}, which finds nothing when mp4parser is not on the system
 * class path: in a Spring Boot executable jar, under Camel JBang's {@code --dep}, in an application server or any
 * child class loader it fails with "inStream parameter is null". The table is read here through the class loader
 * that loaded mp4parser itself, which is the one that can see it wherever mp4parser runs, and handed to the parser.
 * The box classes the table names are loaded by mp4parser with that same loader.
 */
final class BoxParsers {

    static final String BOX_TABLE = "isoparser2-default.properties";

    private static Properties boxTable;

    private BoxParsers() {
    }

    /**
     * A parser that skips the media data box: the default one copies it to a temporary file, and skipping it keeps
     * opening a file as cheap for 4 GB as for 1 MB.
     *
     * @throws IOException when mp4parser's box table cannot be read (a broken mp4parser jar)
     */
    static BoxParser skippingMediaData() throws IOException {
        // a view over the shared table: parsers only read it
        return new PropertyBoxParserImpl(new Properties(boxTable())).skippingBoxes("mdat");
    }

    private static synchronized Properties boxTable() throws IOException {
        if (boxTable == null) {
            boxTable = load();
        }
        return boxTable;
    }

    private static Properties load() throws IOException {
        ClassLoader loader = PropertyBoxParserImpl.class.getClassLoader();
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(BOX_TABLE)
                : loader.getResourceAsStream(BOX_TABLE)) {
            if (in == null) {
                throw new IOException("mp4parser's box table " + BOX_TABLE + " is not visible to " + loader
                        + ": the isoparser jar is incomplete");
            }
            Properties table = new Properties();
            table.load(in);
            return table;
        }
    }
}

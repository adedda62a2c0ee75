package io.github.camelvideo.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of a JVM whose system class path holds only this class: it loads the application from the class
 * path listed in a file through a child class loader whose parent is the platform loader, the way Spring Boot's
 * nested jars and Camel JBang's {@code --dep} do, and runs its {@code main} method there. Uses nothing but the JDK.
 *
 * <p>Arguments: the file listing the class path (one entry a line), the main class, then the main class's arguments.
 */
public final class IsolatedLauncher {

    /** A resource every test class path has and the system class path here must not. */
    static final String GUARD = "isoparser2-default.properties";

    private IsolatedLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (ClassLoader.getSystemResource(GUARD) != null) {
            throw new IllegalStateException("The system class path is not isolated: it holds " + GUARD);
        }
        List<String> entries = Files.readAllLines(Path.of(args[0]));
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(entries.get(i)).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader("isolated", urls, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            String[] rest = new String[args.length - 2];
            System.arraycopy(args, 2, rest, 0, rest.length);
            try {
                Class.forName(args[1], true, loader).getMethod("main", String[].class).invoke(null, (Object) rest);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            }
        }
    }
}

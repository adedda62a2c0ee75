package io.github.camelvideo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.function.Predicate;

/** Heap, thread and CPU readings of this JVM, as the scenarios report them. */
public final class JvmProbe {

    /** Threads of the emulator, which stands in for the remote provider and is not counted as the client's. */
    public static final Predicate<String> EMULATOR = name -> name.startsWith("video-emulator");

    /**
     * Threads of the component's engine: Camel names the engine's pools {@code ... - SoraScheduler}, {@code SoraHttp},
     * {@code SoraWorker} (see {@code VideoEngine}), and the engine's HTTP client (Apache HttpClient 5, see
     * {@code HttpTransport}) names its I/O and dispatcher threads {@code video-http-N-M}.
     */
    public static final Predicate<String> ENGINE = name -> name.matches(".* - Sora[A-Za-z]+$")
            || name.startsWith("video-http-");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JvmProbe() {
    }

    /** Bytes of heap in use after full collections, so that only reachable objects are counted. */
    public static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        // several rounds: finalizers and reference processing can free more on a second pass
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Heap in use after the most recent collection, summed over the heap pools (no collection is forced). */
    public static long heapAfterLastGc() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                total += pool.getCollectionUsage().getUsed();
            }
        }
        return total;
    }

    /** Heap in use now, garbage included. */
    public static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Live threads whose name matches. */
    public static long liveThreads(Predicate<String> name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> name.test(t.getName())).count();
    }

    /** The ids of the live threads. */
    public static Set<Long> liveThreadIds() {
        Set<Long> ids = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> ids.add(t.getId()));
        return ids;
    }

    /** Live threads, the emulator's excluded, whose id is not in {@code before}. */
    public static long threadsStartedSince(Set<Long> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t.getId()) && !EMULATOR.test(t.getName())).count();
    }

    /** Threads started in this JVM since it began, ended ones included. */
    public static long threadsStarted() {
        return THREADS.getTotalStartedThreadCount();
    }

    /** CPU time in nanoseconds of the live threads whose name matches. */
    public static long cpuNanos(Predicate<String> name) {
        long total = 0;
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        for (Thread t : threads) {
            if (name.test(t.getName())) {
                long cpu = THREADS.getThreadCpuTime(t.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    /** CPU time in nanoseconds of the whole process: every thread, ended ones, GC and compiler included. */
    public static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}

package org.lettermerge.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Keeps the heap of {@code java -jar lettermerge.jar} near 256 MB when nobody chose a maximum heap (the launcher
 * does, with -Xmx256m; README, Memory).
 *
 * <p>Why: a send allocates fast (about 350 KB per letter) but keeps little (about 100 MB at most). G1 on JDK 17
 * grows the heap after a young collection when collections take more than a share of the time, and that share
 * shrinks with the heap: below half the maximum heap (by default a quarter of the machine's memory) it is 1%, which
 * a fast sender always exceeds. So the heap grows towards half the maximum (3.2 GB resident for 100,000 letters on a
 * 24 GB machine). The maximum heap cannot be set from a running JVM or from the jar's manifest, and G1 ignores
 * MaxHeapFreeRatio when it grows the heap; it honours it when it shrinks the heap after a full collection. So when a
 * young collection leaves the heap committed above the budget but mostly empty, this asks for a full collection
 * (System.gc(): tens of milliseconds with 50 MB in use) with MaxHeapFreeRatio set so the heap shrinks to about three
 * quarters of the budget. A command that really holds half the budget or more (a big status listing) is left alone:
 * it grows as the JVM likes. Re-launching the jar with -Xmx was the other way; it would leave a second process that a
 * kill -9 of the first one does not stop (the crash tests and the sender lease count on one process), and signals
 * and password prompts would have to cross between the two.
 */
final class HeapBudget {

    static final long BUDGET = 256L << 20;

    private HeapBudget() {}

    /**
     * The MaxHeapFreeRatio for a full collection that brings the heap back to about three quarters of
     * {@code budget}, or empty when the heap is within the budget or more than half of it is in use.
     */
    static OptionalInt shrinkRatio(long committed, long used, long region, long budget) {
        if (committed <= budget || used >= budget / 2) {
            return OptionalInt.empty();
        }
        // G1 counts what is in use in whole regions (a region half full counts full): two regions of slack, or a
        // heap holding 7 MB in 4 MB regions stops shrinking at 400 MB.
        long inUse = Math.min(used + 2 * region, budget / 2);
        long target = budget * 3 / 4;
        return OptionalInt.of((int) (100 - (100 * inUse + target - 1) / target));
    }

    /** Watches G1's collections when the maximum heap is the JVM's own choice; does nothing otherwise. */
    static void watch() {
        if (Runtime.getRuntime().maxMemory() <= BUDGET) {
            return; // the launcher's -Xmx256m, say: no need to load the JVM's management classes
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        if (heapChosen(vm) || collectors.stream().noneMatch(c -> c.getName().startsWith("G1 "))) {
            return;
        }
        // A full collection must not grow the heap again to keep MinHeapFreeRatio (40%) free.
        vm.setVMOption("MinHeapFreeRatio", "0");
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        long region = Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
        AtomicBoolean shrinking = new AtomicBoolean();
        for (GarbageCollectorMXBean collector : collectors) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                OptionalInt ratio = afterCollection(notification, heapPools, region);
                if (ratio.isPresent() && shrinking.compareAndSet(false, true)) {
                    vm.setVMOption("MaxHeapFreeRatio", Integer.toString(ratio.getAsInt()));
                    // Not on the JVM's notification thread, which delivers the collection's own notification.
                    Thread shrink = new Thread(() -> {
                        try {
                            System.gc();
                        } finally {
                            shrinking.set(false);
                        }
                    }, "heap-budget");
                    shrink.setDaemon(true);
                    shrink.start();
                }
            }, null, null);
        }
    }

    /** -Xmx, -XX:MaxHeapSize or a MaxRAM option on the command line or in JAVA_TOOL_OPTIONS: theirs to decide. */
    private static boolean heapChosen(HotSpotDiagnosticMXBean vm) {
        for (String flag : List.of("MaxHeapSize", "MaxRAM", "MaxRAMPercentage", "MaxRAMFraction")) {
            VMOption.Origin origin = vm.getVMOption(flag).getOrigin();
            if (origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC) {
                return true;
            }
        }
        return false;
    }

    private static OptionalInt afterCollection(Notification notification, Set<String> heapPools, long region) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return OptionalInt.empty();
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (!info.getGcAction().equals("end of minor GC")) {
            return OptionalInt.empty(); // a full collection, ours or not, sized the heap as it was told
        }
        long committed = 0;
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                committed += pool.getValue().getCommitted();
                used += pool.getValue().getUsed();
            }
        }
        return shrinkRatio(committed, used, region, BUDGET);
    }
}

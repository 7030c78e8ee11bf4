package com.klinecast.bench.probe;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap in use right after garbage collections of this JVM: after a full (major) collection it is what the
 * program kept alive, as opposed to the resident set, which also counts garbage not yet collected and heap the
 * collector has touched; after a minor one it also counts garbage promoted to the old generation.
 */
final class HeapWatch {

    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong maxAfterMajorGc = new AtomicLong();
    private final AtomicLong majorGcs = new AtomicLong();

    private HeapWatch() {
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    long used = 0;
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(pool.getKey())) {
                            used += pool.getValue().getUsed();
                        }
                    }
                    watch.maxAfterGc.accumulateAndGet(used, Math::max);
                    if (info.getGcAction().contains("major")) {
                        watch.majorGcs.incrementAndGet();
                        watch.maxAfterMajorGc.accumulateAndGet(used, Math::max);
                    }
                }
            }, null, null);
        }
        return watch;
    }

    /** In kB; 0 if no collection ran. */
    long maxAfterGcKb() {
        return maxAfterGc.get() / 1024;
    }

    /** In kB, after full collections only (the live set); 0 if none ran. */
    long maxAfterMajorGcKb() {
        return maxAfterMajorGc.get() / 1024;
    }

    long majorGcs() {
        return majorGcs.get();
    }

    /** Heap in use now, in kB (garbage included). */
    static long usedNowKb() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / 1024;
    }
}

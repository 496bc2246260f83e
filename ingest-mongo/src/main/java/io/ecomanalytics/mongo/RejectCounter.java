package io.ecomanalytics.mongo;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.Reject;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.Rule;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts the rejects of each entity by rule on their way to the caller's sink. */
final class RejectCounter implements RejectSink {
    private final RejectSink next;
    private final Map<String, String> entityOfFile = new HashMap<>();
    private final Map<String, Map<Rule, Long>> counts = new HashMap<>();

    RejectCounter(DatasetFiles dataset, RejectSink next) {
        this.next = next;
        for (EntityType<?> type : List.of(EntityType.USERS, EntityType.PRODUCTS, EntityType.CATEGORIES,
                EntityType.TRANSACTIONS, EntityType.SESSIONS)) {
            for (Path file : dataset.files(type)) {
                entityOfFile.put(file.getFileName().toString(), type.name());
            }
        }
    }

    @Override
    public void accept(Reject reject) {
        String entity = entityOfFile.getOrDefault(reject.position().file(), reject.position().file());
        counts.computeIfAbsent(entity, key -> new EnumMap<>(Rule.class)).merge(reject.rule(), 1L, Long::sum);
        next.accept(reject);
    }

    Map<Rule, Long> rejectedByRule(EntityType<?> type) {
        return counts.getOrDefault(type.name(), Map.of());
    }
}

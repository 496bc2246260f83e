package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live path's sink writes what the bulk loader writes, and writing the same transactions twice writes once. */
@ExtendWith(EmbeddedMongoExtension.class)
class TransactionUpsertsIT {

    @Test
    void upsertingTwiceLeavesExactlyTheDocumentsTheLoaderWrites(MongoSettings settings) {
        Path dataset = TestDatasets.tiny();
        List<Transaction> transactions = new ArrayList<>();
        try (RecordStream<Transaction> records = DatasetFiles.open(dataset).transactions()) {
            records.forEachRemaining(transactions::add);
        }
        try (MongoStore loaded = MongoStore.connect(settings.withDatabase(settings.database() + "_loaded"));
                MongoStore upserted = MongoStore.connect(settings.withDatabase(settings.database() + "_upserted"))) {
            loaded.createSchema();
            loaded.loader(MongoLoadOptions.defaults()).load(dataset);
            upserted.createSchema();
            TransactionUpserts sink = TransactionUpserts.into(upserted);

            assertThat(sink.upsert(transactions)).isEqualTo(100);
            List<Document> once = sorted(upserted);
            assertThat(sink.upsert(transactions)).isEqualTo(100);

            assertThat(once).hasSize(100).isEqualTo(sorted(loaded));
            assertThat(sorted(upserted)).isEqualTo(once);
        }
    }

    private static List<Document> sorted(MongoStore store) {
        return store.collection(MongoCollectionName.TRANSACTIONS).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }
}

package io.ecomanalytics.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import io.ecomanalytics.data.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.bson.RawBsonDocument;

/**
 * The live path's MongoDB sink: upserts validated transactions into {@code transactions} by {@code _id}, as the same
 * documents the bulk loader writes ({@link Documents}). Writing a transaction again replaces it with itself, so a
 * re-run micro-batch changes nothing: the effect is exactly once.
 */
public final class TransactionUpserts {
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<RawBsonDocument> collection;

    private TransactionUpserts(MongoCollection<RawBsonDocument> collection) {
        this.collection = collection;
    }

    /** A sink writing into the store's {@code transactions} collection. */
    public static TransactionUpserts into(MongoStore store) {
        return new TransactionUpserts(store.collection(MongoCollectionName.TRANSACTIONS)
                .withDocumentClass(RawBsonDocument.class));
    }

    /** Upserts the transactions in one unordered bulk write; returns how many were written. */
    public int upsert(List<Transaction> transactions) {
        if (transactions.isEmpty()) {
            return 0;
        }
        List<RawBsonDocument> documents = new ArrayList<>(transactions.size());
        for (Transaction transaction : transactions) {
            documents.add(RawDocuments.encode(Documents.transaction(transaction)));
        }
        collection.bulkWrite(BatchWriter.upserts(documents), UNORDERED);
        return documents.size();
    }
}

package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.ValidatingDataset;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.junit.jupiter.api.Test;

class RawDocumentsTest {
    private static final Codec<Document> DRIVER_CODEC =
            MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    @Test
    void encodesEveryValueTypeAsTheDriverCodecDoes() {
        Document document = new Document("_id", "txn_1")
                .append("count", 3)
                .append("big", 12_345_678_901L)
                .append("total", 19.99)
                .append("active", true)
                .append("session_id", null)
                .append("timestamp", new Date(1_709_296_205_000L))
                .append("geo", new Document("city", "Lyon").append("country", "FR"))
                .append("tags", List.of("a", "b"))
                .append("items", List.of(new Document("product_id", "prod_1").append("quantity", 2)));

        assertSameBytes(document);
    }

    @Test
    void encodesTheTinyDatasetAsTheDriverCodecDoes() {
        ValidatingDataset dataset = ValidatingDataset.open(TestDatasets.tiny(), RejectSink.DISCARD);
        assertThat(encodeAll(dataset, EntityType.CATEGORIES, Documents::category)).isPositive();
        assertThat(encodeAll(dataset, EntityType.PRODUCTS, Documents::product)).isPositive();
        assertThat(encodeAll(dataset, EntityType.USERS, Documents::user)).isPositive();
        assertThat(encodeAll(dataset, EntityType.TRANSACTIONS, Documents::transaction)).isPositive();
    }

    @Test
    void refusesAValueTypeItDoesNotCoverNamingTheField() {
        Document document = new Document("_id", "prod_1").append("price", new BigDecimal("9.99"));

        assertThatThrownBy(() -> RawDocuments.encode(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Field 'price' holds a java.math.BigDecimal")
                .hasMessageContaining("map it in Documents");
    }

    private static <T> long encodeAll(ValidatingDataset dataset, EntityType<T> type, Function<T, Document> mapper) {
        long count = 0;
        try (RecordStream<T> records = dataset.accepted(type)) {
            while (records.hasNext()) {
                assertSameBytes(mapper.apply(records.next()));
                count++;
            }
        }
        return count;
    }

    private static void assertSameBytes(Document document) {
        RawBsonDocument expected = new RawBsonDocument(document, DRIVER_CODEC);
        RawBsonDocument actual = RawDocuments.encode(document);
        assertThat(bytes(actual)).as("BSON of %s", document.get("_id")).isEqualTo(bytes(expected));
    }

    private static byte[] bytes(RawBsonDocument document) {
        var buffer = document.getByteBuffer();
        return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset(), buffer.arrayOffset() + buffer.limit());
    }
}

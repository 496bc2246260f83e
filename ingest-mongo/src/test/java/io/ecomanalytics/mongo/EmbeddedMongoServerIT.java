package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class EmbeddedMongoServerIT {

    @Test
    void servesAStandardClientOverTheWireProtocol() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start();
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
            MongoCollection<Document> users = client.getDatabase("smoke").getCollection("users");
            users.insertOne(new Document("_id", "user_000001").append("city", "Lyon"));

            Document found = users.find(new Document("_id", "user_000001")).first();

            assertThat(found).isNotNull();
            assertThat(found.getString("city")).isEqualTo("Lyon");
        }
    }

    @Test
    void closeIsIdempotent() {
        EmbeddedMongoServer server = EmbeddedMongoServer.start();
        server.close();
        server.close();

        assertThatThrownBy(() -> {
            try (MongoClient client = MongoClients.create(server.connectionString() + "/?serverSelectionTimeoutMS=500")) {
                client.getDatabase("smoke").getCollection("users").countDocuments();
            }
        }).isInstanceOf(com.mongodb.MongoTimeoutException.class);
    }

    @Test
    void aPortInUseFailsWithAMessageNamingServerAndPort() {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start()) {
            assertThatThrownBy(() -> EmbeddedMongoServer.start(first.port()))
                    .isInstanceOf(EmbeddedServerException.class)
                    .hasMessageContaining("Cannot start the embedded MongoDB-protocol server on 127.0.0.1:" + first.port())
                    .hasMessageContaining("Choose another port");
        }
    }
}

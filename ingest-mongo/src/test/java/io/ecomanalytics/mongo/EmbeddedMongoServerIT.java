package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aPersistentServerServesWhatAnEarlierOneOnTheSameFolderStored(@TempDir Path temp) {
        Path folder = temp.resolve("kept");
        try (EmbeddedMongoServer first = EmbeddedMongoServer.startPersistent(folder);
                MongoClient client = MongoClients.create(first.connectionString())) {
            client.getDatabase("smoke").getCollection("users")
                    .insertOne(new Document("_id", "user_000001").append("city", "Lyon"));
        }
        assertThat(folder.resolve(EmbeddedMongoServer.STORE_FILE)).isRegularFile();

        try (EmbeddedMongoServer second = EmbeddedMongoServer.startPersistent(folder);
                MongoClient client = MongoClients.create(second.connectionString())) {
            Document found = client.getDatabase("smoke").getCollection("users")
                    .find(new Document("_id", "user_000001")).first();

            assertThat(found).isNotNull();
            assertThat(found.getString("city")).isEqualTo("Lyon");
        }
    }

    @Test
    void aDamagedStoreFileFailsWithAMessageSayingToDeleteTheFolder(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("damaged"));
        Files.writeString(folder.resolve(EmbeddedMongoServer.STORE_FILE), "not an H2 file ".repeat(400));

        assertThatThrownBy(() -> EmbeddedMongoServer.startPersistent(folder))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessageContaining("Cannot open the embedded MongoDB store file " + folder)
                .hasMessageContaining("delete " + folder + " to start afresh");
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

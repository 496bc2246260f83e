package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MongoUrisTest {

    @Test
    void masksThePasswordOfAStandardUri() {
        assertThat(MongoUris.mask("mongodb://alice:s3cret@db1.example.com:27017,db2.example.com/shop?replicaSet=rs0"))
                .isEqualTo("mongodb://alice:****@db1.example.com:27017,db2.example.com/shop?replicaSet=rs0");
    }

    @Test
    void masksThePasswordOfAnSrvUri() {
        assertThat(MongoUris.mask("mongodb+srv://bob:p%40ss@cluster0.abcde.mongodb.net/?retryWrites=true"))
                .isEqualTo("mongodb+srv://bob:****@cluster0.abcde.mongodb.net/?retryWrites=true");
    }

    @Test
    void masksAPasswordHoldingUnescapedAtSlashAndQuestionMark() {
        assertThat(MongoUris.mask("mongodb://carol:a@b/c?d@localhost:27017/db"))
                .isEqualTo("mongodb://carol:****@localhost:27017/db");
    }

    @Test
    void masksEveryUriInsideAnErrorMessage() {
        String message = "Cannot reach mongodb://u:one@h1:1 nor MONGODB://v:two@h2:2, giving up";

        assertThat(MongoUris.mask(message))
                .isEqualTo("Cannot reach mongodb://u:****@h1:1 nor MONGODB://v:****@h2:2, giving up")
                .doesNotContain("one@").doesNotContain("two@");
    }

    @Test
    void leavesAUriWithoutPasswordUnchanged() {
        assertThat(MongoUris.mask("mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=500"))
                .isEqualTo("mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=500");
        assertThat(MongoUris.mask("mongodb://x509user@host/?authMechanism=MONGODB-X509"))
                .isEqualTo("mongodb://x509user@host/?authMechanism=MONGODB-X509");
        assertThat(MongoUris.mask("no uri at all")).isEqualTo("no uri at all");
        assertThat(MongoUris.mask(null)).isNull();
    }
}

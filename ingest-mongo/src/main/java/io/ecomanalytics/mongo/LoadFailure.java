package io.ecomanalytics.mongo;

/**
 * A document the server refused (duplicate key, validator, ...), while the rest of its batch was written.
 *
 * @param collection the collection it was written to
 * @param id         the document's {@code _id} (its natural id)
 * @param reason     the server's error code and message
 */
public record LoadFailure(MongoCollectionName collection, String id, String reason) {
}

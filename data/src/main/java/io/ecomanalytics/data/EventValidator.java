package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Validates one record that arrives on its own, a live event, with exactly the batch path's codec and rules
 * ({@link RuleTable}): the same types, required fields, vocabularies, bounds, checks across fields and references.
 *
 * <p>Two things differ from {@link ValidatingDataset}, because an event is not a file: the referenced ids (users,
 * products, categories) are given, usually what the stores hold; and a repeated id is not a {@code duplicate-id}
 * reject, since a live source re-sends an event it is not sure was delivered, and the sinks upsert by id.
 *
 * <p>Serializable, so that Spark can ship it (with its id sets) to the tasks that validate a micro-batch.
 */
public final class EventValidator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashSet<String> users;
    private final HashSet<String> products;
    private final HashSet<String> categories;

    private EventValidator(Set<String> users, Set<String> products, Set<String> categories) {
        this.users = new HashSet<>(users);
        this.products = new HashSet<>(products);
        this.categories = new HashSet<>(categories);
    }

    /** A validator whose references resolve against these ids. */
    public static EventValidator withReferences(Set<String> userIds, Set<String> productIds, Set<String> categoryIds) {
        return new EventValidator(userIds, productIds, categoryIds);
    }

    /** The record the JSON text holds if it keeps every rule, else the first rule it breaks. */
    public <T> EventVerdict<T> validate(EntityType<T> type, String json) {
        if (json == null) {
            return EventVerdict.rejected(Rule.REQUIRED, "(record)", "the event has no value");
        }
        try (JsonParser parser = JsonFactories.FACTORY.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                return EventVerdict.rejected(Rule.TYPE, "(record)",
                        "expected an object but found " + JsonFields.describe(token));
            }
            T record = type.codec().read(parser);
            if (parser.nextToken() != null) {
                return EventVerdict.rejected(Rule.TYPE, "(record)", "text follows the record's closing brace");
            }
            check(record);
            return EventVerdict.accepted(record);
        } catch (RecordViolation violation) {
            return EventVerdict.rejected(violation.rule(), violation.field(), violation.getMessage());
        } catch (JsonProcessingException e) {
            return EventVerdict.rejected(Rule.TYPE, "(record)", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an event held in memory", e);
        }
    }

    private void check(Object record) throws RecordViolation {
        RecordRules.check(record, new RecordRules.References(users, products, categories));
    }
}

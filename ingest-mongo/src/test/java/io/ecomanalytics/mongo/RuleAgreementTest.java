package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecomanalytics.data.EntityRules;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.FieldRule;
import io.ecomanalytics.data.Presence;
import io.ecomanalytics.data.Reject;
import io.ecomanalytics.data.Rule;
import io.ecomanalytics.data.RuleTable;
import io.ecomanalytics.data.ValidatingDataset;
import io.ecomanalytics.data.ValueType;
import io.ecomanalytics.testing.SampleJson;
import io.ecomanalytics.testing.SharedSpark;
import io.ecomanalytics.transforms.Cleaned;
import io.ecomanalytics.transforms.Cleaning;
import io.ecomanalytics.transforms.Schemas;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three validations derived from the data module's {@code RuleTable} agree: every bad record made from the table
 * (a required field removed, a value of the wrong JSON type, a value outside the vocabulary or the bounds) and every
 * hand-made break of a check across fields gets the same verdict and rule from the Java validation
 * ({@link ValidatingDataset}), the Spark cleaning ({@link Cleaning}) and MongoDB's {@code $jsonSchema}
 * ({@link MongoSchema}).
 *
 * <p>The embedded MongoDB-protocol server stores validators without enforcing them, so the validators are evaluated
 * here by {@link JsonSchemaEvaluation}, after MongoDB's documented {@code $jsonSchema} semantics (bsonType, required,
 * enum, minimum, maximum, exclusiveMaximum, minItems, items, properties, additionalProperties). A validator cannot
 * compare two fields, so the checks across fields are expected to pass it (a real MongoDB accepts such a document;
 * the loaders' validation refuses it first). Spark reads a JSON number in a text field as its text, so no such case
 * is made here; the Java validation's own corpus covers it.
 */
@ExtendWith(SharedSpark.class)
class RuleAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The valid records, with a session on iOS, so that a value spelled with capitals is checked as such. */
    static final Map<EntityType<?>, String> VALID = Map.of(
            EntityType.CATEGORIES, SampleJson.CATEGORY,
            EntityType.PRODUCTS, SampleJson.PRODUCT,
            EntityType.USERS, SampleJson.USER,
            EntityType.TRANSACTIONS, SampleJson.TRANSACTION,
            EntityType.SESSIONS, SampleJson.replaced(SampleJson.SESSION, "\"Android\"", "\"iOS\""));

    private static final Map<EntityType<?>, MongoCollectionName> COLLECTIONS = Map.of(
            EntityType.CATEGORIES, MongoCollectionName.CATEGORIES, EntityType.PRODUCTS, MongoCollectionName.PRODUCTS,
            EntityType.USERS, MongoCollectionName.USERS, EntityType.TRANSACTIONS, MongoCollectionName.TRANSACTIONS);

    @TempDir
    Path folder;

    /** One bad record and the rule every validation should name (empty: every validation accepts it). */
    record Case(String name, EntityType<?> entity, String record, Optional<Rule> expected) {
    }

    /** What each validation decided about one case. */
    record Verdicts(Optional<Rule> java, Optional<Rule> spark, Optional<Rule> mongo) {
    }

    @Test
    void theValidRecordsPassAllThree(SparkSession spark) throws IOException {
        for (EntityRules rules : RuleTable.all()) {
            Case valid = new Case("valid", rules.entity(), VALID.get(rules.entity()), Optional.empty());
            assertThat(verdicts(spark, valid)).as(rules.entity().name())
                    .isEqualTo(new Verdicts(Optional.empty(), Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void everyRuleOfTheTableGetsTheSameVerdictFromJavaSparkAndMongo(SparkSession spark) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (EntityRules rules : RuleTable.all()) {
            cases.addAll(fieldCases(rules));
        }
        assertThat(cases).hasSizeGreaterThan(100);
        List<String> disagreements = new ArrayList<>();
        for (Case bad : cases) {
            Verdicts verdicts = verdicts(spark, bad);
            boolean mongoApplies = COLLECTIONS.containsKey(bad.entity());
            if (!verdicts.java().equals(bad.expected()) || !verdicts.spark().equals(bad.expected())
                    || (mongoApplies && !verdicts.mongo().equals(bad.expected()))) {
                disagreements.add(bad.entity().name() + " / " + bad.name() + ": expected " + bad.expected()
                        + ", got " + verdicts);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theChecksAcrossFieldsAgreeBetweenJavaAndSparkAndPassTheValidator(SparkSession spark) throws IOException {
        String transaction = VALID.get(EntityType.TRANSACTIONS);
        String user = VALID.get(EntityType.USERS);
        String session = VALID.get(EntityType.SESSIONS);
        List<Case> cases = List.of(
                new Case("item subtotal off by a cent", EntityType.TRANSACTIONS, replaced(transaction,
                        "\"subtotal\":20.00}", "\"subtotal\":20.01}"), Optional.of(Rule.ARITHMETIC)),
                new Case("subtotal not the sum of the items", EntityType.TRANSACTIONS, replaced(transaction,
                        "\"subtotal\":20.00,\"discount\":2.00,\"total\":18.00",
                        "\"subtotal\":21.00,\"discount\":2.00,\"total\":19.00"), Optional.of(Rule.ARITHMETIC)),
                new Case("discount above the subtotal", EntityType.TRANSACTIONS, replaced(transaction,
                        "\"discount\":2.00,\"total\":18.00", "\"discount\":30.00,\"total\":0.00"),
                        Optional.of(Rule.RANGE)),
                new Case("total off by a cent", EntityType.TRANSACTIONS, replaced(transaction,
                        "\"total\":18.00", "\"total\":17.99"), Optional.of(Rule.ARITHMETIC)),
                new Case("rounding noise within half a cent", EntityType.TRANSACTIONS, replaced(transaction,
                        "\"total\":18.00", "\"total\":18.000000000000004"), Optional.empty()),
                new Case("last active before registering", EntityType.USERS, replaced(user,
                        "2024-02-01T00:00:00", "2023-12-01T00:00:00"), Optional.of(Rule.CHRONOLOGY)),
                new Case("session ends before it starts", EntityType.SESSIONS, replaced(session,
                        "\"end_time\":\"2024-02-01T10:00:00\"", "\"end_time\":\"2024-02-01T09:00:00\""),
                        Optional.of(Rule.CHRONOLOGY)));
        for (Case bad : cases) {
            Verdicts verdicts = verdicts(spark, bad);
            assertThat(verdicts.java()).as(bad.name() + " (Java)").isEqualTo(bad.expected());
            assertThat(verdicts.spark()).as(bad.name() + " (Spark)").isEqualTo(bad.expected());
            assertThat(verdicts.mongo()).as(bad.name() + " ($jsonSchema)").isEmpty();
        }
    }

    @Test
    void theSecondRecordWithAnIdIsADuplicateForJavaAndSpark(SparkSession spark) throws IOException {
        for (EntityRules rules : RuleTable.all()) {
            String record = VALID.get(rules.entity());
            List<Reject> rejects = javaRejects(rules.entity(), List.of(record, record));
            assertThat(rejects).as(rules.entity().name()).singleElement().satisfies(reject -> {
                assertThat(reject.rule()).isEqualTo(Rule.DUPLICATE_ID);
                assertThat(reject.position().recordIndex()).isEqualTo(1);
            });
            Dataset<Row> rejected = sparkCleaned(spark, rules.entity(), List.of(record, record)).rejected();
            assertThat(rejected.collectAsList()).as(rules.entity().name()).singleElement()
                    .satisfies(row -> assertThat(row.<String>getAs(Cleaned.REJECT_RULE))
                            .isEqualTo(Rule.DUPLICATE_ID.wireName()));
        }
    }

    /** The cases the table itself implies for each of its fields. */
    private static List<Case> fieldCases(EntityRules rules) throws IOException {
        String valid = VALID.get(rules.entity());
        List<Case> cases = new ArrayList<>();
        for (FieldRule field : rules.fields()) {
            if (field.presence() == Presence.REQUIRED && !field.isElement()) {
                cases.add(new Case(field.path() + " missing", rules.entity(),
                        mutate(valid, field.path(), null), Optional.of(Rule.REQUIRED)));
            }
            Optional<JsonNode> wrong = wrongType(field.type());
            if (wrong.isPresent()) {
                cases.add(new Case(field.path() + " of the wrong type", rules.entity(),
                        mutate(valid, field.path(), wrong.get()), Optional.of(Rule.TYPE)));
            }
            if (!field.vocabulary().isEmpty()) {
                String value = field.vocabulary().get(0);
                cases.add(new Case(field.path() + " outside the vocabulary", rules.entity(),
                        mutate(valid, field.path(), JSON.getNodeFactory().textNode("not_" + value)),
                        Optional.of(Rule.ENUMERATION)));
                cases.add(new Case(field.path() + " in another case", rules.entity(),
                        mutate(valid, field.path(), JSON.getNodeFactory().textNode(value.toUpperCase())),
                        Optional.of(Rule.ENUMERATION)));
            }
            if (field.bounds() != null) {
                JsonNode below = field.type() == ValueType.ARRAY ? JSON.createArrayNode()
                        : JSON.getNodeFactory().numberNode(field.bounds().minimum().subtract(BigDecimal.ONE));
                cases.add(new Case(field.path() + " below its bounds", rules.entity(),
                        mutate(valid, field.path(), below), Optional.of(Rule.RANGE)));
                if (field.bounds().maximum() != null) {
                    BigDecimal above = field.bounds().maximumExclusive() ? field.bounds().maximum()
                            : field.bounds().maximum().add(BigDecimal.ONE);
                    cases.add(new Case(field.path() + " above its bounds", rules.entity(),
                            mutate(valid, field.path(), JSON.getNodeFactory().numberNode(above)),
                            Optional.of(Rule.RANGE)));
                }
            }
        }
        return cases;
    }

    private static Optional<JsonNode> wrongType(ValueType type) {
        return switch (type) {
            case INTEGER -> Optional.of(JSON.getNodeFactory().numberNode(new BigDecimal("2.5")));
            case AMOUNT, NUMBER -> Optional.of(JSON.getNodeFactory().textNode("12.50"));
            case BOOLEAN -> Optional.of(JSON.getNodeFactory().textNode("yes"));
            case DATETIME -> Optional.of(JSON.getNodeFactory().textNode("yesterday"));
            case OBJECT, MAP -> Optional.of(JSON.createArrayNode().add(1));
            case ARRAY -> Optional.of(JSON.getNodeFactory().textNode("[]"));
            case TEXT -> Optional.empty();
        };
    }

    /**
     * {@code record} with the value at {@code path} replaced by {@code value}, or removed when {@code value} is
     * null. {@code x[]} steps into the first element of array {@code x}, {@code x{}} into the first value of map x.
     */
    static String mutate(String record, String path, JsonNode value) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(record);
        JsonNode parent = root;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            parent = step(parent, segments[i]);
        }
        String last = segments[segments.length - 1];
        if (last.endsWith("[]")) {
            ArrayNode array = (ArrayNode) parent.get(last.substring(0, last.length() - 2));
            array.set(0, value == null ? JSON.nullNode() : value);
        } else if (last.endsWith("{}")) {
            ObjectNode map = (ObjectNode) parent.get(last.substring(0, last.length() - 2));
            map.set(map.fieldNames().next(), value == null ? JSON.nullNode() : value);
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return JSON.writeValueAsString(root);
    }

    private static JsonNode step(JsonNode node, String segment) {
        if (segment.endsWith("[]")) {
            return node.get(segment.substring(0, segment.length() - 2)).get(0);
        }
        if (segment.endsWith("{}")) {
            return node.get(segment.substring(0, segment.length() - 2)).elements().next();
        }
        return node.get(segment);
    }

    private static String replaced(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    private Verdicts verdicts(SparkSession spark, Case bad) throws IOException {
        Optional<Rule> java = javaRejects(bad.entity(), List.of(bad.record())).stream().map(Reject::rule)
                .findFirst();
        Optional<Rule> sparkRule = sparkCleaned(spark, bad.entity(), List.of(bad.record())).rejected()
                .collectAsList().stream().map(row -> ruleNamed(row.getAs(Cleaned.REJECT_RULE))).findFirst();
        Optional<Rule> mongo = Optional.empty();
        MongoCollectionName collection = COLLECTIONS.get(bad.entity());
        if (collection != null) {
            Document validator = MongoSchema.validators().get(collection);
            mongo = JsonSchemaEvaluation.violation(validator, bsonDocument(bad.entity(), bad.record()));
        }
        return new Verdicts(java, sparkRule, mongo);
    }

    /** The rejects of {@code entity}'s records when they replace its valid record in an otherwise valid dataset. */
    private List<Reject> javaRejects(EntityType<?> entity, List<String> records) throws IOException {
        Path dataset = Files.createTempDirectory(folder, "dataset");
        for (EntityRules rules : RuleTable.all()) {
            List<String> content = rules.entity() == entity ? records : List.of(VALID.get(rules.entity()));
            String file = rules.entity() == EntityType.SESSIONS ? "sessions_0.json" : rules.entity().name() + ".json";
            Files.writeString(dataset.resolve(file), "[" + String.join(",\n", content) + "]");
        }
        List<Reject> rejects = new ArrayList<>();
        ValidatingDataset.open(dataset, rejects::add).validateAll();
        String file = entity == EntityType.SESSIONS ? "sessions_0.json" : entity.name() + ".json";
        return rejects.stream().filter(reject -> reject.position().file().equals(file)).toList();
    }

    private static Cleaned sparkCleaned(SparkSession spark, EntityType<?> entity, List<String> records) {
        Map<EntityType<?>, StructType> schemas = Map.of(EntityType.USERS, Schemas.usersFromJson(),
                EntityType.PRODUCTS, Schemas.productsFromJson(), EntityType.CATEGORIES, Schemas.categoriesFromJson(),
                EntityType.TRANSACTIONS, Schemas.transactionsFromJson(),
                EntityType.SESSIONS, Schemas.sessionsFromJson());
        Map<EntityType<?>, Function<Dataset<Row>, Cleaned>> cleanings = Map.of(EntityType.USERS, Cleaning::users,
                EntityType.PRODUCTS, Cleaning::products, EntityType.CATEGORIES, Cleaning::categories,
                EntityType.TRANSACTIONS, Cleaning::transactions, EntityType.SESSIONS, Cleaning::sessions);
        Dataset<Row> raw = spark.read().schema(Schemas.withCorruptRecord(schemas.get(entity)))
                .json(spark.createDataset(records, Encoders.STRING()));
        return cleanings.get(entity).apply(raw);
    }

    private static Rule ruleNamed(String wireName) {
        for (Rule rule : Rule.values()) {
            if (rule.wireName().equals(wireName)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("No rule named " + wireName);
    }

    /**
     * The document a loader would store for {@code record}: {@code _id} from the id field, datetimes as BSON dates
     * where they can be read (an unreadable one stays a string, as no loader would write it).
     */
    private static Document bsonDocument(EntityType<?> entity, String record) {
        Document document = Document.parse(record);
        EntityRules rules = RuleTable.of(entity);
        Object id = document.get(rules.idField());
        Document withId = new Document("_id", id);
        withId.putAll(document);
        for (FieldRule field : rules.fields()) {
            if (field.type() == ValueType.DATETIME) {
                convertDates(withId, field.path().split("\\."), 0);
            }
        }
        return withId;
    }

    private static void convertDates(Object node, String[] segments, int index) {
        if (!(node instanceof Document document)) {
            return;
        }
        String segment = segments[index];
        boolean element = segment.endsWith("[]");
        String name = element ? segment.substring(0, segment.length() - 2) : segment;
        Object value = document.get(name);
        if (element && value instanceof List<?> list) {
            for (Object item : list) {
                convertDates(item, segments, index + 1);
            }
        } else if (index == segments.length - 1 && value instanceof String text) {
            try {
                document.put(name, Date.from(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)));
            } catch (DateTimeParseException unreadable) {
                // Left as text: the validator's bsonType refuses it, as a loader would never write it.
            }
        } else if (index < segments.length - 1) {
            convertDates(value, segments, index + 1);
        }
    }

    /** MongoDB's {@code $jsonSchema} keywords the derived validators use, evaluated as MongoDB documents them. */
    static final class JsonSchemaEvaluation {
        private JsonSchemaEvaluation() {
        }

        /** The rule the first failing keyword stands for, or empty when {@code value} satisfies {@code schema}. */
        static Optional<Rule> violation(Document schema, Object value) {
            Object bsonType = schema.get("bsonType");
            if (bsonType != null) {
                Collection<?> allowed = bsonType instanceof List<?> list ? list : List.of(bsonType);
                if (!allowed.contains(bsonTypeOf(value))) {
                    return Optional.of(value == null ? Rule.REQUIRED : Rule.TYPE);
                }
            }
            if (value == null) {
                return Optional.empty();
            }
            List<?> values = schema.getList("enum", Object.class);
            if (values != null && !values.contains(value)) {
                return Optional.of(Rule.ENUMERATION);
            }
            if (value instanceof Number number && outside(schema, new BigDecimal(number.toString()))) {
                return Optional.of(Rule.RANGE);
            }
            if (value instanceof List<?> list) {
                if (schema.containsKey("minItems") && list.size() < schema.get("minItems", Number.class).longValue()) {
                    return Optional.of(Rule.RANGE);
                }
                Document items = schema.get("items", Document.class);
                for (Object item : list) {
                    Optional<Rule> broken = items == null ? Optional.empty() : violation(items, item);
                    if (broken.isPresent()) {
                        return broken;
                    }
                }
            }
            if (value instanceof Document document) {
                return objectViolation(schema, document);
            }
            return Optional.empty();
        }

        private static Optional<Rule> objectViolation(Document schema, Document document) {
            List<String> required = schema.getList("required", String.class);
            if (required != null) {
                for (String name : required) {
                    if (!document.containsKey(name)) {
                        return Optional.of(Rule.REQUIRED);
                    }
                }
            }
            Document properties = schema.get("properties", Document.class);
            Document additional = schema.get("additionalProperties", Document.class);
            for (Iterator<Map.Entry<String, Object>> entries = document.entrySet().iterator(); entries.hasNext();) {
                Map.Entry<String, Object> entry = entries.next();
                Document fieldSchema = properties != null && properties.containsKey(entry.getKey())
                        ? properties.get(entry.getKey(), Document.class) : additional;
                if (fieldSchema != null) {
                    Optional<Rule> broken = violation(fieldSchema, entry.getValue());
                    if (broken.isPresent()) {
                        return broken;
                    }
                }
            }
            return Optional.empty();
        }

        private static boolean outside(Document schema, BigDecimal number) {
            if (schema.containsKey("minimum")
                    && number.compareTo(new BigDecimal(schema.get("minimum").toString())) < 0) {
                return true;
            }
            if (!schema.containsKey("maximum")) {
                return false;
            }
            int comparison = number.compareTo(new BigDecimal(schema.get("maximum").toString()));
            return Boolean.TRUE.equals(schema.get("exclusiveMaximum")) ? comparison >= 0 : comparison > 0;
        }

        private static String bsonTypeOf(Object value) {
            if (value == null) {
                return "null";
            }
            Map<Class<?>, String> names = new LinkedHashMap<>();
            names.put(String.class, "string");
            names.put(Integer.class, "int");
            names.put(Long.class, "long");
            names.put(Double.class, "double");
            names.put(org.bson.types.Decimal128.class, "decimal");
            names.put(Boolean.class, "bool");
            names.put(Date.class, "date");
            names.put(Document.class, "object");
            for (Map.Entry<Class<?>, String> entry : names.entrySet()) {
                if (entry.getKey().isInstance(value)) {
                    return entry.getValue();
                }
            }
            return value instanceof List<?> ? "array" : value.getClass().getSimpleName();
        }
    }
}

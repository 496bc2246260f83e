package io.ecomanalytics.data;

import java.util.List;

/**
 * The {@link RuleTable}'s rules of one entity.
 *
 * @param entity the entity
 * @param idField the field whose value must not repeat within the entity (rule {@link Rule#DUPLICATE_ID})
 * @param fields every field, parents before their children, in the order they are written
 * @param checks the checks across fields of one record
 * @param references the fields that point at other entities
 */
public record EntityRules(EntityType<?> entity, String idField, List<FieldRule> fields, List<RecordCheck> checks,
                          List<Reference> references) {

    public EntityRules {
        fields = List.copyOf(fields);
        checks = List.copyOf(checks);
        references = List.copyOf(references);
    }

    /** The rule of the field at {@code path}. */
    public FieldRule field(String path) {
        for (FieldRule field : fields) {
            if (field.path().equals(path)) {
                return field;
            }
        }
        throw new IllegalArgumentException("The " + entity.name() + " entity has no field '" + path + "'");
    }

    /** The fields directly inside the one at {@code parentPath} (the empty string for the top level). */
    public List<FieldRule> children(String parentPath) {
        return fields.stream().filter(field -> field.parentPath().equals(parentPath)).toList();
    }
}

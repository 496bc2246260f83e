package io.ecomanalytics.data;

/**
 * A field whose value must be the id of an accepted record of another entity (rule {@link Rule#REFERENCE}).
 *
 * @param path the field, as in {@link FieldRule#path()}; for a map ({@code cart_contents}) its keys
 * @param target the entity whose ids it may hold
 */
public record Reference(String path, EntityType<?> target) {
}

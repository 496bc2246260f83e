package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The product names and categories the models and the reasons need. */
public final class ProductCatalogue {
    /** product_id, product_name, category_id, category_name (names may be null). */
    public static final StructType SCHEMA = new StructType()
            .add("product_id", DataTypes.StringType)
            .add("product_name", DataTypes.StringType)
            .add("category_id", DataTypes.StringType)
            .add("category_name", DataTypes.StringType);

    private ProductCatalogue() {
    }

    /**
     * @param products   cleaned products (product_id, name, category_id)
     * @param categories cleaned categories (category_id, name)
     */
    public static Dataset<Row> from(Dataset<Row> products, Dataset<Row> categories) {
        Dataset<Row> categoryNames = categories.select(col("category_id"), col("name").as("category_name"));
        return products.select(col("product_id"), col("name").as("product_name"), col("category_id"))
                .join(categoryNames, new String[] {"category_id"}, "left_outer")
                .select(col("product_id"), col("product_name"), col("category_id"), col("category_name"));
    }
}

package io.ecomanalytics.transforms;

import static io.ecomanalytics.transforms.Revenue.share;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Product performance from both stores: sessions' page views and carts (HBase) with purchases (MongoDB).
 *
 * <p>Definitions: views = page views of type {@code product_detail} of the product; add_to_cart = sessions whose
 * cart contains the product; purchases = transactions with the product (order lines); units_sold = quantity sold;
 * revenue = sum of item subtotals; view_to_purchase_rate = purchases / views (null without views).
 */
public final class ProductPerformance {

    private ProductPerformance() {
    }

    /**
     * Performance per product; products with no view, cart or sale are absent.
     *
     * <p>Output schema, ordered by revenue descending then product_id: product_id string, product_name string,
     * category_id string, category_name string (the three null for products missing from the catalogue), views long,
     * add_to_cart long, purchases long, units_sold long, revenue decimal(28,2), view_to_purchase_rate double.
     *
     * @param sessions         cleaned sessions
     * @param transactionItems {@link TransactionItems#from}
     * @param products         cleaned products
     * @param categories       cleaned categories
     */
    public static Dataset<Row> perProduct(Dataset<Row> sessions, Dataset<Row> transactionItems,
            Dataset<Row> products, Dataset<Row> categories) {
        Dataset<Row> views = PageViews.from(sessions)
                .filter(col("page_type").equalTo("product_detail").and(col("product_id").isNotNull()))
                .groupBy("product_id").agg(count(lit(1)).as("views"));
        Dataset<Row> carts = sessions
                .select(col("session_id"), explode(map_keys(col("cart_contents"))).as("product_id"))
                .filter(col("product_id").isNotNull())
                .groupBy("product_id").agg(count_distinct(col("session_id")).as("add_to_cart"));
        Dataset<Row> sales = transactionItems.groupBy("product_id").agg(
                count_distinct(col("transaction_id")).as("purchases"),
                sum("quantity").cast(DataTypes.LongType).as("units_sold"),
                sum("subtotal").as("revenue"));
        Dataset<Row> catalogue = products.select(col("product_id"), col("name").as("product_name"), col("category_id"))
                .join(broadcast(categories.select(col("category_id"), col("name").as("category_name"))),
                        new String[] {"category_id"}, "left_outer");
        return views
                .join(carts, new String[] {"product_id"}, "full_outer")
                .join(sales, new String[] {"product_id"}, "full_outer")
                .join(broadcast(catalogue), new String[] {"product_id"}, "left_outer")
                .select(col("product_id"), col("product_name"), col("category_id"), col("category_name"),
                        coalesce(col("views"), lit(0L)).as("views"),
                        coalesce(col("add_to_cart"), lit(0L)).as("add_to_cart"),
                        coalesce(col("purchases"), lit(0L)).as("purchases"),
                        coalesce(col("units_sold"), lit(0L)).as("units_sold"),
                        coalesce(col("revenue"), lit(BigDecimal.ZERO).cast(DataTypes.createDecimalType(28, 2)))
                                .as("revenue"))
                .withColumn("view_to_purchase_rate", share(col("purchases"), col("views")))
                .orderBy(col("revenue").desc(), col("product_id"));
    }

    /**
     * The per-product figures summed per category.
     *
     * <p>Output schema, ordered by revenue descending then category_id: category_id string (null for products
     * missing from the catalogue), category_name string, views long, add_to_cart long, purchases long (order lines),
     * units_sold long, revenue decimal(28,2), view_to_purchase_rate double.
     *
     * @param perProduct {@link #perProduct}
     */
    public static Dataset<Row> perCategory(Dataset<Row> perProduct) {
        return perProduct.groupBy(col("category_id"), col("category_name")).agg(
                        sum("views").as("views"),
                        sum("add_to_cart").as("add_to_cart"),
                        sum("purchases").as("purchases"),
                        sum("units_sold").as("units_sold"),
                        sum("revenue").cast(DataTypes.createDecimalType(28, 2)).as("revenue"))
                .withColumn("view_to_purchase_rate", share(col("purchases"), col("views")))
                .orderBy(col("revenue").desc(), col("category_id").asc_nulls_last());
    }
}

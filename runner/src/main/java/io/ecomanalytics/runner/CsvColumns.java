package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** CSV holds only flat values: nested columns (structs, arrays, maps) are written as JSON text. */
final class CsvColumns {
    private CsvColumns() {
    }

    static Dataset<Row> flatten(Dataset<Row> table) {
        Column[] columns = Arrays.stream(table.schema().fields()).map(CsvColumns::flat).toArray(Column[]::new);
        return table.select(columns);
    }

    private static Column flat(StructField field) {
        boolean nested = field.dataType() instanceof StructType || field.dataType() instanceof ArrayType
                || field.dataType() instanceof MapType;
        return nested ? to_json(col(field.name())).as(field.name()) : col(field.name());
    }
}

package io.ecomanalytics.runner;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceNotFoundException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.TableInputFormat;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bson.Document;

/** One record through each store and back, by its own client and by Spark: the proof that the three fit together. */
final class StoreRoundTrip {
    static final String DATABASE = "ecommerce";
    static final String COLLECTION = "round_trip";
    static final TableName TABLE = TableName.valueOf("ecommerce", "round_trip");
    static final String USER_ID = "user_000001";
    static final String CITY = "Lyon";
    private static final byte[] FAMILY = Bytes.toBytes("geo");
    private static final byte[] CITY_QUALIFIER = Bytes.toBytes("city");
    private static final StructType USER_CITY = new StructType()
            .add("user_id", DataTypes.StringType, false)
            .add("city", DataTypes.StringType, true);

    private StoreRoundTrip() {
    }

    /** What each side wrote and read back, as {@code user_id=city} strings. */
    record Outcome(String mongoWritten, String mongoReadByDriver, String mongoReadBySpark,
            String hbaseWritten, String hbaseReadByClient, String hbaseReadBySpark) {
    }

    static Outcome run(SparkSession spark, String mongoUri, Configuration hbase) {
        String written = USER_ID + "=" + CITY;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase(DATABASE).getCollection(COLLECTION);
            collection.replaceOne(Filters.eq("_id", USER_ID),
                    new Document("_id", USER_ID).append("user_id", USER_ID).append("city", CITY),
                    new ReplaceOptions().upsert(true));
            Document found = collection.find(Filters.eq("_id", USER_ID)).first();
            String byDriver = found == null ? "nothing" : found.getString("user_id") + "=" + found.getString("city");
            String mongoBySpark = firstRow(spark.read().format("mongodb")
                    .option("connection.uri", mongoUri)
                    .option("database", DATABASE)
                    .option("collection", COLLECTION)
                    .option("partitioner",
                            "com.mongodb.spark.sql.connector.read.partitioner.PaginateIntoPartitionsPartitioner")
                    .schema(USER_CITY)
                    .load());
            String[] hbaseSide = hbaseRoundTrip(spark, hbase);
            return new Outcome(written, byDriver, mongoBySpark, written, hbaseSide[0], hbaseSide[1]);
        }
    }

    private static String[] hbaseRoundTrip(SparkSession spark, Configuration hbase) {
        try (Connection connection = ConnectionFactory.createConnection(hbase); Admin admin = connection.getAdmin()) {
            try {
                admin.getNamespaceDescriptor(TABLE.getNamespaceAsString());
            } catch (NamespaceNotFoundException absent) {
                admin.createNamespace(NamespaceDescriptor.create(TABLE.getNamespaceAsString()).build());
            }
            if (!admin.tableExists(TABLE)) {
                admin.createTable(TableDescriptorBuilder.newBuilder(TABLE)
                        .setColumnFamily(ColumnFamilyDescriptorBuilder.of(FAMILY)).build());
            }
            try (Table table = connection.getTable(TABLE)) {
                table.put(new Put(Bytes.toBytes(USER_ID)).addColumn(FAMILY, CITY_QUALIFIER, Bytes.toBytes(CITY)));
                Result row = table.get(new Get(Bytes.toBytes(USER_ID)));
                String byClient = Bytes.toString(row.getRow()) + "=" + Bytes.toString(row.getValue(FAMILY, CITY_QUALIFIER));
                return new String[] {byClient, readHBaseWithSpark(spark, hbase)};
            }
        } catch (IOException e) {
            throw new UncheckedIOException("HBase round trip through " + TABLE + " failed: " + e.getMessage(), e);
        }
    }

    private static String readHBaseWithSpark(SparkSession spark, Configuration hbase) {
        Configuration scan = new Configuration(hbase);
        scan.set(TableInputFormat.INPUT_TABLE, TABLE.getNameAsString());
        JavaRDD<org.apache.spark.sql.Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .newAPIHadoopRDD(scan, TableInputFormat.class, ImmutableBytesWritable.class, Result.class)
                .map(pair -> RowFactory.create(Bytes.toString(pair._2().getRow()),
                        Bytes.toString(pair._2().getValue(FAMILY, CITY_QUALIFIER))));
        return firstRow(spark.createDataFrame(rows, USER_CITY));
    }

    private static String firstRow(Dataset<org.apache.spark.sql.Row> frame) {
        List<org.apache.spark.sql.Row> rows = frame.filter(frame.col("user_id").equalTo(USER_ID)).limit(1)
                .collectAsList();
        return rows.isEmpty() ? "nothing" : rows.get(0).getString(0) + "=" + rows.get(0).getString(1);
    }
}

package io.ecomanalytics.clv;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/** The chosen segmentation model as Spark MLlib fitted it: assigns a standardised customer to a cluster. */
interface FittedModel extends Serializable {

    /** The cluster (0..k-1) of a standardised feature vector. */
    int cluster(Vector features);

    /** Log-likelihood of the points under a mixture; NaN for the other models. */
    double logLikelihood(List<double[]> points);

    /** The cluster of each row's feature vector, computed on the executors. */
    default Column clusterColumn(Column features) {
        UDF1<Vector, Integer> assign = this::cluster;
        return functions.udf(assign, DataTypes.IntegerType).apply(features);
    }
}

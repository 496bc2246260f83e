package io.ecomanalytics.hbase;

/**
 * How many sessions one region holds.
 *
 * @param regionName the region's encoded name
 * @param startKey   the region's first row key (empty for the first region), as text
 * @param endKey     the row key that starts the next region (empty for the last region), as text
 * @param sessions   rows in the region
 */
public record RegionCount(String regionName, String startKey, String endKey, long sessions) {
}

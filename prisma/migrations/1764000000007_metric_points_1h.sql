-- The last stored point of every series per hour, beside the 5-minute ones (see
-- 1764000000006_metric_points_5m.sql and lib/query/metric-sample-tables.ts). A week at a 1-hour
-- step read from the 5-minute samples was still 2,016 rows a series, sorted to keep 168; here it
-- is the 168. Kept by ingest in the same transaction, like the 5-minute samples.

-- Up Migration
CREATE TABLE metric_points_1h (
    bucket timestamptz NOT NULL,              -- date_bin('1 hour', time, epoch)
    series_id bigint NOT NULL,
    time timestamptz NOT NULL,
    time_ns bigint NOT NULL,
    start_time_ns bigint,
    value double precision,
    count bigint,
    sum double precision,
    min double precision,
    max double precision,
    bucket_counts bigint[],
    explicit_bounds double precision[],
    exp_histogram jsonb,
    quantiles jsonb,
    PRIMARY KEY (series_id, bucket)
) PARTITION BY RANGE (bucket);

SELECT sightline_ensure_partition('metric_points_1h', to_date(substring(c.relname FROM '_p(\d{8})$'), 'YYYYMMDD'))
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'metric_points'::regclass AND c.relname ~ '_p\d{8}$';

INSERT INTO metric_points_1h (bucket, series_id, time, time_ns, start_time_ns, value, count, sum, min, max, bucket_counts, explicit_bounds, exp_histogram, quantiles)
SELECT DISTINCT ON (series_id, date_bin(interval '1 hour', time, 'epoch'::timestamptz))
       date_bin(interval '1 hour', time, 'epoch'::timestamptz), series_id, time, time_ns, start_time_ns, value, count, sum, min, max,
       bucket_counts, explicit_bounds, exp_histogram, quantiles
  FROM metric_points_5m
 ORDER BY series_id, date_bin(interval '1 hour', time, 'epoch'::timestamptz), time DESC;

-- Down Migration
DROP TABLE metric_points_1h;

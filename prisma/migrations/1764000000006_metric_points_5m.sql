-- The last stored point of every series in every 5-minute bucket, beside all points. Charts of
-- long windows read one point per series and step (lib/query/read-metric-points.ts): for
-- cumulative series the difference of those samples is exact. Read from metric_points, every
-- sample of a 24-hour p95 by service was an index probe landing on its own heap page (~23,000
-- of them, 1–2 s in bench:query); read from here, the same samples are one range scan of rows
-- stored together. Ingest keeps it in the transaction that inserts the points
-- (lib/ingest/store/store-metrics.ts): a later point replaces an earlier one of its bucket, and
-- a late point older than the bucket's stored one leaves it as it is.

-- Up Migration
CREATE TABLE metric_points_5m (
    bucket timestamptz NOT NULL,              -- date_bin('5 minutes', time, epoch)
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

SELECT sightline_ensure_partition('metric_points_5m', to_date(substring(c.relname FROM '_p(\d{8})$'), 'YYYYMMDD'))
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'metric_points'::regclass AND c.relname ~ '_p\d{8}$';

INSERT INTO metric_points_5m (bucket, series_id, time, time_ns, start_time_ns, value, count, sum, min, max, bucket_counts, explicit_bounds, exp_histogram, quantiles)
SELECT DISTINCT ON (series_id, date_bin(interval '5 minutes', time, 'epoch'::timestamptz))
       date_bin(interval '5 minutes', time, 'epoch'::timestamptz), series_id, time, time_ns, start_time_ns, value, count, sum, min, max,
       bucket_counts, explicit_bounds, exp_histogram, quantiles
  FROM metric_points
 ORDER BY series_id, date_bin(interval '5 minutes', time, 'epoch'::timestamptz), time DESC;

-- Down Migration
DROP TABLE metric_points_5m;

-- Per-hour rollups beside the per-minute ones. A week of every service is ~400,000 minute rows
-- (bench:query), and summing them — their histograms above all — made the services list, a
-- service's dependencies and RED over 7 days take 0.5–2 s. The same numbers per hour are 60
-- times fewer rows. Ingest upserts both tables in the same transaction, from the same spans
-- (lib/ingest/store/span-rollups.ts), so late spans land in both and the hour rows always equal
-- the sum of their minutes. Readers take whole hours from here and the partial hours at a
-- window's ends from span_rollups_1m (lib/rollup/rollup-source.ts). Same columns, keys and
-- day partitions as span_rollups_1m; retention treats both alike.

-- Up Migration
CREATE TABLE span_rollups_1h (
    hour timestamptz NOT NULL,
    service_name text NOT NULL,
    operation text NOT NULL,
    kind smallint NOT NULL,
    count bigint NOT NULL,
    errors bigint NOT NULL,
    timeouts bigint NOT NULL,
    duration_sum_ns bigint NOT NULL,
    duration_max_ns bigint NOT NULL,
    histogram bigint[] NOT NULL,
    PRIMARY KEY (hour, service_name, operation, kind)
) PARTITION BY RANGE (hour);
CREATE INDEX span_rollups_1h_service_idx ON span_rollups_1h (service_name, hour);

-- What an existing store already rolled up per minute, per hour: one partition per day the
-- minute table has, then one INSERT … SELECT.
SELECT sightline_ensure_partition('span_rollups_1h', to_date(substring(c.relname FROM '_p(\d{8})$'), 'YYYYMMDD'))
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'span_rollups_1m'::regclass AND c.relname ~ '_p\d{8}$';

INSERT INTO span_rollups_1h (hour, service_name, operation, kind, count, errors, timeouts, duration_sum_ns, duration_max_ns, histogram)
SELECT date_bin(interval '1 hour', minute, 'epoch'::timestamptz), service_name, operation, kind, sum(count), sum(errors), sum(timeouts),
       least(sum(duration_sum_ns::numeric), 9223372036854775807)::bigint, max(duration_max_ns), sightline_sum_histograms(histogram)
  FROM span_rollups_1m
 GROUP BY 1, 2, 3, 4;

-- Down Migration
DROP TABLE span_rollups_1h;

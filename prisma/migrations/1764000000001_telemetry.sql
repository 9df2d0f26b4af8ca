-- Telemetry: tables range-partitioned by UTC day, written in bulk through `pg`. Partitions are
-- created ahead of time and on demand by sightline_ensure_partition() (so a timestamp outside
-- the premade days never fails an insert) and dropped by retention (lib/db/maintain-partitions.ts).
-- Every table has a unique key that includes the partition column, so a re-sent batch is stored
-- once with INSERT ... ON CONFLICT DO NOTHING.

-- Up Migration

-- One row per distinct OTLP resource (hash of its attributes), shared by spans, points and logs.
CREATE TABLE resources (
    id bigint PRIMARY KEY,
    service_name text NOT NULL,
    attributes jsonb NOT NULL,
    schema_url text,
    first_seen timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE spans (
    start_time timestamptz NOT NULL,          -- partition key; start_ns keeps full precision
    trace_id bytea NOT NULL,
    span_id bytea NOT NULL,
    parent_span_id bytea,
    trace_state text,
    flags integer NOT NULL DEFAULT 0,
    service_name text NOT NULL,
    name text NOT NULL,
    kind smallint NOT NULL,
    start_ns bigint NOT NULL,
    duration_ns bigint NOT NULL,
    status_code smallint NOT NULL,
    status_message text,
    is_timeout boolean NOT NULL DEFAULT false,
    attributes jsonb NOT NULL DEFAULT '{}',
    resource_id bigint NOT NULL,
    scope_name text,
    scope_version text,
    links jsonb,
    dropped_attributes_count integer NOT NULL DEFAULT 0,
    dropped_events_count integer NOT NULL DEFAULT 0,
    dropped_links_count integer NOT NULL DEFAULT 0
) PARTITION BY RANGE (start_time);
CREATE UNIQUE INDEX spans_trace_span_key ON spans (trace_id, span_id, start_time);
CREATE INDEX spans_service_time_idx ON spans (service_name, start_time);
CREATE INDEX spans_time_brin ON spans USING brin (start_time);

-- Events live in the partition of their span's start, so retention drops them together.
CREATE TABLE span_events (
    span_start_time timestamptz NOT NULL,
    trace_id bytea NOT NULL,
    span_id bytea NOT NULL,
    idx integer NOT NULL,                     -- position of the event within its span
    time_ns bigint NOT NULL,
    name text NOT NULL,
    attributes jsonb NOT NULL DEFAULT '{}',
    dropped_attributes_count integer NOT NULL DEFAULT 0
) PARTITION BY RANGE (span_start_time);
CREATE UNIQUE INDEX span_events_key ON span_events (trace_id, span_id, idx, span_start_time);

-- Per minute, service, operation and kind; `histogram` counts durations in the fixed
-- log-scale buckets of lib/rollup/latency-buckets.ts (bucket i is the same duration range in
-- every row; trailing empty buckets are left off, so arrays differ in length).
CREATE TABLE span_rollups_1m (
    minute timestamptz NOT NULL,
    service_name text NOT NULL,
    operation text NOT NULL,
    kind smallint NOT NULL,
    count bigint NOT NULL,
    errors bigint NOT NULL,
    timeouts bigint NOT NULL,
    duration_sum_ns bigint NOT NULL,
    duration_max_ns bigint NOT NULL,
    histogram bigint[] NOT NULL,
    PRIMARY KEY (minute, service_name, operation, kind)
) PARTITION BY RANGE (minute);
CREATE INDEX span_rollups_1m_service_idx ON span_rollups_1m (service_name, minute);

CREATE TABLE metric_series (
    id bigint PRIMARY KEY,                    -- hash of name, type, attributes and resource
    name text NOT NULL,
    type text NOT NULL CHECK (type IN ('gauge', 'sum', 'histogram', 'exponential_histogram', 'summary')),
    unit text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    temporality smallint NOT NULL DEFAULT 0,
    is_monotonic boolean NOT NULL DEFAULT false,
    service_name text NOT NULL,
    attributes jsonb NOT NULL DEFAULT '{}',
    resource_id bigint NOT NULL,
    scope_name text,
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX metric_series_name_idx ON metric_series (name);
CREATE INDEX metric_series_service_idx ON metric_series (service_name);

CREATE TABLE metric_points (
    time timestamptz NOT NULL,
    series_id bigint NOT NULL,
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
    exemplars jsonb,
    flags integer NOT NULL DEFAULT 0
) PARTITION BY RANGE (time);
CREATE UNIQUE INDEX metric_points_key ON metric_points (series_id, time);
CREATE INDEX metric_points_time_brin ON metric_points USING brin (time);

CREATE TABLE log_records (
    time timestamptz NOT NULL,
    record_hash bytea NOT NULL,               -- content hash: logs carry no id of their own
    time_ns bigint NOT NULL,
    observed_time_ns bigint,
    trace_id bytea,
    span_id bytea,
    severity_number smallint NOT NULL DEFAULT 0,
    severity_text text,
    body jsonb,
    body_text text,
    event_name text,
    service_name text NOT NULL,
    attributes jsonb NOT NULL DEFAULT '{}',
    resource_id bigint NOT NULL,
    scope_name text,
    flags integer NOT NULL DEFAULT 0,
    dropped_attributes_count integer NOT NULL DEFAULT 0
) PARTITION BY RANGE (time);
CREATE UNIQUE INDEX log_records_key ON log_records (record_hash, time);
CREATE INDEX log_records_trace_idx ON log_records (trace_id) WHERE trace_id IS NOT NULL;
CREATE INDEX log_records_service_time_idx ON log_records (service_name, time);
CREATE INDEX log_records_time_brin ON log_records USING brin (time);

CREATE TABLE audit_changes (
    committed_at timestamptz NOT NULL,
    id text NOT NULL,                         -- stable id from the db agent: a re-sent change is stored once
    database text NOT NULL,
    schema_name text NOT NULL DEFAULT 'public',
    table_name text NOT NULL,
    op text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    pk jsonb NOT NULL,
    before jsonb,
    after jsonb,
    changed_columns text[] NOT NULL DEFAULT '{}',
    actor text,
    db_user text,
    application_name text,
    statement text,
    txid bigint,
    trace_id bytea,
    span_id bytea,
    received_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (committed_at);
CREATE UNIQUE INDEX audit_changes_key ON audit_changes (id, committed_at);
CREATE INDEX audit_changes_row_idx ON audit_changes (table_name, pk, committed_at);
CREATE INDEX audit_changes_trace_idx ON audit_changes (trace_id) WHERE trace_id IS NOT NULL;
CREATE INDEX audit_changes_time_brin ON audit_changes USING brin (committed_at);

CREATE TABLE lock_events (
    time timestamptz NOT NULL,
    id text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('wait', 'deadlock')),
    database text NOT NULL,
    duration_ms double precision,
    details jsonb NOT NULL,                   -- processes: waiter/blocker, queries, modes, traceparents
    trace_ids bytea[] NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (time);
CREATE UNIQUE INDEX lock_events_key ON lock_events (id, time);
CREATE INDEX lock_events_kind_time_idx ON lock_events (kind, time);

-- Creates the partition of `parent` for one UTC day unless it exists. Safe to call from many
-- sessions at once: the advisory lock serialises creators of the same partition, and the second
-- check reads pg_class with a fresh snapshot (the relation cache is not refreshed by an advisory
-- lock, so to_regclass could still miss a partition another session just committed).
CREATE FUNCTION sightline_ensure_partition(parent text, day date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    child text := parent || '_p' || to_char(day, 'YYYYMMDD');
BEGIN
    IF to_regclass(quote_ident(child)) IS NOT NULL THEN
        RETURN false;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('sightline.partition.' || child));
    IF EXISTS (SELECT 1 FROM pg_class WHERE relname = child AND relnamespace = current_schema()::regnamespace) THEN
        RETURN false;
    END IF;
    EXECUTE format(
        'CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
        child, parent,
        (day::timestamp AT TIME ZONE 'UTC'),
        ((day + 1)::timestamp AT TIME ZONE 'UTC'));
    RETURN true;
EXCEPTION WHEN duplicate_table THEN
    RETURN false;
END;
$$;

-- Adds two histograms bucket by bucket (rollup upserts); a missing side counts as zeros.
CREATE FUNCTION sightline_add_histograms(a bigint[], b bigint[]) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i), '{}')
    FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
$$;

-- Sums rollup histograms across rows (RED percentiles over any range and step).
CREATE AGGREGATE sightline_sum_histograms(bigint[]) (
    SFUNC = sightline_add_histograms,
    STYPE = bigint[],
    INITCOND = '{}',
    PARALLEL = SAFE
);

-- Down Migration
DROP AGGREGATE sightline_sum_histograms(bigint[]);
DROP FUNCTION sightline_add_histograms(bigint[], bigint[]);
DROP FUNCTION sightline_ensure_partition(text, date);
DROP TABLE lock_events;
DROP TABLE audit_changes;
DROP TABLE log_records;
DROP TABLE metric_points;
DROP TABLE metric_series;
DROP TABLE span_rollups_1m;
DROP TABLE span_events;
DROP TABLE spans;
DROP TABLE resources;

-- What the db agent sees of a monitored database besides locks: the sessions idle in a
-- transaction (with their last query and the request behind it) and the tables' scan and vacuum
-- statistics. One row per database per agent sample; the Database page reads the newest one of
-- its window for the tables and the longest idle sessions of the window. Day-partitioned and kept
-- as long as lock events (retention "locks").

-- Up Migration
CREATE TABLE database_activity (
    time timestamptz NOT NULL,
    database text NOT NULL,
    idle_sessions jsonb NOT NULL DEFAULT '[]',
    tables jsonb NOT NULL DEFAULT '[]',
    trace_ids bytea[] NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (time);
CREATE UNIQUE INDEX database_activity_key ON database_activity (database, time);

-- Down Migration
DROP TABLE database_activity;

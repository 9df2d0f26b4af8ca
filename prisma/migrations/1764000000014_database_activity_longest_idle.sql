-- The Database page's longest idle-in-transaction sessions of a window (issue 12): ranking every
-- session of every sample took 1.1 s over a day of 5-s samples with ten sessions each (bench:audit),
-- since each transaction's longest is only known after all 172,800 session entries are expanded
-- from JSON and sorted. Each sample now carries its longest session's idle time and transaction,
-- and the next longest idle time of its other sessions, so the reader
-- (lib/database/find-longest-idle-sessions.ts) walks the window's samples longest first, opens
-- only those that can still change the top, and stops once ten transactions are longer than
-- anything the unread samples hold.
--
-- Generated columns, so every writer (the ingest, the benchmark's seed, a hand-made INSERT)
-- fills them the same way. Only numbers count: the ingest schema requires idleMs to be one. A
-- transaction is named as the reader names it: the JSON's pid and xactStart as text, "/" between.

-- Up Migration
CREATE FUNCTION sightline_idle_times(sessions jsonb) RETURNS TABLE (transaction_key text, idle_ms float8)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (s->>'pid') || '/' || coalesce(s->>'xactStart', ''), (s->>'idleMs')::float8
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(sessions) = 'array' THEN sessions ELSE '[]' END) AS s
     WHERE jsonb_typeof(s->'idleMs') = 'number'
$$;
CREATE FUNCTION sightline_longest_idle_ms(sessions jsonb) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT max(idle_ms) FROM sightline_idle_times(sessions) $$;
CREATE FUNCTION sightline_longest_idle_transaction(sessions jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT transaction_key FROM sightline_idle_times(sessions) ORDER BY idle_ms DESC LIMIT 1 $$;
CREATE FUNCTION sightline_next_longest_idle_ms(sessions jsonb) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT idle_ms FROM sightline_idle_times(sessions) ORDER BY idle_ms DESC OFFSET 1 LIMIT 1 $$;

ALTER TABLE database_activity
    ADD COLUMN longest_idle_ms float8 GENERATED ALWAYS AS (sightline_longest_idle_ms(idle_sessions)) STORED,
    ADD COLUMN longest_idle_transaction text GENERATED ALWAYS AS (sightline_longest_idle_transaction(idle_sessions)) STORED,
    ADD COLUMN next_longest_idle_ms float8 GENERATED ALWAYS AS (sightline_next_longest_idle_ms(idle_sessions)) STORED;
-- Read backwards: a window's samples, longest first (time breaks ties and is the paging key).
CREATE INDEX database_activity_longest_idle_idx ON database_activity (database, longest_idle_ms, time)
    INCLUDE (longest_idle_transaction, next_longest_idle_ms) WHERE longest_idle_ms IS NOT NULL;

-- Down Migration
DROP INDEX IF EXISTS database_activity_longest_idle_idx;
ALTER TABLE database_activity DROP COLUMN IF EXISTS next_longest_idle_ms, DROP COLUMN IF EXISTS longest_idle_transaction, DROP COLUMN IF EXISTS longest_idle_ms;
DROP FUNCTION IF EXISTS sightline_next_longest_idle_ms(jsonb);
DROP FUNCTION IF EXISTS sightline_longest_idle_transaction(jsonb);
DROP FUNCTION IF EXISTS sightline_longest_idle_ms(jsonb);
DROP FUNCTION IF EXISTS sightline_idle_times(jsonb);

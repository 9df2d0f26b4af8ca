-- The Sightline db agent's objects in a monitored database, all inside schema sightline_audit
-- (nothing else in the database is touched except the triggers install-triggers.ts puts on the
-- audited tables). Every statement here is idempotent; the agent runs this file when its hash
-- differs from the one in the schema's comment, and `--uninstall` drops the schema whole.
-- Needs PostgreSQL 13+ (pg_current_xact_id, gen_random_uuid); Sightline supports 15+.

CREATE SCHEMA IF NOT EXISTS sightline_audit;

-- One row: a random token that keeps change ids unique across reinstalls (the outbox sequence
-- starts again at 1 after `--uninstall` and a new install).
CREATE TABLE IF NOT EXISTS sightline_audit.installation (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    token text NOT NULL,
    installed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO sightline_audit.installation (token)
VALUES (left(replace(gen_random_uuid()::text, '-', ''), 8))
ON CONFLICT DO NOTHING;

-- Changes waiting to be shipped. A row is deleted only after Sightline acknowledged it, so a
-- crash of the agent or of Sightline loses nothing; `committed_at` is stamped by the agent
-- before the first send (see agents/db/README.md) so a re-sent row carries the same key.
CREATE TABLE IF NOT EXISTS sightline_audit.outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_schema text NOT NULL,
    table_name text NOT NULL,
    op text NOT NULL,
    pk jsonb NOT NULL,
    before jsonb,
    after jsonb,
    changed_columns text[] NOT NULL,
    txid bigint NOT NULL,
    db_user text,
    application_name text,
    statement text,
    traceparent text,
    actor text,
    changed_at timestamptz NOT NULL,
    committed_at timestamptz
);

-- A W3C traceparent, lower-cased, or NULL when the value is not a valid one. `%2D` is the only
-- URL escape a valid traceparent can contain (sqlcommenter URL-encodes values).
CREATE OR REPLACE FUNCTION sightline_audit.valid_traceparent(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT CASE
        WHEN v ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?$'
         AND left(v, 2) <> 'ff'
         AND (left(v, 2) <> '00' OR length(v) = 55)
         AND substr(v, 4, 32) !~ '^0+$'
         AND substr(v, 37, 16) !~ '^0+$'
        THEN left(v, 55)
    END
    FROM (SELECT lower(replace(replace(btrim(value), '%2D', '-'), '%2d', '-')) AS v) AS t
$fn$;

-- The traceparent of a sqlcommenter comment (`/*...,traceparent='00-...-01'*/`) in a query.
CREATE OR REPLACE FUNCTION sightline_audit.traceparent_from(query text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT sightline_audit.valid_traceparent(m[1])
    FROM regexp_matches(query, '/\*(?:[^*]|\*+[^*/])*?traceparent\s*=\s*''([^'']*)''', 'g') WITH ORDINALITY AS r(m, n)
    ORDER BY n DESC
    LIMIT 1
$fn$;

-- The query with literals replaced by `?` and comments dropped; NULL (withheld) when it has a
-- nested block comment. The twin of agents/db/redact-literals.ts: see there for the rules.
-- One regexp_matches pass cuts the tokens (PostgreSQL's engine takes the longest alternative).
CREATE OR REPLACE FUNCTION sightline_audit.redact_literals(query text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
    SELECT CASE WHEN query ~ '/\*(?:[^*]|\*+[^*/])*/\*' THEN NULL ELSE coalesce((
        SELECT string_agg(CASE
                   WHEN tok[1] ~ '^(--|/\*)' THEN ' '
                   WHEN tok[1] ~ '^([Ee]?''|\$([A-Za-z_][A-Za-z_0-9]*)?\$|[0-9])' THEN '?'
                   ELSE tok[1]
               END, '' ORDER BY ord)
        FROM regexp_matches(
                 query,
                 '(--[^\n]*'
                 || '|/\*(?:[^*]|\*+[^*/])*(?:\*+/)?'
                 || '|[Ee]''(?:[^''\\]|\\.|'''')*''?'
                 || CASE WHEN current_setting('standard_conforming_strings') = 'on'
                         THEN '|''(?:[^'']|'''')*''?'
                         ELSE '|''(?:[^''\\]|\\.|'''')*''?' END
                 || '|"(?:[^"]|"")*"?'
                 || '|\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$.*'
                 || '|\$[0-9]+'
                 || '|[0-9][0-9A-Za-z_.]*'
                 || '|[A-Za-z_\u0080-\uffff][A-Za-z_0-9$\u0080-\uffff]*'
                 || '|[^-/''"$0-9A-Za-z_\u0080-\uffff]+'
                 || '|.)',
                 'g') WITH ORDINALITY AS m(tok, ord)
    ), '') END
$fn$;

-- A masked value: '****', or '****' and the last `keep_last` characters when the value is long
-- enough that those alone say little (a card number's last four). NULL stays NULL.
CREATE OR REPLACE FUNCTION sightline_audit.mask(value jsonb, keep_last integer) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT CASE
        WHEN value IS NULL OR jsonb_typeof(value) = 'null' THEN value
        WHEN keep_last > 0 AND length(value #>> '{}') >= keep_last + 8
            THEN to_jsonb('****' || right(value #>> '{}', keep_last))
        ELSE to_jsonb('****'::text)
    END
$fn$;

-- Numbers with more than 15 significant digits (bigint ids, long numerics) as strings, so the
-- JavaScript on the way to Sightline cannot round them. Applied when shipping, not in the trigger.
CREATE OR REPLACE FUNCTION sightline_audit.js_safe(value jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT CASE
        WHEN value IS NULL OR value::text !~ '[0-9][0-9.eE+-]{15}' THEN value
        WHEN jsonb_typeof(value) = 'number' THEN
            CASE WHEN length(regexp_replace(value::text, '[^0-9]', '', 'g')) > 15 THEN to_jsonb(value::text) ELSE value END
        WHEN jsonb_typeof(value) = 'object' THEN
            (SELECT coalesce(jsonb_object_agg(e.key, sightline_audit.js_safe(e.value)), '{}'::jsonb) FROM jsonb_each(value) AS e)
        WHEN jsonb_typeof(value) = 'array' THEN
            (SELECT coalesce(jsonb_agg(sightline_audit.js_safe(e.value) ORDER BY e.n), '[]'::jsonb)
               FROM jsonb_array_elements(value) WITH ORDINALITY AS e(value, n))
        ELSE value
    END
$fn$;

-- The row trigger. Its one argument is the table's configuration as JSON, written by
-- install-triggers.ts: {"schema","table","pk":[...],"ignore":[...],"mask":{"col":keepLast},
-- "statement":"full|redacted|none","maxStatement":n}. SECURITY DEFINER so application roles
-- need no rights on the outbox (and cannot write to it: a trigger function cannot be called
-- directly); `role` still names the application's SET ROLE, if any.
CREATE OR REPLACE FUNCTION sightline_audit.capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    cfg constant jsonb := TG_ARGV[0]::jsonb;
    old_row jsonb;
    new_row jsonb;
    key_row jsonb;
    changed text[];
    pk jsonb;
    masked record;
    query_key text;
    query_text text;
    stmt text;
    tp text;
BEGIN
    IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;

    -- UPDATE: the columns whose value changed; INSERT/DELETE: the columns with a value.
    -- Ignored columns never count, so an UPDATE touching only them records nothing.
    SELECT coalesce(array_agg(c.key ORDER BY c.key), '{}') INTO changed
      FROM jsonb_each(coalesce(new_row, old_row)) AS c
     WHERE NOT coalesce(cfg->'ignore', '[]') ? c.key
       AND CASE WHEN TG_OP = 'UPDATE' THEN c.value IS DISTINCT FROM old_row->c.key
                ELSE jsonb_typeof(c.value) <> 'null' END;
    IF TG_OP = 'UPDATE' AND cardinality(changed) = 0 THEN
        RETURN NULL;
    END IF;

    key_row := coalesce(new_row, old_row);
    SELECT jsonb_object_agg(k, key_row->k) INTO pk FROM jsonb_array_elements_text(cfg->'pk') AS k;

    -- Masking happens here, before the row is written anywhere the agent reads.
    FOR masked IN SELECT m.key AS col, m.value::int AS keep FROM jsonb_each_text(coalesce(cfg->'mask', '{}')) AS m LOOP
        IF old_row ? masked.col THEN old_row := jsonb_set(old_row, ARRAY[masked.col], sightline_audit.mask(old_row->masked.col, masked.keep)); END IF;
        IF new_row ? masked.col THEN new_row := jsonb_set(new_row, ARRAY[masked.col], sightline_audit.mask(new_row->masked.col, masked.keep)); END IF;
        IF pk ? masked.col THEN pk := jsonb_set(pk, ARRAY[masked.col], sightline_audit.mask(pk->masked.col, masked.keep)); END IF;
    END LOOP;

    -- The statement's traceparent and (truncated, maybe redacted) text are worked out once per
    -- statement, not once per row: a bulk INSERT of 10,000 rows would otherwise copy and scan
    -- its whole text 10,000 times. statement_timestamp() changes with every client statement.
    query_key := statement_timestamp()::text || '|' || (cfg->>'statement') || '|' || (cfg->>'maxStatement');
    IF current_setting('sightline_audit.query_key', true) IS DISTINCT FROM query_key THEN
        query_text := current_query();
        -- sqlcommenter appends its comment, some tools prepend it: look at both ends.
        tp := coalesce(sightline_audit.traceparent_from(right(query_text, 4096)), sightline_audit.traceparent_from(left(query_text, 4096)));
        stmt := CASE cfg->>'statement'
            WHEN 'full' THEN left(query_text, (cfg->>'maxStatement')::int)
            WHEN 'redacted' THEN sightline_audit.redact_literals(left(query_text, (cfg->>'maxStatement')::int))
        END;
        PERFORM set_config('sightline_audit.query_key', query_key, true),
                set_config('sightline_audit.query_traceparent', coalesce(tp, ''), true),
                set_config('sightline_audit.query_statement', coalesce(stmt, ''), true);
    ELSE
        tp := nullif(current_setting('sightline_audit.query_traceparent', true), '');
        stmt := nullif(current_setting('sightline_audit.query_statement', true), '');
    END IF;
    -- The statement's own comment is the most specific context; SET LOCAL sightline.traceparent
    -- covers the rest of the transaction.
    tp := coalesce(tp, sightline_audit.valid_traceparent(current_setting('sightline.traceparent', true)));

    INSERT INTO sightline_audit.outbox (table_schema, table_name, op, pk, before, after, changed_columns, txid,
                                        db_user, application_name, statement, traceparent, actor, changed_at)
    VALUES (cfg->>'schema', cfg->>'table', TG_OP, coalesce(pk, '{}'), old_row, new_row, changed,
            pg_current_xact_id()::text::bigint,
            CASE WHEN current_setting('role') <> 'none' THEN current_setting('role') ELSE session_user::text END,
            nullif(current_setting('application_name'), ''),
            stmt, tp,
            left(nullif(current_setting('sightline.actor', true), ''), 500),
            clock_timestamp());
    RETURN NULL;
END;
$fn$;

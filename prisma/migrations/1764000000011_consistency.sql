-- Consistency rules (issue 14): rules over the audited data, evaluated incrementally as audit
-- changes arrive. The audit ingest queues the ids of the changes it really inserted (a re-sent
-- batch queues nothing), the evaluator (lib/consistency/evaluate-consistency.ts) takes the queue
-- in batches and writes checks; a timer turns checks past their deadline into violations.
-- Plain SQL tables read and written through `pg` (lib/db/telemetry-tables.ts lists them as
-- support tables, so the Prisma drift test leaves them alone).

-- Up Migration
CREATE TABLE consistency_rules (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL UNIQUE,
    description text NOT NULL DEFAULT '',
    enabled boolean NOT NULL DEFAULT true,
    definition jsonb NOT NULL,
    -- bumped when the definition changes: checks and sightings made under an older definition
    -- never meet changes matched by the newer one (an edited rule's old checks keep their meaning)
    revision integer NOT NULL DEFAULT 1,
    built_in boolean NOT NULL DEFAULT false,
    key text UNIQUE,                          -- a built-in rule's stable name, e.g. demo.paid-payment-confirms-order
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Changes waiting for evaluation, in arrival order. Filled in the audit ingest's transaction.
CREATE TABLE consistency_queue (
    seq bigserial PRIMARY KEY,
    change_id text NOT NULL,
    committed_at timestamptz NOT NULL,
    queued_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- One check per (rule, trigger change) for `follows` rules, per (rule, key) for `at-most` rules.
CREATE TABLE consistency_checks (
    id bigserial PRIMARY KEY,
    rule_id uuid NOT NULL REFERENCES consistency_rules ON DELETE CASCADE,
    revision integer NOT NULL,
    kind text NOT NULL CHECK (kind IN ('follows', 'at-most')),
    subject text NOT NULL,                    -- follows: the trigger change's id; at-most: the key
    state text NOT NULL CHECK (state IN ('waiting', 'met', 'missing', 'late', 'duplicate')),
    started_at timestamptz NOT NULL,          -- the trigger's commit (at-most: the window's first change)
    deadline_at timestamptz NOT NULL,
    detected_at timestamptz,                  -- when it became a violation
    resolved_at timestamptz,
    late_ms double precision,
    violated_step integer,                    -- the step that is missing, late or duplicated
    trigger_change_id text,
    trigger_committed_at timestamptz,
    table_name text NOT NULL,
    pk jsonb NOT NULL,
    trace_ids text[] NOT NULL DEFAULT '{}',
    max_count integer,                        -- at-most: the allowed count
    written_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (rule_id, subject)
);
CREATE INDEX consistency_checks_waiting_idx ON consistency_checks (deadline_at) WHERE state = 'waiting';
CREATE INDEX consistency_checks_met_idx ON consistency_checks (deadline_at) WHERE state = 'met';
CREATE INDEX consistency_checks_detected_idx ON consistency_checks (detected_at) WHERE detected_at IS NOT NULL;
CREATE INDEX consistency_checks_open_idx ON consistency_checks (rule_id) WHERE state IN ('missing', 'duplicate');

-- A follows check's expected steps: a step change meets its check by (rule, step, link key).
CREATE TABLE consistency_check_steps (
    check_id bigint NOT NULL REFERENCES consistency_checks ON DELETE CASCADE,
    step_index integer NOT NULL,
    rule_id uuid NOT NULL,
    revision integer NOT NULL,
    label text NOT NULL,
    link_key text NOT NULL,
    expected boolean NOT NULL,                -- false when the trigger row failed the step's onlyIf
    exactly_one boolean NOT NULL,
    look_back_ms bigint NOT NULL,
    PRIMARY KEY (check_id, step_index)
);
CREATE INDEX consistency_check_steps_link_idx ON consistency_check_steps (rule_id, step_index, link_key) WHERE expected;

-- The changes that made a step (or, for at-most, the counted changes, step 0). Keyed by change:
-- a change re-evaluated is counted once.
CREATE TABLE consistency_step_changes (
    check_id bigint NOT NULL REFERENCES consistency_checks ON DELETE CASCADE,
    step_index integer NOT NULL,
    change_id text NOT NULL,
    committed_at timestamptz NOT NULL,
    trace_id text,
    PRIMARY KEY (check_id, step_index, change_id)
);

-- Step changes seen, kept until no trigger can still claim them (lookBackSeconds, out-of-order
-- arrival): a trigger finds its earlier steps here, never by scanning audit_changes.
CREATE TABLE consistency_sightings (
    rule_id uuid NOT NULL REFERENCES consistency_rules ON DELETE CASCADE,
    revision integer NOT NULL,
    step_index integer NOT NULL,
    link_key text NOT NULL,
    change_id text NOT NULL,
    committed_at timestamptz NOT NULL,
    trace_id text,
    keep_until timestamptz NOT NULL,
    PRIMARY KEY (rule_id, step_index, change_id)
);
CREATE INDEX consistency_sightings_link_idx ON consistency_sightings (rule_id, step_index, link_key, committed_at);
CREATE INDEX consistency_sightings_keep_idx ON consistency_sightings (keep_until);

-- Down Migration
DROP TABLE consistency_sightings;
DROP TABLE consistency_step_changes;
DROP TABLE consistency_check_steps;
DROP TABLE consistency_checks;
DROP TABLE consistency_queue;
DROP TABLE consistency_rules;

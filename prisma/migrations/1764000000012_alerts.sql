-- Alerts, SLOs and batch-job watching (issue 17). Contract: lib/alerts/schemas.ts,
-- lib/slo/schemas.ts. Plain SQL tables read and written through `pg` (lib/db/telemetry-tables.ts
-- lists them as support tables, so the Prisma drift test leaves them alone).
-- The evaluator (lib/alerts/) runs from `npm start` on every replica; a transaction advisory
-- lock lets one evaluate at a time, and `next_eval_at` says which rules are due.

-- Up Migration
CREATE TABLE slos (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL UNIQUE,
    description text NOT NULL DEFAULT '',
    service text NOT NULL,
    operation text,
    objective jsonb NOT NULL,                 -- {"kind":"availability"} | {"kind":"latency","thresholdMs":N}
    target_percent double precision NOT NULL CHECK (target_percent > 0 AND target_percent < 100),
    window_days integer NOT NULL CHECK (window_days BETWEEN 1 AND 90),
    alerts boolean NOT NULL DEFAULT true,
    contact_ids uuid[] NOT NULL DEFAULT '{}',
    open_incident boolean NOT NULL DEFAULT false,
    built_in boolean NOT NULL DEFAULT false,
    key text UNIQUE,                          -- a built-in SLO's stable name, e.g. demo.checkout-availability
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alert_contacts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('webhook', 'email')),
    name text NOT NULL UNIQUE,
    url text,                                 -- webhook
    secret text,                              -- webhook: the HMAC key (never returned after create)
    email_to text[] NOT NULL DEFAULT '{}',    -- email
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alert_rules (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL UNIQUE,
    description text NOT NULL DEFAULT '',
    enabled boolean NOT NULL DEFAULT true,
    source jsonb NOT NULL,                    -- lib/alerts/schemas.ts alertSourceSchema
    condition jsonb NOT NULL,                 -- {"op":"above"|"below","threshold":N}
    for_seconds integer NOT NULL DEFAULT 0,
    every_seconds integer NOT NULL DEFAULT 60,
    labels jsonb NOT NULL DEFAULT '{}',
    contact_ids uuid[] NOT NULL DEFAULT '{}',
    open_incident boolean NOT NULL DEFAULT false,
    incident_severity text NOT NULL DEFAULT 'major',
    slo_id uuid REFERENCES slos ON DELETE CASCADE,  -- the burn-rate rules an SLO created
    built_in boolean NOT NULL DEFAULT false,
    key text UNIQUE,                          -- a built-in rule's stable name
    -- evaluation state (written by the evaluator only)
    state text NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'pending', 'firing', 'no-data')),
    state_since timestamptz,
    pending_since timestamptz,                -- when the condition started holding
    firing_since timestamptz,
    last_value double precision,
    last_evaluated_at timestamptz,
    last_error text,
    next_eval_at timestamptz NOT NULL DEFAULT now(),
    incident_id uuid,                         -- the incident the current firing opened
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_rules_due_idx ON alert_rules (next_eval_at) WHERE enabled;
CREATE INDEX alert_rules_slo_idx ON alert_rules (slo_id) WHERE slo_id IS NOT NULL;

-- History: every change of a rule's state.
CREATE TABLE alert_events (
    id bigserial PRIMARY KEY,
    rule_id uuid NOT NULL REFERENCES alert_rules ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('pending', 'firing', 'resolved', 'no-data', 'error')),
    at timestamptz NOT NULL,
    value double precision,
    threshold double precision NOT NULL,
    silenced boolean NOT NULL DEFAULT false,
    incident_id uuid,
    detail jsonb NOT NULL DEFAULT '{}'        -- e.g. the summary sentence, the error
);
CREATE INDEX alert_events_at_idx ON alert_events (at DESC);
CREATE INDEX alert_events_rule_idx ON alert_events (rule_id, at DESC);

-- The notification outbox: one row per (event, contact point), delivered and retried by the loop.
CREATE TABLE alert_notifications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),   -- X-Sightline-Delivery: the same on every retry
    event_id bigint REFERENCES alert_events ON DELETE CASCADE,  -- null for a contact point's test
    contact_id uuid NOT NULL REFERENCES alert_contacts ON DELETE CASCADE,
    payload jsonb NOT NULL,                   -- lib/alerts/schemas.ts alertNotificationSchema
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error text,
    sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_notifications_due_idx ON alert_notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_notifications_event_idx ON alert_notifications (event_id);

CREATE TABLE alert_silences (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    rule_id uuid REFERENCES alert_rules ON DELETE CASCADE,
    matchers jsonb NOT NULL DEFAULT '{}',     -- every label must equal
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
    reason text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_silences_ends_idx ON alert_silences (ends_at);

-- Down Migration
DROP TABLE alert_silences;
DROP TABLE alert_notifications;
DROP TABLE alert_events;
DROP TABLE alert_rules;
DROP TABLE alert_contacts;
DROP TABLE slos;

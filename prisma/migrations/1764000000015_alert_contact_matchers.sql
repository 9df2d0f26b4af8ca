-- Routing by labels (issue 17): a contact point may carry label matchers (e.g. {"team":"payments"}).
-- A firing or resolved event of a rule whose labels include every matcher (jsonb containment,
-- as silences match) is sent to that contact point as well as to the rule's own contact points,
-- once per event. Empty matchers (the default) route nothing: the contact point is notified
-- only by the rules that pick it. No index: contact points are few, and GIN cannot serve
-- `labels @> matchers` with the column on the right.

-- Up Migration
ALTER TABLE alert_contacts ADD COLUMN matchers jsonb NOT NULL DEFAULT '{}';

-- Down Migration
ALTER TABLE alert_contacts DROP COLUMN IF EXISTS matchers;

import { z } from "zod";
import type { ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { errorResponseSchema } from "@/lib/schemas/common";
import {
  alertEventListSchema,
  alertEventsQuerySchema,
  alertNotificationSchema,
  alertRuleBodySchema,
  alertRuleIdPathSchema,
  alertRuleListSchema,
  alertRuleSchema,
  contactBodySchema,
  contactIdPathSchema,
  contactListSchema,
  contactSchema,
  contactTestResultSchema,
  silenceBodySchema,
  silenceIdPathSchema,
  silenceListSchema,
  silenceSchema,
} from "./schemas";

// The alerts area's endpoints, listed beside their schemas and spliced into the API list
// (lib/openapi/api-endpoints.ts), from which the OpenAPI document is generated; and the webhook
// body, named as a component of its own so receivers can generate a type from it.

const error = (description: string) => ({ description, name: "ErrorResponse", schema: errorResponseSchema });
const badRequest = error("a parameter or the body is invalid; the message names it (e.g. source.measure, contactIds.0)");
const noRule = error("no such alert rule");
const noContact = error("no such contact point");
const rule = { description: "the rule with its current state", name: "AlertRule", schema: alertRuleSchema };
const ruleBody = { description: "what the rule watches, its condition, schedule, labels and where it notifies", name: "AlertRuleBody", schema: alertRuleBodySchema };
const contact = { description: "the contact point with its label matchers (a generated webhook secret is returned once, here)", name: "AlertContact", schema: contactSchema };
const contactBody = {
  description: "a webhook (URL and optional secret) or e-mail addresses, and optional label matchers: rules whose labels include every matcher notify it too",
  name: "AlertContactBody",
  schema: contactBodySchema,
};
const onRule = { tag: "alerts", pathParams: alertRuleIdPathSchema } as const;
const onContact = { tag: "alerts", pathParams: contactIdPathSchema } as const;

export const alertNamedParts: [string, z.ZodType][] = [
  [
    "AlertNotification",
    alertNotificationSchema.describe(
      "The JSON body of every webhook notification, POSTed with `X-Sightline-Delivery: <id>` (the same on every retry) and " +
        '`X-Sightline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the contact point\'s secret>`. ' +
        "Network errors, 5xx and 429 answers are retried after 10 s, 30 s, 90 s, … (8 attempts in all).",
    ),
  ],
];

export const alertEndpoints: ApiEndpoint[] = [
  { path: "/api/v1/alerts/rules", access: "viewer", summary: "Alert rules with their state: firing first, then pending, then by name", tag: "alerts", responses: { 200: { description: "every rule", name: "AlertRuleList", schema: alertRuleListSchema } } },
  { path: "/api/v1/alerts/rules", access: "editor", method: "post", summary: "Create an alert rule; it is evaluated at once", tag: "alerts", body: ruleBody, responses: { 200: rule, 400: badRequest, 409: error("another rule has that name") } },
  { path: "/api/v1/alerts/rules/{id}", access: "viewer", summary: "One alert rule", ...onRule, responses: { 200: rule, 400: badRequest, 404: noRule } },
  {
    path: "/api/v1/alerts/rules/{id}",
    access: "editor",
    method: "put",
    summary: "Replace an alert rule (a changed source or condition restarts its pending time)",
    ...onRule,
    body: ruleBody,
    responses: { 200: rule, 400: badRequest, 404: noRule, 409: error("another rule has that name, or an SLO created the rule (change it through the SLO)") },
  },
  {
    path: "/api/v1/alerts/rules/{id}",
    access: "editor",
    method: "delete",
    summary: "Delete an alert rule with its history",
    ...onRule,
    responses: { 200: { description: "the rule was deleted", name: "DeletedAlertRule", schema: z.object({ deleted: z.literal(true), id: z.uuid() }) }, 400: badRequest, 404: noRule, 409: error("an SLO created the rule (delete the SLO)") },
  },
  {
    path: "/api/v1/alerts/events",
    access: "viewer",
    summary: "Alert history: every change of a rule's state, with its notifications",
    tag: "alerts",
    query: alertEventsQuerySchema,
    responses: { 200: { description: "events newest first", name: "AlertEventList", schema: alertEventListSchema }, 400: badRequest },
  },
  { path: "/api/v1/alerts/contacts", access: "viewer", summary: "Contact points with their label matchers (webhook secrets are never returned)", tag: "alerts", responses: { 200: { description: "every contact point, and whether SMTP is configured", name: "AlertContactList", schema: contactListSchema } } },
  { path: "/api/v1/alerts/contacts", access: "admin", method: "post", summary: "Create a contact point, optionally routed to by label matchers", tag: "alerts", body: contactBody, responses: { 200: contact, 400: badRequest, 409: error("another contact point has that name") } },
  { path: "/api/v1/alerts/contacts/{id}", access: "viewer", summary: "One contact point", ...onContact, responses: { 200: contact, 400: badRequest, 404: noContact } },
  { path: "/api/v1/alerts/contacts/{id}", access: "admin", method: "put", summary: "Replace a contact point (matchers left out: none); a webhook's secret is kept when left out", ...onContact, body: contactBody, responses: { 200: contact, 400: badRequest, 404: noContact, 409: error("another contact point has that name") } },
  {
    path: "/api/v1/alerts/contacts/{id}",
    access: "admin",
    method: "delete",
    summary: "Delete a contact point; the rules that named it stop notifying it",
    ...onContact,
    responses: { 200: { description: "the contact point was deleted", name: "DeletedAlertContact", schema: z.object({ deleted: z.literal(true), id: z.uuid() }) }, 400: badRequest, 404: noContact },
  },
  {
    path: "/api/v1/alerts/contacts/{id}/test",
    access: "admin",
    method: "post",
    summary: "Send one test notification to a contact point, at once",
    ...onContact,
    responses: { 200: { description: "how the first attempt went (a failed one is retried like any notification)", name: "AlertContactTestResult", schema: contactTestResultSchema }, 400: badRequest, 404: noContact },
  },
  { path: "/api/v1/alerts/silences", access: "viewer", summary: "Silences: the active and upcoming ones, then those ended in the last 7 days", tag: "alerts", responses: { 200: { description: "the silences", name: "AlertSilenceList", schema: silenceListSchema } } },
  {
    path: "/api/v1/alerts/silences",
    access: "editor",
    method: "post",
    summary: "Silence a rule, or every rule whose labels match, until an end time",
    tag: "alerts",
    body: { description: "a rule id and/or label matchers, the end (and optional start) and a reason", name: "AlertSilenceBody", schema: silenceBodySchema },
    responses: { 200: { description: "the silence", name: "AlertSilence", schema: silenceSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/alerts/silences/{id}",
    access: "editor",
    method: "delete",
    summary: "End a silence now (one that has not started is removed)",
    tag: "alerts",
    pathParams: silenceIdPathSchema,
    responses: { 200: { description: "the silence ended", name: "EndedAlertSilence", schema: z.object({ ended: z.literal(true), id: z.uuid() }) }, 400: badRequest, 404: error("no such silence") },
  },
];

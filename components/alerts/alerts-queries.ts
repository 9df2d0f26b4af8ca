import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys } from "@/lib/client/query-keys";
import {
  alertEventListSchema,
  alertRuleListSchema,
  alertRuleSchema,
  contactListSchema,
  contactSchema,
  contactTestResultSchema,
  silenceListSchema,
  silenceSchema,
  type AlertRuleBody,
  type ContactBody,
  type SilenceBody,
} from "@/lib/alerts/schemas";
import { jobDetailSchema, jobListSchema } from "@/lib/jobs/schemas";
import { metricListResponseSchema } from "@/lib/schemas/metrics";
import { servicesResponseSchema } from "@/lib/schemas/services";
import { sloListSchema, sloSchema, sloStatusSchema, type SloBody } from "@/lib/slo/schemas";

// The alerts area's one client module (alert rules, history, contact points, silences, SLOs and
// batch jobs): every request its pages make, each parsed with the API's own schema.

const enc = encodeURIComponent;

export const alertRulesQuery = () => queryOptions({ queryKey: queryKeys.alerts.rules(), queryFn: ({ signal }) => fetchJson("/api/v1/alerts/rules", alertRuleListSchema, { signal }), refetchInterval: 10_000 });
export const alertRuleQuery = (id: string) => queryOptions({ queryKey: queryKeys.alerts.rule(id), queryFn: ({ signal }) => fetchJson(`/api/v1/alerts/rules/${enc(id)}`, alertRuleSchema, { signal }) });
export function alertEventsQuery(rule: string | null) {
  const params = new URLSearchParams({ limit: "100" });
  if (rule) params.set("rule", rule);
  return queryOptions({ queryKey: queryKeys.alerts.events(rule), queryFn: ({ signal }) => fetchJson(`/api/v1/alerts/events?${params.toString()}`, alertEventListSchema, { signal }), refetchInterval: 10_000 });
}
export const contactsQuery = () => queryOptions({ queryKey: queryKeys.alerts.contacts(), queryFn: ({ signal }) => fetchJson("/api/v1/alerts/contacts", contactListSchema, { signal }) });
export const silencesQuery = () => queryOptions({ queryKey: queryKeys.alerts.silences(), queryFn: ({ signal }) => fetchJson("/api/v1/alerts/silences", silenceListSchema, { signal }) });

/** Services and their operations seen in the last day, for the pickers of a rule or an SLO. */
export function servicesPickerQuery() {
  return queryOptions({
    queryKey: queryKeys.alerts.pickers("services"),
    queryFn: ({ signal }) => fetchJson(`/api/v1/services?from=${Date.now() - 86_400_000}&to=${Date.now()}`, servicesResponseSchema, { signal }),
    staleTime: 60_000,
  });
}
export const metricsPickerQuery = () => queryOptions({ queryKey: queryKeys.alerts.pickers("metrics"), queryFn: ({ signal }) => fetchJson("/api/v1/metrics", metricListResponseSchema, { signal }), staleTime: 60_000 });

export const slosQuery = () => queryOptions({ queryKey: queryKeys.slos.list(), queryFn: ({ signal }) => fetchJson("/api/v1/slos", sloListSchema, { signal }) });
export const sloQuery = (id: string) => queryOptions({ queryKey: queryKeys.slos.one(id), queryFn: ({ signal }) => fetchJson(`/api/v1/slos/${enc(id)}`, sloSchema, { signal }) });
export const sloStatusQuery = (id: string) => queryOptions({ queryKey: queryKeys.slos.status(id), queryFn: ({ signal }) => fetchJson(`/api/v1/slos/${enc(id)}/status`, sloStatusSchema, { signal }), refetchInterval: 30_000 });

export const jobsQuery = () => queryOptions({ queryKey: queryKeys.jobs.list(), queryFn: ({ signal }) => fetchJson("/api/v1/jobs", jobListSchema, { signal }), refetchInterval: 15_000 });
export const jobQuery = (service: string, job: string) =>
  queryOptions({ queryKey: queryKeys.jobs.one(service, job), queryFn: ({ signal }) => fetchJson(`/api/v1/jobs/${enc(service)}/${enc(job)}`, jobDetailSchema, { signal }) });

// Changes. Whatever a delete answers with is not read: the lists are refetched.
export const createAlertRule = (body: AlertRuleBody) => fetchJson("/api/v1/alerts/rules", alertRuleSchema, { method: "POST", json: body });
export const updateAlertRule = (id: string, body: AlertRuleBody) => fetchJson(`/api/v1/alerts/rules/${enc(id)}`, alertRuleSchema, { method: "PUT", json: body });
export const deleteAlertRule = (id: string) => fetchJson(`/api/v1/alerts/rules/${enc(id)}`, z.unknown(), { method: "DELETE" });
export const createContact = (body: ContactBody) => fetchJson("/api/v1/alerts/contacts", contactSchema, { method: "POST", json: body });
export const updateContact = (id: string, body: ContactBody) => fetchJson(`/api/v1/alerts/contacts/${enc(id)}`, contactSchema, { method: "PUT", json: body });
export const deleteContact = (id: string) => fetchJson(`/api/v1/alerts/contacts/${enc(id)}`, z.unknown(), { method: "DELETE" });
export const testContact = (id: string) => fetchJson(`/api/v1/alerts/contacts/${enc(id)}/test`, contactTestResultSchema, { method: "POST", json: {} });
export const createSilence = (body: SilenceBody) => fetchJson("/api/v1/alerts/silences", silenceSchema, { method: "POST", json: body });
export const endSilence = (id: string) => fetchJson(`/api/v1/alerts/silences/${enc(id)}`, z.unknown(), { method: "DELETE" });
export const createSlo = (body: SloBody) => fetchJson("/api/v1/slos", sloSchema, { method: "POST", json: body });
export const deleteSlo = (id: string) => fetchJson(`/api/v1/slos/${enc(id)}`, z.unknown(), { method: "DELETE" });

import type { ApiEndpoint } from "@/lib/openapi/api-endpoints";
import { errorResponseSchema } from "@/lib/schemas/common";
import { ruleBodySchema, ruleIdPathSchema, ruleListSchema, ruleSchema, violationDetailSchema, violationIdPathSchema, violationListSchema, violationsQuerySchema } from "./schemas";
import { z } from "zod";

// The consistency area's endpoints, listed beside their schemas and spliced into the API list
// (lib/openapi/api-endpoints.ts), from which the OpenAPI document is generated.

const badRequest = { description: "a parameter or the body is invalid; the message names it (e.g. definition.expect.0.link)", name: "ErrorResponse", schema: errorResponseSchema };
const noRule = { description: "no such rule", name: "ErrorResponse", schema: errorResponseSchema };
const nameTaken = { description: "another rule has that name", name: "ErrorResponse", schema: errorResponseSchema };
const rule = { description: "the rule with its open violations and those of the last 24 hours", name: "ConsistencyRule", schema: ruleSchema };
const body = { description: "name, description, enabled and the definition in the rule language", name: "ConsistencyRuleBody", schema: ruleBodySchema };
const onRule = { tag: "consistency", pathParams: ruleIdPathSchema } as const;

export const consistencyEndpoints: ApiEndpoint[] = [
  {
    path: "/api/v1/consistency/rules",
    access: "viewer",
    summary: "Consistency rules: what must follow what in the audited data",
    tag: "consistency",
    responses: { 200: { description: "every rule", name: "ConsistencyRuleList", schema: ruleListSchema } },
  },
  {
    path: "/api/v1/consistency/rules",
    access: "editor",
    method: "post",
    summary: "Create a rule; it applies to changes ingested from now on",
    tag: "consistency",
    body,
    responses: { 200: rule, 400: badRequest, 409: nameTaken },
  },
  { path: "/api/v1/consistency/rules/{id}", access: "viewer", summary: "One rule", ...onRule, responses: { 200: rule, 400: badRequest, 404: noRule } },
  {
    path: "/api/v1/consistency/rules/{id}",
    access: "editor",
    method: "put",
    summary: "Replace a rule; checks already open keep the definition they started under",
    ...onRule,
    body,
    responses: { 200: rule, 400: badRequest, 404: noRule, 409: nameTaken },
  },
  {
    path: "/api/v1/consistency/rules/{id}",
    access: "editor",
    method: "delete",
    summary: "Delete a rule with its checks and violations",
    ...onRule,
    responses: { 200: { description: "the rule was deleted", name: "DeletedConsistencyRule", schema: z.object({ deleted: z.literal(true), id: z.uuid() }) }, 400: badRequest, 404: noRule },
  },
  {
    path: "/api/v1/consistency/violations",
    access: "viewer",
    summary: "Violations newest first, with each rule's count per bucket over the window",
    tag: "consistency",
    query: violationsQuerySchema,
    responses: { 200: { description: "the violations and counts over time", name: "ConsistencyViolationList", schema: violationListSchema }, 400: badRequest },
  },
  {
    path: "/api/v1/consistency/violations/{id}",
    access: "viewer",
    summary: "One violation's story: the trigger and its request, the steps, the rows' history, the traces by role",
    tag: "consistency",
    pathParams: violationIdPathSchema,
    responses: { 200: { description: "the violation in order", name: "ConsistencyViolation", schema: violationDetailSchema }, 400: badRequest, 404: { description: "no such violation", name: "ErrorResponse", schema: errorResponseSchema } },
  },
];

import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("first characters of the token, to tell tokens apart"),
  role: roleSchema,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });

export const createApiTokenBodySchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100, "name must be at most 100 characters"),
  role: roleSchema,
  /** Days until the token stops working; none: it works until revoked. */
  expiresInDays: z.number().int("must be a whole number of days").min(1, "must be at least 1 day").max(3650, "must be at most 3650 days").nullable().default(90),
});

/** The secret is in this response only; Sightline keeps just its hash. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const apiTokenIdPathSchema = z.object({ id: z.uuid("must be a UUID") });

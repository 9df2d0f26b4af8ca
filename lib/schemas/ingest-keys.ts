import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";

export const ingestKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("first characters of the key, to tell keys apart"),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const ingestKeyListSchema = z.object({ keys: z.array(ingestKeySchema) });

export const createIngestKeyBodySchema = z.object(
  {
    name: z
      .string()
      .trim()
      .min(1, "name is required")
      .max(100, "name must be at most 100 characters")
      .refine(hasNoNul, `name ${NUL_MESSAGE}`),
  },
  { error: "the request body must be a JSON object like {\"name\": \"...\"}" },
);

/** The secret is in this response only; Sightline keeps just its hash. */
export const createdIngestKeySchema = ingestKeySchema.extend({ key: z.string() });

export type IngestKey = z.infer<typeof ingestKeySchema>;

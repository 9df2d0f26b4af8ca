import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

// Request and response shapes of signing in, first setup and accepting an invite.

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("must be an e-mail address").max(320, "must be at most 320 characters"));
export const passwordSchema = z.string().min(12, "must be at least 12 characters").max(256, "must be at most 256 characters");
export const personNameSchema = z.string().trim().max(200, "must be at most 200 characters");

export const signInBodySchema = z.object({ email: z.string().max(320, "must be at most 320 characters"), password: z.string().max(256, "must be at most 256 characters") });
export const setupBodySchema = z.object({ token: z.string().min(1).max(200), email: emailSchema, name: personNameSchema.default(""), password: passwordSchema });
export const acceptInviteBodySchema = z.object({ token: z.string().min(1).max(200), name: personNameSchema.optional(), password: passwordSchema });

export const publicUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema });
export type PublicUser = z.infer<typeof publicUserSchema>;
export const signedInResponseSchema = z.object({ user: publicUserSchema });

export const meResponseSchema = z.object({
  kind: z.enum(["session", "api-token", "env-token"]),
  role: roleSchema,
  label: z.string(),
  user: publicUserSchema.nullable(),
});

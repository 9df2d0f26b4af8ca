import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { emailSchema, personNameSchema } from "./auth";

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** active, invited (has not set a password yet) or deactivated. */
  status: z.enum(["active", "invited", "deactivated"]),
  signInMethods: z.array(z.enum(["password", "oidc"])),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) });

export const createUserBodySchema = z.object({ email: emailSchema, name: personNameSchema.default(""), role: roleSchema });

/** The invite link is in this response only; the user sets their own password through it. */
export const createdUserSchema = z.object({ user: userSchema, inviteUrl: z.string(), inviteExpiresAt: z.string() });

export const updateUserBodySchema = z
  .object({ name: personNameSchema.optional(), role: roleSchema.optional(), active: z.boolean().optional() })
  .refine((body) => body.name !== undefined || body.role !== undefined || body.active !== undefined, "give at least one of name, role, active");

export const userIdPathSchema = z.object({ id: z.uuid("must be a UUID") });

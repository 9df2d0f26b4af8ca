import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import type { ActivityAction } from "@/lib/schemas/activity";

// Sightline's own audit log. Every change to who may do what is written here with who did it,
// from where and when. A failure to write it is logged and does not undo the change it records.

export interface ActivityInput {
  action: ActivityAction;
  /** Who did it: a principal, or (for sign-in attempts and setup) the e-mail given. */
  actor: Principal | string;
  target?: string;
  detail?: Prisma.InputJsonObject;
  client?: RequestClient;
}

export interface RequestClient {
  ip: string | null;
  userAgent: string | null;
}

/** The client's address (first hop of X-Forwarded-For, which Next.js sets) and user agent. */
export function requestClient(headers: Headers): RequestClient {
  const ip = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
  return { ip: ip?.slice(0, 100) ?? null, userAgent: headers.get("user-agent")?.slice(0, 300) ?? null };
}

export async function recordActivity(input: ActivityInput): Promise<void> {
  const actor = typeof input.actor === "string" ? input.actor : input.actor.label;
  const actorUserId = typeof input.actor === "string" ? null : input.actor.userId;
  try {
    await getPrisma().activityEvent.create({
      data: {
        action: input.action,
        actor: actor.slice(0, 320),
        actorUserId,
        target: input.target?.slice(0, 320) ?? null,
        detail: input.detail ?? {},
        ip: input.client?.ip ?? null,
        userAgent: input.client?.userAgent ?? null,
      },
    });
  } catch (error) {
    console.error(`[sightline] could not record activity ${input.action}:`, error instanceof Error ? error.message : error);
  }
}

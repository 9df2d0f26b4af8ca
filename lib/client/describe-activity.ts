import { activityActions, type ActivityAction } from "@/lib/schemas/activity";

// Pure helpers for the activity table. The stored action is text: a row written by a newer or
// older Sightline may carry an action this build has no words for, and it must still show.

export function isActivityAction(action: string): action is ActivityAction {
  return (activityActions as readonly string[]).includes(action);
}

/**
 * The detail object as one line of `key: value` pairs, in stored order. Values are text for
 * the page to render (React escapes it), never markup; nested values are shown as JSON.
 */
export function describeActivityDetail(detail: Readonly<Record<string, unknown>>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${detailValueText(value)}`)
    .join(", ");
}

function detailValueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  return JSON.stringify(value);
}

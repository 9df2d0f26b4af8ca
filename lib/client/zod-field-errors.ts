import type { z } from "zod";

// A form's errors by field from a zod error: the path up to the first list index names the
// field (`attributes.customer.1` → `attributes.customer`, the TagsInput that holds the item),
// and the first problem of a field is the one shown, as the server's 400 would name it.

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const index = issue.path.findIndex((part) => typeof part === "number");
    const field = (index === -1 ? issue.path : issue.path.slice(0, index)).map(String).join(".");
    const item = index === -1 ? "" : `entry ${Number(issue.path[index]) + 1}: `;
    errors[field] ??= `${item}${issue.message}`;
  }
  return errors;
}

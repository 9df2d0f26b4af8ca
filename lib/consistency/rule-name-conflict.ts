import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ApiError } from "@/lib/http/api-error";

/** A save refused by the unique name: a 409 naming the name; anything else as it was. */
export function ruleNameConflict(error: unknown, name: string): never {
  if (isUniqueViolation(error)) throw new ApiError("conflict", `a consistency rule named "${name}" already exists`);
  throw error;
}


/** A write refused by a unique index: Prisma's P2002, or PostgreSQL's 23505 through the driver. */
export function isUniqueViolation(error: unknown): boolean {
  const value = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } } | null;
  if (!value || typeof value !== "object") return false;
  if (value.code === "P2002" || value.code === "23505") return true;
  const cause = value.meta?.driverAdapterError?.cause;
  return cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505";
}

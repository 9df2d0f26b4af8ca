import { defineConfig } from "prisma/config";

// Sightline applies its SQL migrations itself (see prisma/README.md), so the Prisma CLI is only
// used for `prisma generate`, which needs no database URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
});

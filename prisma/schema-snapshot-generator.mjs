// A Prisma generator that writes the parsed data model (DMMF) to JSON, so the drift test can
// compare schema.prisma with what the SQL migrations build, without Prisma's native engine.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pkg from "@prisma/generator-helper";

const { generatorHandler } = pkg;

generatorHandler({
  onManifest: () => ({ prettyName: "Sightline schema snapshot", defaultOutput: "../lib/generated/schema-snapshot.json" }),
  onGenerate: async (options) => {
    const output = options.generator.output?.value;
    if (!output) throw new Error("schema snapshot generator needs an output path");
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, JSON.stringify(options.dmmf.datamodel, null, 2) + "\n");
  },
});

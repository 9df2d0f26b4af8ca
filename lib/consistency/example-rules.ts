import { DEMO_RULES } from "./demo-rules";
import type { RuleBody } from "./schemas";

// The rule editor's examples are the demo shop's four rules (demo-rules.ts), without the key
// start-up creates them by: one source, so the examples are exactly what the demo runs.

export type RuleInput = RuleBody;

export const EXAMPLE_RULES: readonly RuleInput[] = DEMO_RULES.map(({ key: _key, ...rule }) => rule);

// The server names each problem of a rule body as `path: message`, joined by "; " (see
// lib/http/error-response.ts). The editor shows those of the definition beside the JSON and the
// rest (name, description) above the form, so the field at fault is the one marked.

export interface RuleFormErrors {
  definition: string[];
  other: string[];
}

export function splitRuleErrors(message: string): RuleFormErrors {
  const errors: RuleFormErrors = { definition: [], other: [] };
  for (const part of message.split("; ").map((p) => p.trim()).filter(Boolean)) {
    // The path may come bare (`definition.kind: …`) or under the body (`body.definition…`).
    if (/(^|\.)definition(\.|:|\s)/.test(part)) errors.definition.push(part);
    else errors.other.push(part);
  }
  return errors;
}

/** The text typed in the JSON field as a value, or why it is not JSON. */
export function readDefinitionText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

import type { EvidenceItem, Incident } from "./schemas";

/** An incident's evidence, oldest first: the items of its timeline's "evidence" entries. */
export function evidenceOf(incident: Pick<Incident, "events">): EvidenceItem[] {
  return incident.events.flatMap((e) => (e.change.kind === "evidence" ? [e.change.item] : []));
}

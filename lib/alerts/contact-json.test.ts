import { describe, expect, it } from "vitest";
import { contactForReader } from "./contact-json";

const hook = { id: "c1", kind: "webhook" as const, name: "slack", url: "https://hooks.slack.com/services/T000/B000/XXXX", to: [], matchers: {}, createdAtMs: 0 };

describe("contactForReader", () => {
  it("shows admins the whole webhook URL and everyone else its origin only (the path is often the credential)", () => {
    expect(contactForReader(hook, true).url).toBe(hook.url);
    expect(contactForReader(hook, false).url).toBe("https://hooks.slack.com/…");
    const mail = { ...hook, kind: "email" as const, url: null, to: ["ops@example.com"] };
    expect(contactForReader(mail, false)).toEqual(mail);
  });
});

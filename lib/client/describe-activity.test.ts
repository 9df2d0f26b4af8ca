import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { activityActions } from "@/lib/schemas/activity";
import { describeActivityDetail, isActivityAction } from "./describe-activity";

describe("isActivityAction", () => {
  it("knows every action the server records", () => {
    for (const action of activityActions) expect(isActivityAction(action)).toBe(true);
  });

  it("tells an action this build has no words for", () => {
    expect(isActivityAction("password_reset")).toBe(false);
    expect(isActivityAction("")).toBe(false);
    // Inherited object keys are not actions.
    expect(isActivityAction("toString")).toBe(false);
  });

  it.each([
    ["en", en],
    ["zh-CN", zhCN],
  ] as const)("%s has words for every action", (_locale, messages) => {
    const words: Record<string, string> = messages.settings.activity.actions;
    for (const action of activityActions) expect(words[action], action).toBeTruthy();
  });
});

describe("describeActivityDetail", () => {
  it("lists pairs in stored order", () => {
    expect(describeActivityDetail({ role: "admin", active: false })).toBe("role: admin, active: false");
  });

  it("shows numbers, null and nested values as JSON and strings as they are", () => {
    expect(describeActivityDetail({ expiresAt: null, days: 30, change: { role: "viewer" }, name: 'a "b"' })).toBe(
      'expiresAt: null, days: 30, change: {"role":"viewer"}, name: a "b"',
    );
  });

  it("keeps markup as text", () => {
    expect(describeActivityDetail({ name: "<img src=x onerror=alert(1)>" })).toBe("name: <img src=x onerror=alert(1)>");
  });

  it("is empty for no detail", () => {
    expect(describeActivityDetail({})).toBe("");
  });
});

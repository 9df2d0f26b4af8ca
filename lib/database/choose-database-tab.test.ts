import { describe, expect, it } from "vitest";
import { chooseDatabaseTab } from "./choose-database-tab";

describe("chooseDatabaseTab", () => {
  it("opens the first database by name when the link names none", () => {
    expect(chooseDatabaseTab(["shop", "billing", "shop"], null)).toEqual({ tabs: ["billing", "shop"], active: "billing" });
  });

  it("opens the link's database, adding its tab when it was not seen", () => {
    expect(chooseDatabaseTab(["shop"], "shop")).toEqual({ tabs: ["shop"], active: "shop" });
    expect(chooseDatabaseTab(["shop"], "archive")).toEqual({ tabs: ["shop", "archive"], active: "archive" });
  });

  it("has no open tab without databases or a link naming one", () => {
    expect(chooseDatabaseTab([], null)).toEqual({ tabs: [], active: null });
  });
});

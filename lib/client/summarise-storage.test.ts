import { describe, expect, it } from "vitest";
import type { StorageResponse } from "@/lib/schemas/storage";
import { utcDay } from "@/lib/utc-day";
import { summariseStorage } from "./summarise-storage";

const database = { serverVersion: "18.0", sizeBytes: 10_000_000, embedded: true };

describe("summariseStorage", () => {
  it("stacks rows per day and table, leaving out empty future partitions; a table with one estimated partition is not exact", () => {
    const storage: StorageResponse = {
      database,
      tables: [
        {
          table: "spans",
          retentionDays: 7,
          partitions: [
            { day: "2025-05-09", rows: 100, exact: false, bytes: 8192 },
            { day: "2025-05-10", rows: 50, exact: true, bytes: 16384 },
            { day: "2025-05-11", rows: 0, exact: true, bytes: 8192 },
          ],
        },
        {
          table: "log_records",
          retentionDays: 3,
          partitions: [
            { day: "2025-05-10", rows: 5, exact: true, bytes: 8192 },
            { day: "2025-05-11", rows: 0, exact: true, bytes: 8192 },
          ],
        },
        { table: "audit_changes", retentionDays: 30, partitions: [{ day: "2025-05-10", rows: -1, exact: false, bytes: 8192 }] },
      ],
    };
    const summary = summariseStorage(storage, "2025-05-10");
    expect(summary.days).toEqual(["2025-05-09", "2025-05-10"]);
    expect(summary.series).toEqual([
      { table: "spans", rowsPerDay: [100, 50] },
      { table: "log_records", rowsPerDay: [0, 5] },
    ]);
    expect(summary.tables).toEqual([
      { table: "spans", retentionDays: 7, rows: 150, exact: false, bytes: 32768, oldestDay: "2025-05-09" },
      { table: "log_records", retentionDays: 3, rows: 5, exact: true, bytes: 16384, oldestDay: "2025-05-10" },
      { table: "audit_changes", retentionDays: 30, rows: 0, exact: false, bytes: 8192, oldestDay: null },
    ]);
    expect(summary.totalRows).toBe(155);
  });

  it("keeps a future day that holds rows (a sender's clock is ahead)", () => {
    const storage: StorageResponse = {
      database,
      tables: [{ table: "spans", retentionDays: 7, partitions: [{ day: "2025-05-12", rows: 3, exact: true, bytes: 8192 }] }],
    };
    expect(summariseStorage(storage, "2025-05-10").days).toEqual(["2025-05-12"]);
  });

  it("reports an empty store as no rows and no series", () => {
    const storage: StorageResponse = { database, tables: [{ table: "spans", retentionDays: 7, partitions: [] }] };
    expect(summariseStorage(storage, "2025-05-10")).toEqual({
      days: [],
      series: [],
      tables: [{ table: "spans", retentionDays: 7, rows: 0, exact: true, bytes: 0, oldestDay: null }],
      totalRows: 0,
    });
  });

  it("cuts days in UTC", () => {
    expect(utcDay(Date.UTC(2025, 4, 10, 23, 59, 59))).toBe("2025-05-10");
  });
});

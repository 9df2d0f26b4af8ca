import type { StorageResponse } from "@/lib/schemas/storage";

export type StorageTableName = StorageResponse["tables"][number]["table"];

export interface StorageSeries {
  table: StorageTableName;
  /** Rows per entry of `StorageSummary.days` (exact or estimated, see the table's `exact`). */
  rowsPerDay: number[];
}

export interface StorageTableSummary {
  table: StorageTableName;
  retentionDays: number;
  rows: number;
  /** Every partition was counted exactly; false when any count is a planner estimate. */
  exact: boolean;
  bytes: number;
  /** Oldest day with a partition that holds rows, null when the table is empty. */
  oldestDay: string | null;
}

export interface StorageSummary {
  /** UTC days (YYYY-MM-DD), ascending: every past day with a partition, and later days only if they hold rows. */
  days: string[];
  /** One series per table that holds rows, in the server's table order. */
  series: StorageSeries[];
  tables: StorageTableSummary[];
  totalRows: number;
}

/**
 * Shapes GET /api/v1/storage for the overview. Partitions are created days ahead, so empty
 * future days are left out of the chart (a row of zero bars says nothing); a future day that
 * does hold rows stays, since it means a sender's clock is wrong. Large partitions' row counts
 * are planner estimates (a negative one counts as 0): a table with any of them is not exact.
 */
export function summariseStorage(storage: StorageResponse, todayUtc: string): StorageSummary {
  const daySet = new Set<string>();
  for (const { partitions } of storage.tables) {
    for (const { day, rows } of partitions) if (day <= todayUtc || rows > 0) daySet.add(day);
  }
  const days = [...daySet].sort();
  const dayIndex = new Map(days.map((day, index) => [day, index]));

  const series: StorageSeries[] = [];
  const tables: StorageTableSummary[] = [];
  let totalRows = 0;
  for (const { table, retentionDays, partitions } of storage.tables) {
    const rowsPerDay = days.map(() => 0);
    let rows = 0;
    let exact = true;
    let bytes = 0;
    let oldestDay: string | null = null;
    for (const partition of partitions) {
      const partitionRows = Math.max(0, partition.rows);
      rows += partitionRows;
      exact &&= partition.exact;
      bytes += Math.max(0, partition.bytes);
      const index = dayIndex.get(partition.day);
      if (index !== undefined) rowsPerDay[index] = (rowsPerDay[index] ?? 0) + partitionRows;
      if (partitionRows > 0 && (oldestDay === null || partition.day < oldestDay)) oldestDay = partition.day;
    }
    totalRows += rows;
    tables.push({ table, retentionDays, rows, exact, bytes, oldestDay });
    if (rows > 0) series.push({ table, rowsPerDay });
  }
  return { days, series, tables, totalRows };
}


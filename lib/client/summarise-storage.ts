import type { StorageResponse } from "@/lib/schemas/storage";

export type StorageTableName = StorageResponse["tables"][number]["table"];

export interface StorageSeries {
  table: StorageTableName;
  /** Estimated rows per entry of `StorageSummary.days`. */
  rowsPerDay: number[];
}

export interface StorageTableSummary {
  table: StorageTableName;
  retentionDays: number;
  rows: number;
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
 * does hold rows stays, since it means a sender's clock is wrong. Row counts are planner
 * estimates and can be -1 for a never-analysed partition: those count as 0.
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
    let bytes = 0;
    let oldestDay: string | null = null;
    for (const partition of partitions) {
      const partitionRows = Math.max(0, partition.rows);
      rows += partitionRows;
      bytes += Math.max(0, partition.bytes);
      const index = dayIndex.get(partition.day);
      if (index !== undefined) rowsPerDay[index] = (rowsPerDay[index] ?? 0) + partitionRows;
      if (partitionRows > 0 && (oldestDay === null || partition.day < oldestDay)) oldestDay = partition.day;
    }
    totalRows += rows;
    tables.push({ table, retentionDays, rows, bytes, oldestDay });
    if (rows > 0) series.push({ table, rowsPerDay });
  }
  return { days, series, tables, totalRows };
}


"use client";

import type { RedShow } from "@/lib/dashboards/schemas";

export function RedPanel(_props: { title: string; service: string; operation: string | null; show: RedShow }) {
  return null;
}

import { roleAllows, type Role } from "@/lib/auth/roles";
import type { TimeoutReport } from "./schemas";

// Customer and order ids are personal or commercial data a viewer may not need: a role below the
// report's `lists.visibleTo` gets the counts, money and sentences but not the ids — the lists of
// customers and orders, the unpaid orders and the recovered payments (each names an order) are
// left out of the JSON itself, and `lists.withheld` says so. Pure, so an incident's frozen copy
// can be shown the same way.

export function withholdReportLists(report: TimeoutReport, role: Role): TimeoutReport {
  if (roleAllows(role, report.lists.visibleTo)) return { ...report, lists: { ...report.lists, withheld: false } };
  const { impact, stateLeft } = report;
  return {
    ...report,
    impact: { ...impact, customers: { count: impact.customers.count }, orders: { count: impact.orders.count } },
    stateLeft: {
      ordersChecked: stateLeft.ordersChecked,
      ordersWithoutAudit: stateLeft.ordersWithoutAudit,
      unpaid: { count: stateLeft.unpaid.count, moneyByCurrency: stateLeft.unpaid.moneyByCurrency },
      paymentsRecoveredCount: stateLeft.paymentsRecoveredCount,
    },
    lists: { ...report.lists, withheld: true },
  };
}

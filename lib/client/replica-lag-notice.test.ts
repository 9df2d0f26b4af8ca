import { describe, expect, it } from "vitest";
import { replicaLagNotice } from "./replica-lag-notice";

describe("replicaLagNotice", () => {
  it("says nothing without a read replica, or when health failed", () => {
    expect(replicaLagNotice(undefined)).toBeNull();
    expect(replicaLagNotice({ status: "ok" })).toBeNull();
    expect(replicaLagNotice({ status: "unavailable", reason: "x" })).toBeNull();
  });

  it("says nothing while the replica is at most 5 s behind or its lag is unknown", () => {
    expect(replicaLagNotice({ status: "ok", readReplica: { ok: true, lagSeconds: 0 } })).toBeNull();
    expect(replicaLagNotice({ status: "ok", readReplica: { ok: true, lagSeconds: 5 } })).toBeNull();
    expect(replicaLagNotice({ status: "ok", readReplica: { ok: true, lagSeconds: null } })).toBeNull();
  });

  it("gives the lag in whole seconds past 5 s", () => {
    expect(replicaLagNotice({ status: "ok", readReplica: { ok: true, lagSeconds: 5.1 } })).toEqual({ kind: "behind", seconds: 5 });
    expect(replicaLagNotice({ status: "ok", readReplica: { ok: true, lagSeconds: 42.6 } })).toEqual({ kind: "behind", seconds: 43 });
  });

  it("says the replica is down when it did not answer", () => {
    expect(replicaLagNotice({ status: "ok", readReplica: { ok: false, lagSeconds: null } })).toEqual({ kind: "down" });
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { describeConfidence, describeForecast, duration, type ForecastTranslate } from "./describe-forecast";
import type { SaturationForecast } from "./forecast-saturation";

const words = {
  en: createTranslator({ locale: "en", messages: en, namespace: "forecast" }) as ForecastTranslate,
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "forecast" }) as ForecastTranslate,
};

const warning = (eta: number, lower: number, upper: number | null): SaturationForecast => ({
  kind: "warning",
  limit: 4,
  lastMs: 0,
  fullAtMs: eta * 60_000,
  etaMinutes: eta,
  etaLowerMinutes: lower,
  etaUpperMinutes: upper,
  confidence: "medium",
  line: [],
  band: { lower: [], upper: [] },
});

describe("describeForecast", () => {
  it("says when the pool is full, with its range", () => {
    expect(describeForecast(words.en, { kind: "pool", service: "order" }, warning(12.4, 9.2, 16.6))).toBe(
      "At this rate the order service's pool is full in ~12 min (between 9 min and 17 min).",
    );
    expect(describeForecast(words["zh-CN"], { kind: "pool", service: "order" }, warning(12.4, 9.2, 16.6))).toBe(
      "按当前速度，order 服务的连接池将在约 12 分钟后占满（9 分钟至 17 分钟之间）。",
    );
  });

  it("says only the earliest time when the band never reaches the limit", () => {
    expect(describeForecast(words.en, { kind: "queue", queue: "notifications" }, warning(40, 25, null))).toBe(
      "At this rate the notifications queue is full in ~40 min (25 min at the earliest; how late cannot be told yet).",
    );
  });

  it("leaves out a range narrower than the rounding", () => {
    expect(describeForecast(words.en, { kind: "pool", service: "order" }, warning(10.1, 9.8, 10.3))).toBe("At this rate the order service's pool is full in ~10 min.");
    expect(describeForecast(words["zh-CN"], { kind: "pool", service: "order" }, warning(10.1, 9.8, 10.3))).toBe("按当前速度，order 服务的连接池将在约 10 分钟后占满。");
  });

  it("counts hours past the hour and 'under a minute' below one", () => {
    expect(duration(words.en, 95)).toBe("1 h 35 min");
    expect(duration(words["zh-CN"], 95)).toBe("1 小时 35 分钟");
    expect(describeForecast(words.en, { kind: "connections" }, warning(0.4, 0, 2))).toBe(
      "At this rate the server's connection capacity (max_connections) is full in under a minute (between under a minute and 2 min).",
    );
  });

  it("says a gauge at its limit is full now", () => {
    const full: SaturationForecast = { kind: "at-limit", limit: 4, lastMs: 0, value: 4 };
    expect(describeForecast(words.en, { kind: "pool", service: "order" }, full)).toBe("At its limit now: the order service's pool uses 4 of 4.");
    expect(describeConfidence(words.en, full)).toBeNull();
  });

  it("says nothing when there is no warning", () => {
    expect(describeForecast(words.en, { kind: "pool", service: "order" }, { kind: "none", reason: "flat" })).toBeNull();
  });

  it("words the confidence in both languages", () => {
    expect(describeConfidence(words.en, warning(12, 9, 17))).toMatch(/approximate/);
    expect(describeConfidence(words["zh-CN"], warning(12, 9, 17))).toMatch(/参考/);
  });
});

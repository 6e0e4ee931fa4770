import { describe, expect, it } from "vitest";
import { migrateSettings, SETTINGS_VERSION, useSettings } from "@/lib/store/settings-store";

describe("settings store", () => {
  it("keeps a stored key through the migration", () => {
    expect(migrateSettings({ apiKey: "k-123" }, SETTINGS_VERSION)).toEqual({ apiKey: "k-123" });
  });

  it("reads unreadable or older settings as holding no key", () => {
    expect(migrateSettings({ apiKey: 42 }, SETTINGS_VERSION)).toEqual({ apiKey: "" });
    expect(migrateSettings("garbage", 0)).toEqual({ apiKey: "" });
    expect(migrateSettings(undefined, 0)).toEqual({ apiKey: "" });
  });

  it("persists only the key, under its own name and version", () => {
    useSettings.getState().setApiKey("  k-456 ");
    const stored = JSON.parse(localStorage.getItem("mistral-playground.settings") ?? "null") as unknown;
    expect(stored).toEqual({ state: { apiKey: "k-456" }, version: SETTINGS_VERSION });
  });
});

import { create } from "zustand";
import { persist } from "zustand/middleware";
import { z } from "zod";
import { persistOptions } from "./persist-options";

type SettingsState = {
  /** A Mistral key the user typed; kept in this browser only, sent with each request. */
  apiKey: string;
  setApiKey: (apiKey: string) => void;
  /** Whether the Settings dialog is open; a failure that a key would fix opens it too. Not persisted. */
  dialogOpen: boolean;
  setDialogOpen: (open: boolean) => void;
};

type PersistedSettings = Pick<SettingsState, "apiKey">;

export const SETTINGS_VERSION = 1;

const persistedSchema = z.object({ apiKey: z.string() }).catch({ apiKey: "" });

/** Persisted settings of any version (1 is the only one so far); unreadable ones hold no key. */
export function migrateSettings(persisted: unknown, _version: number): PersistedSettings {
  return persistedSchema.parse(persisted);
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      apiKey: "",
      setApiKey: (apiKey) => set({ apiKey: apiKey.trim() }),
      dialogOpen: false,
      setDialogOpen: (dialogOpen) => set({ dialogOpen }),
    }),
    persistOptions({
      key: "settings",
      version: SETTINGS_VERSION,
      partialize: (state): PersistedSettings => ({ apiKey: state.apiKey }),
      migrate: migrateSettings,
    }),
  ),
);

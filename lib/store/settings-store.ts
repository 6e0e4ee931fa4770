import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { z } from "zod";

type SettingsState = {
  /** A Mistral key the user typed; kept in this browser only, sent with each request. */
  apiKey: string;
  setApiKey: (apiKey: string) => void;
};

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      apiKey: "",
      setApiKey: (apiKey) => set({ apiKey: apiKey.trim() }),
    }),
    {
      name: "mistral-playground.settings",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ apiKey: state.apiKey }),
      merge: (persisted, current) => ({
        ...current,
        apiKey: z.object({ apiKey: z.string() }).catch({ apiKey: "" }).parse(persisted).apiKey,
      }),
    },
  ),
);

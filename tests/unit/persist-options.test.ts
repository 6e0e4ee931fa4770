import { afterEach, describe, expect, it } from "vitest";
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { flushWrites, persistOptions } from "@/lib/store/persist-options";

type State = { text: string; setText: (text: string) => void };

function idleStore(key: string) {
  return create<State>()(
    persist((set) => ({ text: "", setText: (text) => set({ text }) }), {
      ...persistOptions<State, { text: string }>({
        key,
        version: 1,
        whenIdle: true,
        partialize: (state) => ({ text: state.text }),
        migrate: (persisted) => ({ text: String((persisted as { text?: unknown } | null)?.text ?? "") }),
      }),
    }),
  );
}

afterEach(() => localStorage.clear());

describe("persistOptions with whenIdle", () => {
  it("writes the last state once, later, and a store reading in between sees it", async () => {
    const store = idleStore("idle-test");
    for (const text of ["a", "ab", "abc"]) store.getState().setText(text);
    expect(localStorage.getItem("mistral-playground.idle-test")).toBeNull();

    // A second store on the same key (a remount) reads the write that waits.
    const again = idleStore("idle-test");
    await again.persist.rehydrate();
    expect(again.getState().text).toBe("abc");

    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(JSON.parse(localStorage.getItem("mistral-playground.idle-test") ?? "null")).toEqual({
      state: { text: "abc" },
      version: 1,
    });
  });

  it("writes at once when flushed (the page being hidden or left)", () => {
    const store = idleStore("flush-test");
    store.getState().setText("kept");
    flushWrites();
    expect(localStorage.getItem("mistral-playground.flush-test")).toContain("kept");
  });
});

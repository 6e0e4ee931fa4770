import "fake-indexeddb/auto";
import { createStore, keys } from "idb-keyval";
import { beforeEach, describe, expect, it, vi } from "vitest";

// One switch to make IndexedDB refuse writes as a full disk does.
const quota = vi.hoisted(() => ({ full: false }));
vi.mock("idb-keyval", async (importOriginal) => {
  const actual = await importOriginal<typeof import("idb-keyval")>();
  return {
    ...actual,
    setMany: (...args: Parameters<typeof actual.setMany>) =>
      quota.full
        ? Promise.reject(new DOMException("The quota has been exceeded.", "QuotaExceededError"))
        : actual.setMany(...args),
  };
});

const { imageAwareStorage, useImageStorage } = await import("@/lib/store/image-storage");

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
const state = (attachments: unknown[]) =>
  JSON.stringify({ state: { messages: [{ id: "m", role: "user", content: "hi", attachments }] }, version: 2 });
const image = (id: string) => ({ kind: "image", id, name: `${id}.png`, url: PNG });
const db = createStore("mistral-playground", "images");

beforeEach(() => {
  localStorage.clear();
  quota.full = false;
  useImageStorage.setState({ full: false });
});

describe("imageAwareStorage", () => {
  it("keeps image bytes out of the localStorage JSON and reads them back", async () => {
    const storage = imageAwareStorage();
    storage.setItem("ws", state([image("a"), { kind: "document", id: "d", name: "p.pdf", url: "https://x/p.pdf" }]));
    const json = localStorage.getItem("ws")!;
    expect(json).not.toContain("base64");
    expect(json).toContain('"url":"idb:a"');
    await vi.waitFor(async () => expect(await keys(db)).toContain("ws/a"));

    const restored = JSON.parse((await imageAwareStorage().getItem("ws")) as string);
    expect(restored.state.messages[0].attachments).toEqual([
      image("a"),
      { kind: "document", id: "d", name: "p.pdf", url: "https://x/p.pdf" },
    ]);
  });

  it("deletes the bytes of an image no longer referenced", async () => {
    const storage = imageAwareStorage();
    storage.setItem("gc", state([image("b"), image("c")]));
    await vi.waitFor(async () => expect(await keys(db)).toEqual(expect.arrayContaining(["gc/b", "gc/c"])));
    storage.setItem("gc", state([image("c")]));
    await vi.waitFor(async () => expect(await keys(db)).not.toContain("gc/b"));
    expect(await keys(db)).toContain("gc/c");
  });

  it("when storage is full, says so and drops the image on the next load rather than showing a broken one", async () => {
    quota.full = true;
    const storage = imageAwareStorage();
    storage.setItem("full", state([image("e")]));
    await vi.waitFor(() => expect(useImageStorage.getState().full).toBe(true));
    const restored = JSON.parse((await imageAwareStorage().getItem("full")) as string);
    expect(restored.state.messages[0]).toEqual({ id: "m", role: "user", content: "hi", attachments: [] });
  });

  it("reads a state without images synchronously", () => {
    localStorage.setItem("plain", state([]));
    expect(imageAwareStorage().getItem("plain")).toBe(state([]));
  });
});

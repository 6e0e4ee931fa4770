import { createStore, delMany, getMany, keys, setMany, type UseStore } from "idb-keyval";
import { create } from "zustand";
import type { StateStorage } from "zustand/middleware";

/**
 * Persisted stores keep image bytes in IndexedDB, not in their localStorage JSON: localStorage
 * holds about 5 MB per site, a handful of photos. The JSON keeps each image as `idb:<id>`; the
 * bytes are written to IndexedDB beside it (quota: a share of the free disk).
 *
 * When IndexedDB refuses a write (quota exceeded, private mode), the image stays attached in memory
 * until the page is closed, `useImageStorage` says so, and on the next load the attachments whose
 * bytes are missing are dropped: what a reload shows is never a broken image.
 */
export const useImageStorage = create<{ full: boolean }>(() => ({ full: false }));

const REF = "idb:";

type Json = unknown;
type ImageLike = { kind: "image"; id: string; url: string };

function isImage(value: Json): value is ImageLike {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.kind === "image" && typeof v.id === "string" && typeof v.url === "string";
}

/** A copy of `value` with every image's URL passed through `map`; images mapped to null are dropped. */
function mapImages(value: Json, map: (image: ImageLike) => string | null): Json {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isImage(item)) return [mapImages(item, map)];
      const url = map(item);
      return url === null ? [] : [{ ...item, url }];
    });
  }
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapImages(item, map)]));
}

let database: UseStore | undefined;
function images(): UseStore | undefined {
  if (typeof indexedDB === "undefined") return undefined;
  database ??= createStore("mistral-playground", "images");
  return database;
}

/**
 * A `StateStorage` over localStorage that moves image bytes to IndexedDB. Writes to localStorage
 * stay synchronous, so a full localStorage still throws where the store can catch it; image
 * writes follow in the background.
 */
export function imageAwareStorage(): StateStorage {
  // Where there is none (the server) this throws, and createJSONStorage then persists nothing.
  const local = localStorage;
  const stored = new Set<string>();
  const pending = new Map<string, string>();
  let flushing: Promise<void> = Promise.resolve();

  const keyOf = (name: string, id: string) => `${name}/${id}`;

  async function flush(name: string, referenced: Set<string>): Promise<void> {
    const db = images();
    if (!db) return;
    const entries = [...pending.entries()];
    pending.clear();
    try {
      if (entries.length > 0) await setMany(entries, db);
      for (const [key] of entries) stored.add(key);
      const orphans = [...stored].filter((key) => key.startsWith(`${name}/`) && !referenced.has(key));
      if (orphans.length > 0) await delMany(orphans, db);
      for (const key of orphans) stored.delete(key);
    } catch (error) {
      if (!(error instanceof DOMException)) throw error;
      console.error("Images not persisted", error.name);
      useImageStorage.setState({ full: true });
    }
  }

  return {
    getItem: (name) => {
      const text = local.getItem(name);
      const db = images();
      if (text === null || !db) return text;
      const load = async () => {
        const all = (await keys(db)).filter((k): k is string => typeof k === "string" && k.startsWith(`${name}/`));
        const values = await getMany<unknown>(all, db);
        const bytes = new Map<string, string>();
        all.forEach((key, i) => {
          const value = values[i];
          if (typeof value === "string") bytes.set(key, value);
          // Known, so that the next write deletes those no longer referenced.
          stored.add(key);
        });
        return bytes;
      };
      // Without images, hydration stays synchronous, as with plain localStorage.
      if (!text.includes(`"${REF}`)) {
        flushing = flushing.then(async () => void (await load()));
        return text;
      }
      return load().then((bytes) =>
        JSON.stringify(
          mapImages(JSON.parse(text), (image) => {
            if (!image.url.startsWith(REF)) return image.url;
            return bytes.get(keyOf(name, image.url.slice(REF.length))) ?? null;
          }),
        ),
      );
    },
    setItem: (name, value) => {
      const db = images();
      if (!db) return local.setItem(name, value);
      const referenced = new Set<string>();
      const slim = mapImages(JSON.parse(value), (image) => {
        if (!image.url.startsWith("data:")) return image.url;
        const key = keyOf(name, image.id);
        referenced.add(key);
        if (!stored.has(key)) pending.set(key, image.url);
        return REF + image.id;
      });
      local.setItem(name, JSON.stringify(slim));
      flushing = flushing.then(() => flush(name, referenced));
    },
    removeItem: (name) => local.removeItem(name),
  };
}

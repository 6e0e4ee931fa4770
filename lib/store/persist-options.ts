import {
  createJSONStorage,
  type PersistOptions,
  type PersistStorage,
  type StateStorage,
  type StorageValue,
} from "zustand/middleware";

type StoreOptions<S, P> = {
  /** The localStorage key, after `mistral-playground.`. */
  key: string;
  version: number;
  /** What is persisted: never in-flight stream state. */
  partialize: (state: S) => P;
  /** Persisted state of any version (outside input: anything) read into the current shape. */
  migrate: (persisted: unknown, version: number) => P;
  storage?: () => StateStorage;
  /** Write when the browser is idle instead of at once: for the large stores (see `idleJSONStorage`). */
  whenIdle?: boolean;
};

/** Writes waiting for the browser to be idle, by storage key. */
const pending = new Map<string, { storage: StateStorage; value: StorageValue<unknown> }>();
let scheduled = false;
/** The longest a write waits for an idle moment. */
const WRITE_WITHIN_MS = 500;

/** Writes what waits now (also for tests, which read localStorage right after a change). */
export function flushWrites(): void {
  scheduled = false;
  for (const [name, { storage, value }] of pending) {
    pending.delete(name);
    try {
      void storage.setItem(name, JSON.stringify(value));
    } catch (error) {
      // A full localStorage: the state stays in memory for this visit, as before.
      console.error(`[store] could not save ${name}: ${error instanceof Error ? error.name : typeof error}`);
    }
  }
}

function scheduleFlush(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof requestIdleCallback === "function") requestIdleCallback(flushWrites, { timeout: WRITE_WITHIN_MS });
  else setTimeout(flushWrites, 0);
}

if (typeof window !== "undefined") {
  // Whatever waits is written before the page goes away or into the background.
  window.addEventListener("pagehide", flushWrites);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushWrites();
  });
}

/**
 * JSON in a `StateStorage`, written when the browser is idle (within half a second, and before
 * the page is hidden or left) instead of on every change: a workspace of 500 messages is
 * hundreds of kilobytes of JSON, which would otherwise be serialised and written in the same task
 * as every keystroke, every Run and every finished answer. Reads see a write that still waits.
 */
function idleJSONStorage<P>(getStorage: () => StateStorage): PersistStorage<P> | undefined {
  let storage: StateStorage;
  try {
    storage = getStorage();
  } catch {
    return undefined; // No localStorage (the server, or a browser that refuses it): nothing persists.
  }
  return {
    getItem: (name) => {
      const waiting = pending.get(name);
      if (waiting) return waiting.value as StorageValue<P>;
      const read = (text: string | null) => (text === null ? null : (JSON.parse(text) as StorageValue<P>));
      const text = storage.getItem(name);
      return typeof text === "string" || text === null ? read(text) : Promise.resolve(text).then(read);
    },
    setItem: (name, value) => {
      pending.set(name, { storage, value });
      scheduleFlush();
    },
    removeItem: (name) => {
      pending.delete(name);
      return storage.removeItem(name);
    },
  };
}

/**
 * The `persist` options every store uses: a versioned `migrate`, and the same parse on the way
 * in (`merge`) for state already at the current version, since persisted state is outside input.
 */
export function persistOptions<S, P>({
  key,
  version,
  partialize,
  migrate,
  storage = () => localStorage,
  whenIdle = false,
}: StoreOptions<S, P>): PersistOptions<S, P> {
  return {
    name: `mistral-playground.${key}`,
    version,
    storage: whenIdle ? idleJSONStorage<P>(storage) : createJSONStorage<P>(storage),
    partialize,
    migrate: (persisted, from) => migrate(persisted, from),
    merge: (persisted, current) => ({ ...current, ...migrate(persisted, version) }),
  };
}

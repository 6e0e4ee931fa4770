import { createJSONStorage, type PersistOptions, type StateStorage } from "zustand/middleware";

type StoreOptions<S, P> = {
  /** The localStorage key, after `mistral-playground.`. */
  key: string;
  version: number;
  /** What is persisted: never in-flight stream state. */
  partialize: (state: S) => P;
  /** Persisted state of any version (outside input: anything) read into the current shape. */
  migrate: (persisted: unknown, version: number) => P;
  storage?: () => StateStorage;
};

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
}: StoreOptions<S, P>): PersistOptions<S, P> {
  return {
    name: `mistral-playground.${key}`,
    version,
    storage: createJSONStorage(storage),
    partialize,
    migrate: (persisted, from) => migrate(persisted, from),
    merge: (persisted, current) => ({ ...current, ...migrate(persisted, version) }),
  };
}

/**
 * A Map-backed `localStorage` for Node, where the persisted stores would otherwise find none.
 * Vitest loads it before every test file (`setupFiles`), so before any store module.
 */
const items = new Map<string, string>();

globalThis.localStorage = {
  getItem: (key) => items.get(key) ?? null,
  setItem: (key, value) => void items.set(key, String(value)),
  removeItem: (key) => void items.delete(key),
  clear: () => items.clear(),
  key: (index) => [...items.keys()][index] ?? null,
  get length() {
    return items.size;
  },
};

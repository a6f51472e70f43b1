/**
 * Loaded before MSW (demo-fetch.ts imports it first). MSW builds its cookie store when it loads
 * and asks `typeof localStorage` then; in a frame whose storage the browser blocks (an embed on
 * another site with third-party cookies and site data blocked) merely reading the property throws
 * "Failed to read the 'localStorage' property", and the demo never started. In such a frame, and
 * only there, `localStorage` becomes a Storage in memory for the page's life: the demo tenant
 * never stores anything of its own, and nothing the app keeps is written to it (the token never
 * is; the walk lives in sessionStorage, and not at all in an embed).
 */

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(String(key)) ?? null,
    setItem: (key, value) => void items.set(String(key), String(value)),
    removeItem: (key) => void items.delete(String(key)),
    clear: () => items.clear(),
  };
}

function storageDenied(): boolean {
  try {
    return typeof globalThis.localStorage === "undefined";
  } catch {
    return true;
  }
}

if (typeof window !== "undefined" && storageDenied()) {
  Object.defineProperty(window, "localStorage", { configurable: true, enumerable: true, value: memoryStorage() });
}

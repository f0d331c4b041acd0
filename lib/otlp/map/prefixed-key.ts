const CACHES = new Map<string, Map<string, string>>();
const LIMIT = 10_000;

/**
 * `prefix + key`, the same string object every time. Provenance keys such as
 * `resource.service.name` and `metadata.service` are built for every span; a fresh string
 * would be hashed (and, as an object key, internalised) again each time.
 */
export function prefixedKey(prefix: string, key: string): string {
  let cache = CACHES.get(prefix);
  if (!cache) CACHES.set(prefix, (cache = new Map()));
  let joined = cache.get(key);
  if (joined === undefined) {
    if (cache.size >= LIMIT) cache.clear(); // keys are few in practice; bound it anyway
    cache.set(key, (joined = prefix + key));
  }
  return joined;
}

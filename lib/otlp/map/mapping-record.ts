import type { Found } from "./span-view";

/**
 * What a span's mapping has decided so far: for each Sightline field, where it came from
 * (shown by the inspector) and which span attribute keys it used up (hidden from `unmapped`).
 */
export class MappingRecord {
  readonly mapped: Record<string, string> = {};
  private keys = new Map<string, string[]>();

  take(field: string, found: Pick<Found<unknown>, "from" | "consumed">): void {
    this.mapped[field] = found.from;
    this.keys.set(field, found.consumed ?? [found.from]);
  }

  /** A field from the span's own structure (ids, times, status), not from an attribute. */
  structural(field: string, from: string): void {
    this.mapped[field] = from;
  }

  /** Give a field up: its attributes go back to `unmapped`. */
  drop(field: string): void {
    delete this.mapped[field];
    this.keys.delete(field);
  }

  /** Move a field's provenance to another name (a total becomes the derived output count). */
  rename(field: string, to: string, from: string, extraKeys: string[] = []): void {
    const keys = this.keys.get(field) ?? [];
    this.drop(field);
    this.mapped[to] = from;
    this.keys.set(to, [...(this.keys.get(to) ?? []), ...keys, ...extraKeys]);
  }

  isConsumed(key: string): boolean {
    for (const keys of this.keys.values()) if (keys.includes(key)) return true;
    return false;
  }

  consumedKeys(): Set<string> {
    return new Set([...this.keys.values()].flat());
  }
}

import type { Found } from "./span-view";

/**
 * What a span's mapping has decided so far: for each Sightline field, the attribute it came
 * from (shown by the inspector) and the span attribute keys it used up (hidden from `unmapped`).
 */
export class MappingRecord {
  readonly mapped: Record<string, string> = {};
  private keysOf = new Map<string, string[]>();
  private used = new Set<string>();

  take(field: string, found: Pick<Found<unknown>, "from" | "consumed">): void {
    if (this.keysOf.has(field)) this.drop(field);
    this.mapped[field] = found.from;
    const keys = found.consumed ?? [found.from];
    this.keysOf.set(field, keys);
    for (const k of keys) this.used.add(k);
  }

  /** A field whose source is not an attribute (the span status, an event): nothing is used up. */
  note(field: string, from: string): void {
    this.mapped[field] = from;
  }

  /** Give a field up: its attributes go back to `unmapped` (unless another field uses them). */
  drop(field: string): void {
    const keys = this.keysOf.get(field);
    if (field in this.mapped) delete this.mapped[field];
    if (!keys) return;
    this.keysOf.delete(field);
    for (const k of keys) this.used.delete(k);
    for (const other of this.keysOf.values()) for (const k of other) this.used.add(k);
  }

  /** Move a field's provenance to another field (a total becomes the derived output count). */
  rename(field: string, to: string, from: string): void {
    const keys = this.keysOf.get(field) ?? [];
    this.drop(field);
    this.take(to, { from, consumed: keys });
  }

  isConsumed(key: string): boolean {
    return this.used.has(key);
  }
}

import type { Found } from "./span-view";

/**
 * What a span's mapping has decided so far: for each Sightline field, the attribute it came
 * from (shown by the inspector) and the span attribute keys it used up (hidden from `unmapped`).
 */
export class MappingRecord {
  readonly mapped: Record<string, string> = {};
  private keysOf: Record<string, string[]> = {};
  private used = new Set<string>();

  take(field: string, found: Pick<Found<unknown>, "from" | "consumed">): void {
    if (field in this.keysOf) this.drop(field);
    this.mapped[field] = found.from;
    const keys = found.consumed ?? [found.from];
    this.keysOf[field] = keys;
    for (const k of keys) this.used.add(k);
  }

  /** A field whose source is not an attribute (the span status, an event): nothing is used up. */
  note(field: string, from: string): void {
    this.mapped[field] = from;
  }

  /** Give a field up: its attributes go back to `unmapped` (unless another field uses them). */
  drop(field: string): void {
    delete this.mapped[field];
    const keys = this.keysOf[field];
    if (!keys) return;
    delete this.keysOf[field];
    for (const k of keys) this.used.delete(k);
    for (const f in this.keysOf) for (const k of this.keysOf[f]) this.used.add(k);
  }

  /** Move a field's provenance to another field (a total becomes the derived output count). */
  rename(field: string, to: string, from: string): void {
    const keys = this.keysOf[field] ?? [];
    this.drop(field);
    this.take(to, { from, consumed: keys });
  }

  isConsumed(key: string): boolean {
    return this.used.has(key);
  }
}

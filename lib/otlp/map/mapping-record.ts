import type { Found } from "./span-view";

/**
 * What a span's mapping has decided so far: for each Sightline field, the attribute it came
 * from (shown by the inspector) and the span attribute keys it used up (hidden from `unmapped`).
 */
export class MappingRecord {
  readonly mapped: Record<string, string> = {};
  /** Field → the key it used up, or the keys (a list: flattened attributes). */
  private keysOf = new Map<string, string | string[]>();
  /** How many fields use each key (one key can feed two fields). */
  private uses = new Map<string, number>();

  take(field: string, found: Pick<Found<unknown>, "from" | "consumed">): void {
    if (this.keysOf.has(field)) this.drop(field);
    this.mapped[field] = found.from;
    const keys = found.consumed ?? found.from;
    this.keysOf.set(field, keys);
    if (typeof keys === "string") this.use(keys);
    else for (const k of keys) this.use(k);
  }

  /** A field whose source is not an attribute (the span status, an event): nothing is used up. */
  note(field: string, from: string): void {
    this.mapped[field] = from;
  }

  /** Give a field up: its attributes go back to `unmapped` (unless another field uses them). */
  drop(field: string): void {
    const keys = this.keysOf.get(field);
    if (keys === undefined) return;
    delete this.mapped[field];
    this.keysOf.delete(field);
    if (typeof keys === "string") this.release(keys);
    else for (const k of keys) this.release(k);
  }

  /** Move a field's provenance to another field (a total becomes the derived output count). */
  rename(field: string, to: string, from: string): void {
    const keys = this.keysOf.get(field) ?? [];
    this.drop(field);
    this.take(to, { from, consumed: typeof keys === "string" ? [keys] : keys });
  }

  isConsumed(key: string): boolean {
    return this.uses.has(key);
  }

  private use(key: string): void {
    this.uses.set(key, (this.uses.get(key) ?? 0) + 1);
  }

  private release(key: string): void {
    const n = this.uses.get(key)! - 1;
    if (n > 0) this.uses.set(key, n);
    else this.uses.delete(key);
  }
}

/** A version's stored labels (without the derived "latest"). */
export interface VersionLabels {
  version: number;
  labels: string[];
}

export interface LabelChange {
  version: number;
  labels: string[];
}

const stored = (labels: string[]) => labels.filter((l) => l !== "latest");

/** The label change that promotes `version` to production (labels then leave other versions). */
export function promoteChange(before: VersionLabels[], version: number): LabelChange {
  const own = stored(before.find((v) => v.version === version)?.labels ?? []);
  return { version, labels: [...new Set([...own, "production"])] };
}

/**
 * The changes, in order, that put labels back as they were before `version` was promoted:
 * first the promoted version gets its old labels, then the versions that lost a label to it
 * get theirs back (which moves the label back, as setting a label always does).
 */
export function undoPromotionChanges(before: VersionLabels[], version: number): LabelChange[] {
  const promoted = promoteChange(before, version);
  const own = stored(before.find((v) => v.version === version)?.labels ?? []);
  const changes: LabelChange[] = [{ version, labels: own }];
  for (const v of before) {
    if (v.version === version) continue;
    const lost = stored(v.labels).filter((l) => promoted.labels.includes(l));
    if (lost.length > 0) changes.push({ version: v.version, labels: stored(v.labels) });
  }
  return changes;
}

import { diffLines as jsDiffLines } from "diff";

export interface DiffLine {
  op: "same" | "add" | "del";
  text: string;
}

/** Line diff of two prompt templates (jsdiff's Myers diff), one entry per line. */
export function diffLines(before: string, after: string): DiffLine[] {
  return jsDiffLines(before, after).flatMap((part) => {
    const op: DiffLine["op"] = part.added ? "add" : part.removed ? "del" : "same";
    // Each part holds whole lines, each ending in "\n" except possibly the text's last one.
    return part.value.replace(/\n$/, "").split("\n").map((text) => ({ op, text }));
  });
}

import { describe, expect, it } from "vitest";
import type { RubricField } from "@/lib/review/rubric";
import { fieldOptions, keyAction, type KeyInput } from "./rubric-keys";

const key = (k: string, more: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...more });
const bool: RubricField = { key: "h", type: "boolean" };
const cat: RubricField = { key: "s", type: "categorical", options: ["low", "medium", "high"] };
const rating: RubricField = { key: "q", type: "numeric", min: 1, max: 5 };
const wide: RubricField = { key: "w", type: "numeric", min: 0, max: 100 };
const text: RubricField = { key: "t", type: "text" };

describe("keyAction", () => {
  it("digits pick options of the focused field", () => {
    expect(keyAction(key("1"), bool)).toEqual({ type: "pick", value: true });
    expect(keyAction(key("2"), bool)).toEqual({ type: "pick", value: false });
    expect(keyAction(key("3"), cat)).toEqual({ type: "pick", value: "high" });
    expect(keyAction(key("4"), cat)).toEqual({ type: "none" });
    expect(keyAction(key("5"), rating)).toEqual({ type: "pick", value: 5 });
    expect(keyAction(key("1"), wide)).toEqual({ type: "none" });
    expect(keyAction(key("1"), text)).toEqual({ type: "none" });
  });

  it("j/k and arrows move, s skips, ? toggles help, Ctrl/⌘+Enter submits", () => {
    expect(keyAction(key("j"), bool)).toEqual({ type: "move", delta: 1 });
    expect(keyAction(key("ArrowDown"), bool)).toEqual({ type: "move", delta: 1 });
    expect(keyAction(key("k"), bool)).toEqual({ type: "move", delta: -1 });
    expect(keyAction(key("ArrowUp"), bool)).toEqual({ type: "move", delta: -1 });
    expect(keyAction(key("s"), bool)).toEqual({ type: "skip" });
    expect(keyAction(key("?"), bool)).toEqual({ type: "help" });
    expect(keyAction(key("Enter", { ctrlKey: true }), bool)).toEqual({ type: "submit" });
    expect(keyAction(key("Enter", { metaKey: true }), bool)).toEqual({ type: "submit" });
  });

  it("while typing, letters type; Ctrl+Enter still submits and Escape leaves the box", () => {
    expect(keyAction(key("s", { typing: true }), text)).toEqual({ type: "none" });
    expect(keyAction(key("j", { typing: true }), text)).toEqual({ type: "none" });
    expect(keyAction(key("Enter", { typing: true, ctrlKey: true }), text)).toEqual({ type: "submit" });
    expect(keyAction(key("Escape", { typing: true }), text)).toEqual({ type: "leave" });
  });

  it("browser shortcuts (Ctrl+1, Alt+j) are left to the browser", () => {
    expect(keyAction(key("1", { ctrlKey: true }), bool)).toEqual({ type: "none" });
    expect(keyAction(key("j", { altKey: true }), bool)).toEqual({ type: "none" });
  });
});

describe("fieldOptions", () => {
  it("numeric ranges of at most nine integers get digit options", () => {
    expect(fieldOptions(rating)).toEqual([1, 2, 3, 4, 5]);
    expect(fieldOptions({ key: "x", type: "numeric", min: 0, max: 8 })).toHaveLength(9);
    expect(fieldOptions({ key: "x", type: "numeric", min: 0, max: 9 })).toBeNull();
    expect(fieldOptions({ key: "x", type: "numeric", min: 0.5, max: 3 })).toBeNull();
  });
});

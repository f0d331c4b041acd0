import { describe, expect, it } from "vitest";
import { okState, step, type GroupState, type Observation, type StepRule, type Transition } from "./step";
import { severityOf } from "./severity";
import { relativeObservation } from "./relative";

const base: StepRule = { comparator: ">", threshold: 100, pendingSeconds: 0, keepFiringSeconds: 0, minSamples: 0, noData: "ignore" };
const v = (value: number, samples = 10): Observation => ({ value, samples });
const none: Observation = { value: null, samples: 0 };

/** Feeds one observation every 30 s and returns the final state and every transition. */
function run(rule: Partial<StepRule>, obs: Observation[], start: GroupState = okState(0)) {
  let s = start;
  const all: Transition[] = [];
  obs.forEach((o, i) => {
    const r = step({ ...base, ...rule }, s, o, (i + 1) * 30_000);
    s = r.next;
    all.push(...r.transitions);
  });
  return { state: s, kinds: all.map((t) => t.kind), transitions: all };
}

describe("state machine: basic edges", () => {
  it("fires on a breach and resolves on recovery, notifying both", () => {
    const r = run({}, [v(50), v(150), v(150), v(50)]);
    expect(r.kinds).toEqual(["firing", "resolved"]);
    expect(r.transitions.map((t) => t.notify)).toEqual([true, true]);
    expect(r.transitions[1].firedForMs).toBe(60_000);
    expect(r.state.state).toBe("ok");
  });

  it.each([
    [">=", 100, true],
    [">", 100, false],
    ["<", 10, true],
    ["<=", 5, true],
  ] as const)("comparator %s with threshold %d at value 5/100", (comparator, threshold, fires) => {
    const value = comparator.startsWith(">") ? 100 : 5;
    expect(run({ comparator, threshold }, [v(value)]).kinds).toEqual(fires ? ["firing"] : []);
  });
});

describe("pending (for)", () => {
  it("waits the pending period before firing", () => {
    const r = run({ pendingSeconds: 60 }, [v(150), v(150), v(150)]);
    expect(r.kinds).toEqual(["pending", "firing"]);
    expect(r.transitions[0].notify).toBe(false);
    expect(r.transitions[1].at).toBe(90_000);
  });

  it("a dip during pending cancels quietly", () => {
    const r = run({ pendingSeconds: 60 }, [v(150), v(50), v(150)]);
    expect(r.kinds).toEqual(["pending", "cancelled", "pending"]);
    expect(r.transitions.every((t) => !t.notify)).toBe(true);
  });
});

describe("keep-firing", () => {
  it("stays firing through a short dip and resolves after the keep-firing period", () => {
    const dip = run({ keepFiringSeconds: 60 }, [v(150), v(50), v(150), v(50), v(50), v(50)]);
    expect(dip.kinds).toEqual(["firing", "recovering", "refiring", "recovering", "resolved"]);
    expect(dip.transitions.filter((t) => t.notify).map((t) => t.kind)).toEqual(["firing", "resolved"]);
  });
});

describe("hysteresis (recovery thresholds)", () => {
  it("a critical incident holds until the value falls to the recovery threshold", () => {
    const r = run({ recoveryThreshold: 80 }, [v(150), v(90), v(85), v(80)]);
    expect(r.kinds).toEqual(["firing", "resolved"]);
    expect(r.transitions[1].at).toBe(120_000);
  });

  it("without a recovery threshold the same values resolve at once", () => {
    expect(run({}, [v(150), v(90)]).kinds).toEqual(["firing", "resolved"]);
  });

  it("does not re-fire between the recovery threshold and the threshold", () => {
    expect(run({ recoveryThreshold: 80 }, [v(150), v(70), v(90)]).kinds).toEqual(["firing", "resolved"]);
  });

  it("for '<' rules the recovery threshold lies above", () => {
    const r = run({ comparator: "<", threshold: 10, recoveryThreshold: 20 }, [v(5), v(15), v(25)]);
    expect(r.kinds).toEqual(["firing", "resolved"]);
    expect(r.transitions[1].at).toBe(90_000);
  });
});

describe("warning and critical", () => {
  const rule = { threshold: 200, warningThreshold: 100, recoveryThreshold: 180, warningRecoveryThreshold: 90 };

  it("fires at warning, escalates, de-escalates through the hysteresis bands, resolves", () => {
    const r = run(rule, [v(120), v(250), v(190), v(150), v(95), v(85)]);
    expect(r.transitions.map((t) => [t.kind, t.severity])).toEqual([
      ["firing", "warning"],
      ["severity_changed", "critical"],
      ["severity_changed", "warning"],
      ["resolved", "warning"],
    ]);
    expect(r.transitions[2].at).toBe(120_000);
    expect(r.transitions[3].at).toBe(180_000);
  });

  it("severityOf ignores recovery bands when nothing is active", () => {
    expect(severityOf({ comparator: ">", ...rule }, 190, null)).toBe("warning");
    expect(severityOf({ comparator: ">", ...rule }, 95, null)).toBeNull();
    expect(severityOf({ comparator: ">", ...rule }, 95, "warning")).toBe("warning");
  });
});

describe("minimum samples", () => {
  it("a breach on too few samples neither fires nor resolves", () => {
    expect(run({ minSamples: 20 }, [v(500, 3), v(500, 19)]).kinds).toEqual([]);
    const r = run({ minSamples: 20 }, [v(500, 50), v(10, 2), v(10, 25)]);
    expect(r.kinds).toEqual(["firing", "resolved"]);
    expect(r.transitions[1].at).toBe(90_000);
  });
});

describe("no-data policies", () => {
  it("ignore: nothing moves", () => {
    const r = run({ noData: "ignore", pendingSeconds: 60 }, [v(150), none, none, none]);
    expect(r.kinds).toEqual(["pending"]);
    expect(r.state.state).toBe("pending");
  });

  it("keep: the last value holds, so timers still run", () => {
    const r = run({ noData: "keep", pendingSeconds: 60 }, [v(150), none, none]);
    expect(r.kinds).toEqual(["pending", "firing"]);
  });

  it("resolve: no data counts as healthy", () => {
    expect(run({ noData: "resolve" }, [v(150), none]).kinds).toEqual(["firing", "resolved"]);
    expect(run({ noData: "resolve" }, [none, none]).kinds).toEqual([]);
  });

  it("alert: no data opens a no_data incident once, and data coming back resolves it", () => {
    const r = run({ noData: "alert" }, [none, none, v(50)]);
    expect(r.transitions.map((t) => [t.kind, t.to, t.notify])).toEqual([
      ["no_data", "no_data", true],
      ["resolved", "ok", true],
    ]);
  });

  it("alert: data that comes back breaching turns the incident into firing", () => {
    expect(run({ noData: "alert" }, [v(150), none, v(150)]).kinds).toEqual(["firing", "no_data", "firing"]);
  });
});

describe("renotify", () => {
  it("repeats a firing notification at the renotify interval only", () => {
    const r = run({ renotifySeconds: 60 }, [v(150), v(150), v(150), v(150), v(150)]);
    expect(r.kinds).toEqual(["firing", "renotify", "renotify"]);
    expect(r.transitions.map((t) => t.at)).toEqual([30_000, 90_000, 150_000]);
  });
});

describe("relative mode", () => {
  it("turns current vs baseline into a percent change", () => {
    expect(relativeObservation(v(150, 40), v(100, 30))).toEqual({ value: 50, samples: 30 });
    expect(relativeObservation(v(50, 40), v(100, 30))).toEqual({ value: -50, samples: 30 });
  });

  it("without a baseline there is no data; a zero baseline has no percent", () => {
    expect(relativeObservation(v(150), none)).toEqual({ value: null, samples: 0 });
    expect(relativeObservation(v(150), v(0))).toEqual({ value: null, samples: 10 });
  });

  it("a doubled latency fires a '+50%' rule, an unchanged one does not", () => {
    const rule = { threshold: 50 };
    expect(run(rule, [relativeObservation(v(400), v(200))]).kinds).toEqual(["firing"]);
    expect(run(rule, [relativeObservation(v(210), v(200))]).kinds).toEqual([]);
  });
});

import { COUNTRIES, DEMO_ANSWERS, DEMO_CONTEXT, DEMO_ERRORS, DEMO_PROMPTS, DEMO_QUESTIONS, MERCHANT_CATEGORIES } from "./demo-catalog";
import { diurnal, rng, type Rng } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoOptions {
  now: number;
  days: number;
  /** LLM calls per hour at peak. */
  llmPerHour: number;
  predictionsPerHour: number;
}

/**
 * Seven days of believable traffic: diurnal load, prompt versions rolled out over time, an
 * incident (Claude erroring for two hours three days ago), flagged hallucinations that drop
 * with newer prompt versions, a fraud-model release, and a feature drift in the last two days.
 */
export function* demoEvents(opts: DemoOptions): Generator<Record<string, unknown>> {
  const r = rng(20261128);
  const start = opts.now - opts.days * DAY;
  const incidentFrom = opts.now - 3 * DAY + 5 * HOUR;
  let n = 0;
  for (let h = start; h < opts.now; h += HOUR) {
    const load = diurnal(h);
    const progress = (h - start) / (opts.now - start);
    const llmCount = Math.round(opts.llmPerHour * load * (0.9 + 0.2 * r.next()));
    for (let i = 0; i < llmCount; i++) {
      const ts = Math.min(opts.now - 1, h + Math.floor(r.next() * HOUR));
      yield llmEvent(r, ++n, ts, progress, ts >= incidentFrom && ts < incidentFrom + 2 * HOUR);
    }
    const predCount = Math.round(opts.predictionsPerHour * load * (0.9 + 0.2 * r.next()));
    for (let i = 0; i < predCount; i++) {
      const ts = Math.min(opts.now - 1, h + Math.floor(r.next() * HOUR));
      yield* predictionEvents(r, ++n, ts, opts.now);
    }
    if ((h - start) % DAY === 0) yield* dailyMetrics(r, ++n, h, opts.now);
  }

  function pickPrompt() {
    let x = r.next();
    for (const p of DEMO_PROMPTS) if ((x -= p.share) < 0) return p;
    return DEMO_PROMPTS[0];
  }

  function llmEvent(r: Rng, n: number, ts: number, progress: number, incident: boolean) {
    const p = pickPrompt();
    // Older versions fade out as newer ones roll out over the week.
    const idx = Math.min(p.versions.length - 1, Math.floor((progress + r.next() * 0.5) * p.versions.length));
    const v = p.versions[idx];
    const q = r.int(0, DEMO_QUESTIONS.length - 1);
    const erroring = incident && p.model === "claude-sonnet-4" ? r.chance(0.35) : r.chance(0.015);
    const inputTokens = Math.round(r.lognormal(p.key === "rag-summarize" ? 3200 : 850, 0.35));
    const outputTokens = erroring ? 0 : Math.round(r.lognormal(v.outTokens, 0.3));
    const event: Record<string, unknown> = {
      id: `demo-${n}`, type: "llm", timestamp: ts, model: p.model, promptId: p.key, promptVersion: v.version,
      latencyMs: Math.round(r.lognormal(v.latencyMs * (erroring ? 2.5 : 1), 0.45)), inputTokens, outputTokens,
      status: erroring ? "error" : "ok", userId: `user-${r.int(1, 400)}`, sessionId: `sess-${Math.floor(n / 4)}`,
      input: [{ role: "system", content: v.template.split("\n")[0] }, { role: "user", content: DEMO_QUESTIONS[q] }],
      tags: [p.key.split("-")[0]],
    };
    if (erroring) event.errorMessage = r.pick(DEMO_ERRORS);
    else event.output = DEMO_ANSWERS[q];
    if (p.key === "support-answer" || p.key === "rag-summarize") event.context = [r.pick(DEMO_CONTEXT), r.pick(DEMO_CONTEXT)];
    if (p.judged && !erroring) {
      const flagged = r.chance(v.hallucination);
      event.hallucination = { flagged, score: flagged ? 0.6 + 0.4 * r.next() : 0.4 * r.next(), source: "lynx-judge" };
    }
    return event;
  }

  function* predictionEvents(r: Rng, n: number, ts: number, now: number) {
    const fraud = r.chance(0.7);
    const drifted = ts > now - 2 * DAY;
    if (fraud) {
      const version = ts > now - 3 * DAY || r.chance(0.1) ? "1.4.0" : "1.3.0";
      const amount = Math.round(r.lognormal(drifted ? 95 : 48, drifted ? 0.9 : 0.7) * 100) / 100;
      const score = Math.min(1, Math.max(0, r.lognormal(0.08, 1) * (amount > 300 ? 3 : 1)));
      const id = `demo-${n}`;
      yield {
        id, type: "prediction", timestamp: ts, model: "fraud-xgb", modelVersion: version,
        features: {
          amount, merchant_category: r.pick(MERCHANT_CATEGORIES),
          country: drifted && r.chance(0.3) ? "BR" : r.pick(COUNTRIES), account_age_days: r.int(0, 2000),
          is_new_device: r.chance(0.1),
        },
        prediction: score > 0.5 ? 1 : 0, score: Math.round(score * 1000) / 1000,
        latencyMs: Math.round(r.lognormal(version === "1.4.0" ? 9 : 12, 0.3) * 10) / 10, status: r.chance(0.003) ? "error" : "ok",
      };
      // Ground truth arrives days later, for most older predictions.
      if (ts < now - DAY && r.chance(0.6)) {
        const truth = score > 0.5 ? (r.chance(0.7) ? 1 : 0) : r.chance(0.02) ? 1 : 0;
        yield { id: `${id}-label`, type: "label", timestamp: Math.min(now - 1, ts + DAY), model: "fraud-xgb", targetId: id, label: truth };
      }
    } else {
      const score = r.next();
      yield {
        id: `demo-${n}`, type: "prediction", timestamp: ts, model: "churn-lgbm", modelVersion: "2.1.0",
        features: { tenure_months: r.int(1, 60), seats: r.int(1, 200), plan: r.pick(["free", "team", "pro"]), tickets_30d: r.int(0, 12) },
        prediction: score > 0.7 ? "churn" : "stay", score: Math.round(score * 1000) / 1000,
        latencyMs: Math.round(r.lognormal(25, 0.25) * 10) / 10,
      };
    }
  }

  function* dailyMetrics(r: Rng, n: number, day: number, now: number) {
    const daysLeft = (now - day) / DAY;
    const psi = daysLeft <= 2 ? 0.22 + 0.1 * r.next() : 0.02 + 0.03 * r.next();
    yield { id: `demo-${n}-psi-amount`, type: "metric", timestamp: day, model: "fraud-xgb", name: "drift.psi", feature: "amount", value: Math.round(psi * 1000) / 1000 };
    yield { id: `demo-${n}-psi-country`, type: "metric", timestamp: day, model: "fraud-xgb", name: "drift.psi", feature: "country", value: Math.round((psi * 0.7) * 1000) / 1000 };
    yield { id: `demo-${n}-acc`, type: "metric", timestamp: day, model: "churn-lgbm", name: "accuracy", value: Math.round((0.86 + 0.02 * r.next()) * 1000) / 1000 };
  }
}

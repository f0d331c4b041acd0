import { isIPv6 } from "node:net";

/** The kinds of personal data and secrets the ingest redactor recognises. */
export const REDACTION_KINDS = ["secret", "email", "iban", "card", "ip", "phone"] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** Facts about a string computed once, so each detector can rule it out without a regex. */
export interface TextFacts {
  digits: number;
}

export function textFacts(text: string): TextFacts {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return { digits };
}

export interface Detector {
  kind: RedactionKind;
  /** Cheap test that rules a string out before its pattern runs (most text holds few digits and no '@'). */
  mayContain(text: string, facts: TextFacts): boolean;
  /** Global, sticky-free pattern for candidates. */
  pattern: RegExp;
  /** Extra check on a candidate (checksum, digit count); absent means every match counts. */
  accept?(match: string): boolean;
}

/** Literal markers at least one of which every secret pattern below contains. */
const SECRET_HINT = /sk-|sl_|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|AIza|eyJ|bearer|key|secret|token|passw/i;

/** Luhn mod-10, the check digit every payment card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters → 10..35, mod 97 = 1. */
export function ibanValid(raw: string): boolean {
  const s = raw.replace(/ /g, "").toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const digit of v) rem = (rem * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

const digitCount = (s: string) => s.replace(/\D/g, "").length;

/**
 * Priority order: where two candidates overlap, the earlier detector wins (a card number is not
 * also reported as a phone number; an API key containing digits is a secret).
 */
export const DETECTORS: readonly Detector[] = [
  {
    kind: "secret",
    mayContain: (t) => t.length >= 16 && SECRET_HINT.test(t),
    pattern: new RegExp(
      [
        String.raw`\bsk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_-]{20,}`, // OpenAI, Anthropic, Stripe-like
        String.raw`\bsl_[A-Za-z0-9_-]{40,}`, // Sightline's own keys
        String.raw`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`, // AWS access key ids
        String.raw`\bgh[pousr]_[A-Za-z0-9]{36,}`, // GitHub tokens
        String.raw`\bgithub_pat_[A-Za-z0-9_]{22,}`,
        String.raw`\bglpat-[A-Za-z0-9_-]{20,}`, // GitLab
        String.raw`\bxox[abprs]-[A-Za-z0-9-]{10,}`, // Slack
        String.raw`\bAIza[0-9A-Za-z_-]{35}`, // Google API keys
        String.raw`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`, // JWTs
        String.raw`(?<=\bBearer\s+)[A-Za-z0-9._~+/-]{16,}=*`,
        // key = value pairs: only the value is redacted
        String.raw`(?<=\b(?:api[_-]?key|secret|token|password|passwd|access[_-]?key)["']?\s*[:=]\s*["']?)[A-Za-z0-9_\-+/=.]{12,}`,
      ].join("|"),
      "gi",
    ),
  },
  {
    kind: "email",
    mayContain: (t) => t.includes("@"),
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g,
  },
  {
    kind: "iban",
    mayContain: (_t, f) => f.digits >= 4,
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g,
    accept: ibanValid,
  },
  {
    kind: "card",
    mayContain: (_t, f) => f.digits >= 13,
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (m) => {
      const d = m.replace(/\D/g, "");
      return d.length >= 13 && d.length <= 19 && luhnValid(d);
    },
  },
  {
    kind: "ip",
    mayContain: (t, f) => f.digits >= 4 && t.includes("."),
    pattern: /(?<![\w.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\w.]|\.\d)/g,
  },
  {
    kind: "ip",
    // IPv6 candidates (two or more colons); isIPv6 decides
    mayContain: (t) => /[0-9A-Fa-f]?:[0-9A-Fa-f]*:/.test(t),
    pattern: /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])/g,
    accept: (m) => isIPv6(m) && /[0-9A-Fa-f]/.test(m),
  },
  {
    kind: "phone",
    mayContain: (_t, f) => f.digits >= 8,
    // International (+CC or 00CC) or grouped national numbers: 1–5 digit groups with space, dot, dash or brackets.
    pattern: /(?<![\w+.-])(?:\+|00)?(?:\(\d{1,4}\)|\d{1,5})(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){1,6}(?![\w-]|\.\d)/g,
    accept: (m) => {
      const n = digitCount(m);
      if (m.startsWith("+") || m.startsWith("00")) return n >= 8 && n <= 15;
      // Without a country prefix, demand a phone-like grouping so plain integers, dates and versions pass.
      // Dots mixed with spaces or dashes read as decimals ("3.14159 2.71828"), not as a phone number.
      if (m.includes(".") && /[ -]/.test(m)) return false;
      return n >= 10 && n <= 15 && /[ .()-]/.test(m) && !/^\d{4}-\d{2}-\d{2}/.test(m);
    },
  },
];

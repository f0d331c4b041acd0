/**
 * A documented heuristic for prompt-injection attempts in user input and retrieved context.
 * It is a signal for dashboards and alerts, not a guard: it flags the common, copy-pasted
 * attacks cheaply at ingest, and says which rule matched so a reviewer can judge it. Its
 * precision and recall on a labelled set are pinned in detect-injection.test.ts.
 */

export interface InjectionRule {
  id: string;
  description: string;
  /**
   * Lowercase words at least one of which every match of `pattern` contains: a substring scan
   * (a few µs per 4 KB, against tens for the case-insensitive pattern) rules most text out.
   */
  hint?: readonly string[];
  pattern: RegExp;
}

const WORDS = String.raw`(?:instructions?|prompts?|rules|directions|directives|guidelines|context|messages?|commands)`;
const EARLIER = String.raw`(?:previous|prior|above|earlier|preceding|original|initial|system|all|any|your|the)`;

export const INJECTION_RULES: readonly InjectionRule[] = [
  {
    id: "hidden_text",
    description: "Invisible characters that hide text from a human reader: zero-width characters, Unicode tag characters, bidirectional overrides",
    // U+200B–U+200D zero-width, U+2060 word joiner, U+FEFF inside text, U+202A–U+202E and U+2066–U+2069 bidi controls, U+E0000–U+E007F tags
    pattern: /[\u200B-\u200D\u2060\u202A-\u202E\u2066-\u2069]|(?<!^)\uFEFF|[\u{E0000}-\u{E007F}]/u,
  },
  {
    id: "instruction_override",
    description: "Asks the model to ignore, disregard or forget the instructions it was given",
    hint: ["ignore", "disregard", "forget", "override", "bypass", "skip", "instruction", "no longer", "follow"],
    pattern: new RegExp(
      String.raw`\b(?:ignore|disregard|forget|override|bypass|skip)\s+(?:(?:all|any|every|each|of|the|your|my|these|those|previous|prior|above|earlier|preceding|original|initial|system)\s+){1,4}${WORDS}` +
        String.raw`|\b(?:ignore|disregard|forget)\s+(?:everything|all)\s+(?:(?:you(?:'ve| have)? (?:been|were) told)|(?:above|before|previously|so far))` +
        String.raw`|\bnew\s+(?:system\s+)?instructions?\s*:` +
        String.raw`|\byou\s+are\s+no\s+longer\s+(?:bound|restricted|an?\s+ai|chatgpt|claude|an?\s+assistant)` +
        String.raw`|\bdo\s+not\s+follow\s+(?:${EARLIER}\s+){1,3}${WORDS}`,
      "i",
    ),
  },
  {
    id: "prompt_exfiltration",
    description: "Asks the model to reveal its system prompt or hidden instructions",
    hint: ["system", "initial", "hidden", "instructions above", "developer message"],
    pattern: /\b(?:reveal|print|show|repeat|output|leak|display|tell me)\s+(?:me\s+)?(?:your|the)\s+(?:full\s+|entire\s+|original\s+|hidden\s+|secret\s+)?(?:system\s+prompt|initial\s+(?:prompt|instructions)|hidden\s+instructions|instructions\s+above|developer\s+message)/i,
  },
  {
    id: "roleplay_jailbreak",
    description: "Role-play jailbreak markers: DAN, developer mode, personas without restrictions",
    hint: ["dan", "anything now", "mode", "pretend", "imagine", "act as", "no restrictions", "no rules", "no filters", "no guidelines", "no ethical"],
    pattern: new RegExp(
      String.raw`\bDAN\s+(?:mode|prompt)\b|\byou\s+are\s+(?:now\s+)?DAN\b|\bdo\s+anything\s+now\b` +
        String.raw`|\b(?:developer|god|jailbreak|unrestricted|dude)\s+mode\s+(?:enabled|on|activated)` +
        String.raw`|\benable\s+(?:developer|god|jailbreak)\s+mode\b` +
        String.raw`|\b(?:pretend|imagine|act\s+as\s+if)\s+(?:that\s+)?(?:you\s+are|you're|to\s+be)\b[^.\n]{0,80}\b(?:no|without|free\s+(?:of|from))\s+(?:any\s+)?(?:restrictions|rules|filters|limits|guidelines|ethics|censorship)` +
        String.raw`|\bact\s+as\s+(?:an?\s+)?(?:unrestricted|unfiltered|uncensored|jailbroken|evil)\b` +
        String.raw`|\byou\s+(?:have|has)\s+no\s+(?:restrictions|rules|filters|guidelines|ethical\s+guidelines)\b`,
      "i",
    ),
  },
  {
    id: "fake_role_marker",
    description: "Chat-template or role markers inside user text, impersonating the system",
    hint: ["<|", "[inst]", "[/inst]", "<<sys>>", "system"],
    pattern: /<\|im_start\|>\s*system|<\|(?:system|start_header_id)\|>|\[\/?INST\]|<<SYS>>|^\s*#{2,}\s*system\s*:|^\s*system\s*:\s*you\s+(?:are|must)|<\/?system>/im,
  },
];

export interface InjectionResult {
  flagged: boolean;
  /** The first rule that matched (rules are checked in INJECTION_RULES order). */
  rule: string | null;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Per rule, its hint words as one case-sensitive pattern over the lowercased text (no /i: 3–4× faster). */
const HINTS = new Map(INJECTION_RULES.filter((r) => r.hint).map((r) => [r.id, new RegExp(r.hint!.map(escape).join("|"))]));
const ANY_HINT = new RegExp([...new Set(INJECTION_RULES.flatMap((r) => r.hint ?? []))].map(escape).join("|"));

export function detectInjection(text: string): InjectionResult {
  let lower: string | undefined;
  for (const r of INJECTION_RULES) {
    if (r.hint) {
      if (lower === undefined) {
        lower = text.toLowerCase();
        if (!ANY_HINT.test(lower)) return { flagged: false, rule: null };
      }
      if (!HINTS.get(r.id)!.test(lower)) continue;
    }
    if (r.pattern.test(text)) return { flagged: true, rule: r.id };
  }
  return { flagged: false, rule: null };
}

/** Checks several texts (input, then each retrieved context chunk); the first hit decides. */
export function detectInjectionIn(texts: Iterable<string | null | undefined>): InjectionResult {
  for (const t of texts) {
    if (!t) continue;
    const r = detectInjection(t);
    if (r.flagged) return r;
  }
  return { flagged: false, rule: null };
}

import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<string, Tone> = { firing: "bad", no_data: "warn", pending: "warn", recovering: "accent", resolved: "ok" };

/** An incident's state, with its severity while it fires. */
export function StateBadge({ state, severity }: { state: string; severity?: string | null }) {
  const tone = state === "firing" && severity === "warning" ? "warn" : (TONES[state] ?? "neutral");
  return <Badge tone={tone}>{state.replace("_", " ")}{state === "firing" && severity ? ` · ${severity}` : ""}</Badge>;
}

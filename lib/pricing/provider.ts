/**
 * Providers as a price or a usage rule needs them: the many spellings of one vendor
 * (`gen_ai.provider.name` "gcp.gemini", Vercel's "anthropic.messages", OpenInference's
 * "anthropic", Bedrock model ids) folded into one family name.
 */
const FAMILIES: [RegExp, string][] = [
  [/anthropic|claude/, "anthropic"],
  [/azure/, "azure"],
  [/openai|gpt-|^o\d/, "openai"],
  [/gemini|vertex|google|gcp/, "google"],
  [/mistral/, "mistral"],
  [/bedrock|aws/, "aws.bedrock"],
];

export function providerFamily(provider: string | null | undefined): string | null {
  if (!provider) return null;
  const p = provider.toLowerCase();
  for (const [re, family] of FAMILIES) if (re.test(p)) return family;
  return p;
}

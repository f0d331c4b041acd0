/** The demo project's cast: models, prompts with versioned templates, and sample texts. */
export interface DemoPrompt {
  key: string;
  model: string;
  share: number;
  versions: { version: number; template: string; labels: string[]; latencyMs: number; outTokens: number; hallucination: number }[];
  judged: boolean;
}

export const DEMO_PROMPTS: DemoPrompt[] = [
  {
    key: "support-answer", model: "gpt-4o", share: 0.34, judged: true,
    versions: [
      { version: 1, labels: [], latencyMs: 900, outTokens: 180, hallucination: 0.12, template: "You are a support agent for {{product}}.\nAnswer the customer's question.\n\nQuestion: {{question}}" },
      { version: 2, labels: ["staging"], latencyMs: 1050, outTokens: 210, hallucination: 0.06, template: "You are a support agent for {{product}}.\nAnswer ONLY from the knowledge base excerpts below. If the answer is not there, say so.\n\nExcerpts:\n{{context}}\n\nQuestion: {{question}}" },
      { version: 3, labels: ["production"], latencyMs: 1400, outTokens: 260, hallucination: 0.04, template: "You are a support agent for {{product}}.\nAnswer ONLY from the knowledge base excerpts below and cite the excerpt number. If the answer is not there, say so and offer a human handoff.\n\nExcerpts:\n{{context}}\n\nConversation so far:\n{{history}}\n\nQuestion: {{question}}" },
    ],
  },
  {
    key: "rag-summarize", model: "claude-sonnet-4", share: 0.22, judged: true,
    versions: [
      { version: 1, labels: [], latencyMs: 2100, outTokens: 320, hallucination: 0.09, template: "Summarise the documents below in five bullet points.\n\n{{documents}}" },
      { version: 2, labels: ["production"], latencyMs: 1800, outTokens: 240, hallucination: 0.05, template: "Summarise the documents below in at most five bullet points. Every bullet must be supported by a quoted sentence.\n\n{{documents}}" },
    ],
  },
  {
    key: "sql-generator", model: "gpt-4o", share: 0.12, judged: false,
    versions: [
      { version: 1, labels: [], latencyMs: 700, outTokens: 90, hallucination: 0, template: "Write a SQLite query for: {{request}}\nSchema:\n{{schema}}" },
      { version: 2, labels: ["production"], latencyMs: 750, outTokens: 110, hallucination: 0, template: "Write ONE read-only SQLite query for: {{request}}\nUse only these tables:\n{{schema}}\nReturn SQL only." },
    ],
  },
  {
    key: "ticket-triage", model: "llama-3.1-70b-internal", share: 0.2, judged: false,
    versions: [
      { version: 1, labels: [], latencyMs: 420, outTokens: 12, hallucination: 0, template: "Classify the ticket into billing, bug, how-to or other.\n{{ticket}}" },
      { version: 2, labels: [], latencyMs: 450, outTokens: 14, hallucination: 0, template: "Classify the ticket into billing, bug, how-to, account or other. Answer with the label only.\n{{ticket}}" },
      { version: 3, labels: ["production"], latencyMs: 380, outTokens: 10, hallucination: 0, template: "Label: billing | bug | how-to | account | other\nTicket: {{ticket}}\nLabel:" },
    ],
  },
  {
    key: "product-qa", model: "claude-sonnet-4", share: 0.12, judged: true,
    versions: [
      { version: 1, labels: [], latencyMs: 1300, outTokens: 150, hallucination: 0.08, template: "Answer the shopper's question about {{product}}: {{question}}" },
      { version: 2, labels: ["production"], latencyMs: 1250, outTokens: 140, hallucination: 0.05, template: "Answer the shopper's question about {{product}} using the spec sheet:\n{{spec}}\nQuestion: {{question}}" },
    ],
  },
];

export const DEMO_QUESTIONS = [
  "How do I reset my password?",
  "Can I get a refund after 30 days?",
  "Why was my card declined?",
  "Does the Pro plan include SSO?",
  "How do I export my data to CSV?",
  "Is there an API rate limit?",
  "Can I change the billing email?",
  "What regions do you host data in?",
];

export const DEMO_ANSWERS = [
  "You can reset it from Settings → Security → Reset password. A link is emailed to you.",
  "Refunds are available within 30 days of purchase. After that we offer account credit.",
  "Declines usually come from the issuing bank. Please check with them or try another card.",
  "Yes, SAML SSO is included in the Pro plan and above.",
  "Open Reports, choose the range and click Export → CSV.",
  "The API allows 600 requests per minute per key.",
  "Billing email can be changed by an owner under Billing → Contacts.",
  "Data is hosted in the EU (Frankfurt) and the US (Oregon).",
];

export const DEMO_CONTEXT = [
  "KB-12: Password resets are self-service under Settings → Security.",
  "KB-31: Refund window is 30 days; credit is offered afterwards.",
  "KB-07: SSO (SAML 2.0) is available on Pro and Enterprise.",
  "KB-44: API keys are limited to 600 requests per minute.",
];

export const DEMO_ERRORS = ["429 rate limit exceeded", "upstream timeout after 30000 ms", "context length exceeded", "503 model overloaded"];

export const COUNTRIES = ["DE", "FR", "US", "GB", "NL", "ES", "IT", "PL"];
export const MERCHANT_CATEGORIES = ["grocery", "electronics", "travel", "gaming", "fashion", "utilities"];

import type { Role, Scope } from "@/db/schema";

export type Principal =
  | { kind: "api_key"; keyId: number; projectId: number; scopes: Scope[] }
  | { kind: "session"; userId: number; email: string; projectId: number; role: Role };

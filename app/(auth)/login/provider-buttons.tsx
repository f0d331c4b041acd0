"use client";

import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import type { ExternalProviderInfo } from "@/lib/auth/external-providers";

/** Single sign-on buttons for the providers the installation configured (none by default). */
export function ProviderButtons({ providers, callbackUrl }: { providers: ExternalProviderInfo[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-4 flex flex-col gap-2 border-t border-border pt-4">
      {providers.map((p) => (
        <Button key={p.id} size="md" onClick={() => signIn(p.id, { callbackUrl })}>
          Continue with {p.name}
        </Button>
      ))}
    </div>
  );
}

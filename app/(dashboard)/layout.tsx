import { AppShell } from "@/components/layout/app-shell";
import { requirePageUser } from "@/lib/auth/current-user";
import { Providers } from "../providers";

/** Every dashboard page is behind a login; pages check again for their own project. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <Providers>
      <AppShell user={{ email: user.email, projects: user.projects.map((p) => ({ slug: p.slug, name: p.name })) }}>{children}</AppShell>
    </Providers>
  );
}

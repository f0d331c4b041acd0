import type { Metadata } from "next";
import { cookies } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sightline", template: "%s · Sightline" },
  description: "Self-hosted observability for production ML and LLM systems",
};

/** Theme comes from a cookie so the server renders the right class and nothing flashes. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = (await cookies()).get("theme")?.value === "light" ? "light" : "dark";
  return (
    <html lang="en" className={theme === "dark" ? "dark" : undefined}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}

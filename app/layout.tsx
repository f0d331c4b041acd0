import type { Metadata } from "next";
import { cookies } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sightline", template: "%s · Sightline" },
  description: "Self-hosted observability for production ML and LLM systems",
};

/**
 * Before any choice is stored the page follows the system setting. This runs before first
 * paint, so a dark system never flashes light; an explicit cookie choice is rendered by the
 * server and the script leaves it alone.
 */
const FOLLOW_SYSTEM = `(function(){var c=document.documentElement.classList;if(c.contains("dark")||c.contains("light"))return;if(window.matchMedia("(prefers-color-scheme: dark)").matches)c.add("dark");})();`;

/** Theme comes from a cookie when chosen (no flash), otherwise from the system preference. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const choice = (await cookies()).get("theme")?.value;
  const theme = choice === "light" || choice === "dark" ? choice : undefined;
  return (
    <html lang="en" className={theme} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: FOLLOW_SYSTEM }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}

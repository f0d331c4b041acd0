"use client";

import { useSyncExternalStore } from "react";

type Theme = "light" | "dark";

function currentTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

/** The class on <html> is the source of truth; a MutationObserver lets the button follow it. */
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/**
 * Shows the theme in use and switches to the other one. Until a choice is made the page
 * follows the system setting (the root layout's inline script); the first click stores an
 * explicit choice in the `theme` cookie the root layout reads.
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => null);
  function toggle() {
    const next: Theme = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.classList.toggle("dark", next === "dark");
    document.documentElement.classList.toggle("light", next === "light");
    document.cookie = `theme=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={theme === null ? undefined : theme === "dark"}
      className="text-xs text-muted hover:text-fg"
      title="Switch between the light and dark theme"
    >
      Dark theme{theme === null ? "" : theme === "dark" ? ": on" : ": off"}
    </button>
  );
}

"use client";

/** Flips the `dark` class and remembers the choice in a cookie the root layout reads. */
export function ThemeToggle() {
  function toggle() {
    const dark = document.documentElement.classList.toggle("dark");
    document.cookie = `theme=${dark ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <button type="button" onClick={toggle} className="text-xs text-muted hover:text-fg" aria-label="Toggle dark mode">
      Theme
    </button>
  );
}

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Looks at the page as it stands (form state kept: the theme flips by the class the toggle sets,
 * no reload) in both themes at 1440×900 and 390×844: no sideways scroll, no serious or critical
 * axe violation, and a full-page screenshot into docs/screenshots/ when a name is given.
 */
export async function lookEverywhere(page: Page, screenshot?: string) {
  for (const theme of ["dark", "light"] as const) {
    await page.evaluate((dark) => {
      document.documentElement.classList.toggle("dark", dark);
      document.documentElement.classList.toggle("light", !dark);
    }, theme === "dark");
    for (const [w, h, suffix] of [[1440, 900, ""], [390, 844, "-mobile"]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300); // let charts re-measure before the check and the picture
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${theme} ${w}px: document wider than the viewport`).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${theme} ${w}px ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
      if (screenshot) await page.screenshot({ path: `docs/screenshots/${screenshot}${suffix}${theme === "light" ? "-light" : ""}.png`, fullPage: true });
    }
  }
  await page.evaluate(() => {
    document.documentElement.classList.add("dark");
    document.documentElement.classList.remove("light");
  });
  await page.setViewportSize({ width: 1440, height: 900 });
}

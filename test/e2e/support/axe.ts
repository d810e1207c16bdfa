import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * axe-core on the page as it is now. Serious and critical findings fail the test, with
 * each rule, its help text and the elements it found, so the message says what to fix.
 * Moderate and minor findings are returned (not asserted) for whoever wants to look.
 *
 * Call it wherever a test has reached a screen worth checking:
 *   await expectAccessible(page, 'participant screen');
 * Rules run against WCAG 2.0–2.2 A and AA plus axe's best practices; none are switched
 * off: fix the screen, not the rule.
 */
export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

/** Animations that will end (not the endless "connecting" pulse) still running on the page. */
const endingAnimations = (page: Page): Promise<number> =>
  page.locator('body').evaluate((body) => {
    // No DOM types in the tests' tsconfig: say what is read from each animation.
    const all = Array.from<{ playState: string; effect: { getComputedTiming(): { endTime?: unknown } } | null }>(body.ownerDocument.getAnimations());
    return all.filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).length;
  });

export async function axeFindings(page: Page): Promise<Finding[]> {
  // Let the screen settle: halfway through a fade-in, text is fainter than it will be.
  await page.waitForLoadState('domcontentloaded');
  await expect.poll(() => endingAnimations(page), { message: 'animations still running before the accessibility check', timeout: 15_000 }).toBe(0);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  if (process.env.A11Y_LOG) console.log('needs review:', result.incomplete.map((r) => `${r.id} ${r.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

export async function expectAccessible(page: Page, screen: string): Promise<Finding[]> {
  const findings = await axeFindings(page);
  const blocking = findings.filter((f) => BLOCKING.has(f.impact));
  const said = blocking.map((f) => `${f.impact} ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`);
  // Soft: one run lists every screen that needs work, and the test still fails.
  expect.soft(said, `accessibility of ${screen}`).toEqual([]);
  if (process.env.A11Y_LOG) console.log(screen, JSON.stringify(findings, null, 1));
  return findings.filter((f) => !BLOCKING.has(f.impact));
}

const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 900 };

/** The same screen at its own size and at the other one (phone ↔ laptop), then back. */
export async function expectAccessibleAtBothSizes(page: Page, screen: string): Promise<Finding[]> {
  const own = page.viewportSize() ?? LAPTOP;
  const other = own.width > 600 ? PHONE : LAPTOP;
  const found = await expectAccessible(page, `${screen} (${own.width}px wide)`);
  await page.setViewportSize(other);
  found.push(...(await expectAccessible(page, `${screen} (${other.width}px wide)`)));
  await page.setViewportSize(own);
  return found;
}

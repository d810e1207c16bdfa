import type { Locator, Page } from 'playwright-core';

/**
 * Helpers for the notes end-to-end tests. Like the rest of the e2e support, they find
 * things by role and accessible name; carets are the one visual-only thing (they are
 * hidden from screen readers on purpose) and are found by their class.
 */

/** From a participant's place or the console: open the documents list. */
export async function openDocsList(page: Page, linkName: string | RegExp): Promise<void> {
  await page.getByRole('link', { name: linkName }).click();
  await page.getByRole('heading', { name: 'Notes and toolkit drafts', level: 1 }).waitFor();
}

/** In the documents list: open one document and wait until its text is loaded. */
export async function openDoc(page: Page, section: string, title: string | RegExp): Promise<Locator> {
  await page.getByRole('region', { name: section }).getByRole('link', { name: title }).click();
  const editor = page.getByRole('textbox', { name: title });
  await editor.waitFor();
  return editor;
}

/** The document's connection state, once it says `text`. */
export async function docStatus(page: Page, text: string | RegExp, timeout?: number): Promise<void> {
  await page.getByRole('status', { name: 'Document connection' }).filter({ hasText: text }).waitFor(timeout ? { timeout } : undefined);
}

/** Put the caret at the very end of the text and type a new paragraph. */
export async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Another person's caret, with their name on it, inside this page's editor. */
export const caretOf = (page: Page, name: string): Locator => page.locator('.collaboration-carets__label', { hasText: name });

export const whoIsHere = (page: Page): Locator => page.getByRole('region', { name: /^Here now/ }).getByRole('listitem');

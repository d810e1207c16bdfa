/**
 * What an email may say about a convening. Mail leaves the server for inboxes we cannot
 * recall, forwarded and read over shoulders, so it carries less than the community home:
 * no caucus is ever named, and no member is named at all (nor who is in a caucus).
 * Reminders take only the title, the outline and the community's name, each through here.
 */
export interface MailableConvening {
  communityName: string;
  title: string;
  outline: string[];
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en');

/** Whether a text mentions any of these caucus names (case and width folded). */
export function namesCaucus(text: string, caucusNames: readonly string[]): boolean {
  const t = fold(text);
  return caucusNames.some((name) => name.trim() !== '' && t.includes(fold(name.trim())));
}

/**
 * The convening as a mail may show it: outline items that mention a caucus are left out,
 * and a title or community name that does becomes a plain one.
 */
export function mailableConvening(c: MailableConvening, caucusNames: readonly string[]): MailableConvening {
  const communityName = namesCaucus(c.communityName, caucusNames) ? 'your community' : c.communityName;
  return {
    communityName,
    title: namesCaucus(c.title, caucusNames) ? `A convening of ${communityName}` : c.title,
    outline: c.outline.filter((item) => !namesCaucus(item, caucusNames)),
  };
}

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTree } from './check.ts';
import { findLiteralText } from './literal.ts';
import { NOT_YET_TRANSLATED } from './todo.ts';

const texts = (source: string) => findLiteralText(source).map((f) => `${f.where}: ${f.text}`);

describe('literal text in components', () => {
  it('finds JSX text with letters, and leaves punctuation and spacing alone', () => {
    expect(texts('const A = () => <p>Welcome back <b>{name}</b> · </p>;')).toEqual(['text: Welcome back']);
    expect(texts('const A = () => <p>{t("app:hello")} — {count}</p>;')).toEqual([]);
  });

  it('finds Spanish and other scripts too', () => {
    expect(texts('const A = () => <p>Únete</p>;')).toEqual(['text: Únete']);
  });

  it('finds words in attributes people read or hear, not in class names or ids', () => {
    const found = texts(
      'const A = () => <><button aria-label="Close" className="close button" id="x" /><img alt="A map" src="m.png" /><input placeholder={"Your name"} /><Field label="Email" name="email" /></>;',
    );
    expect(found).toEqual(['aria-label: Close', 'alt: A map', 'placeholder: Your name', 'label: Email']);
  });

  it('finds string literals rendered from an expression, through ?:, && and templates', () => {
    const found = texts('const A = () => <p title={busy ? "Saving" : t("x")}>{ok && "Saved"}{`${n} people`}{label ?? "None"}</p>;');
    expect(found).toEqual(['title: Saving', 'expression: Saved', 'expression: people', 'expression: None']);
  });

  it('finds label-like props of our components, also when a function returns the words', () => {
    const found = texts('const A = () => <EditableList addLabel="Add one" rowLabel={(i) => `Row ${i + 1}`} keepLabel={t("keep")} onChange={(x) => setX("draft")} />;');
    expect(found).toEqual(['addLabel: Add one', 'rowLabel: Row']);
  });

  it('leaves keys passed to t() and values of non-reading attributes alone', () => {
    expect(texts('const A = () => <div role="status" data-state={on ? "open" : "closed"}>{t(on ? "app:on" : "app:off")}</div>;')).toEqual([]);
  });

  it('fails for a converted folder: every folder outside the to-do list renders no literal text', () => {
    const findings = checkTree(resolve(import.meta.dirname, '../../apps/web/src'), NOT_YET_TRANSLATED);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});

// Finds words a .tsx component shows to people without going through the catalogue:
// JSX text with letters, string literals in attributes people read or hear (aria-label,
// title, placeholder, alt and our components' label-like props, also when an arrow
// function returns them), and string literals rendered straight from a JSX expression
// ({ok ? 'Saved' : 'Save'}).
import ts from 'typescript';

/** Attributes whose value a person reads or a screen reader speaks. */
const READ_EXACT = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  // Props of our own components that end up as visible words.
  'label',
  'hint',
  'legend',
  'empty',
  'action',
  'confirm',
  'question',
  'explanation',
  'description',
  'heading',
  'summary',
  'message',
]);
/** …and any prop named like one: addLabel, rowLabel, keepLabel, emptyText, helpTitle. */
const READ_SUFFIX = /(Label|Text|Title|Hint|Message|Question|Heading)$/;

export const isReadAttribute = (name: string): boolean => READ_EXACT.has(name) || READ_SUFFIX.test(name);

export interface LiteralText {
  line: number;
  column: number;
  text: string;
  /** 'text' for a JSX text node, otherwise the attribute or 'expression'. */
  where: string;
}

const LETTER = /\p{L}/u;

/** Walks past wrappers that still render the literal: (a), a ?? b, c ? a : b, x && a. */
function renderedFromExpression(node: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent) {
    if (ts.isJsxExpression(parent)) return !ts.isJsxAttribute(parent.parent) || isReadAttribute(attributeName(parent.parent));
    if (ts.isParenthesizedExpression(parent)) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    // rowLabel={(i) => `Agreement ${i + 1}`}: what the arrow returns is rendered.
    if (ts.isArrowFunction(parent) && parent.body === child) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (ts.isConditionalExpression(parent) && parent.condition !== child) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (ts.isBinaryExpression(parent) && parent.right === child && isChoiceOperator(parent.operatorToken.kind)) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    return false;
  }
  return false;
}

const isChoiceOperator = (kind: ts.SyntaxKind) =>
  kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;

function attributeName(attr: ts.JsxAttribute): string {
  return ts.isIdentifier(attr.name) ? attr.name.text : `${attr.name.namespace.text}:${attr.name.name.text}`;
}

function literalValue(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return null;
}

/** Every piece of literal text `source` (a .tsx file's contents) renders. */
export function findLiteralText(source: string, fileName = 'component.tsx'): LiteralText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralText[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push({ line: line + 1, column: character + 1, text: text.trim().replace(/\s+/g, ' '), where });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, node.text, 'text');
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = attributeName(node);
      if (isReadAttribute(name) && LETTER.test(node.initializer.text)) report(node, node.initializer.text, name);
    } else {
      const value = literalValue(node);
      if (value !== null && LETTER.test(value) && renderedFromExpression(node)) {
        const attr = ts.findAncestor(node, ts.isJsxAttribute);
        report(node, value, attr ? attributeName(attr) : 'expression');
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

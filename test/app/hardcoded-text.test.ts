/**
 * English and French throughout: text the pages put on screen comes from the catalogs
 * (src/strings), never from a string literal in the code. This test reads the page code
 * with the TypeScript parser and lists every literal with a word in it (three letters or more)
 * that goes into the page: `textContent =`, `append(…)`, `createTextNode(…)`, the HUD's
 * `h(tag, attrs, …children)` and `setText`, text attributes (`aria-label`, `title`,
 * `placeholder`, `alt`), `alert`/`confirm`, and the values put into a translated message
 * (`t(key, { reason: '…' })`). Class names, ids and keys are not looked at.
 * A heuristic: a literal that is not language (a code sample, a unit symbol) goes in ALLOWED
 * with the reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCANNED = ['src/ui', 'src/main.ts', 'src/instructor', 'src/dashboard'];
const SKIPPED = ['src/strings/'];

/** `file: literal` pairs that are not language, with why. */
const ALLOWED: Record<string, string> = {};

const TEXT_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'alt', 'ariaLabel', 'ariaDescription', 'ariaRoleDescription', 'ariaValueText', 'label']);
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
/** Calls whose arguments (all of them) are put on the page as text. */
const TEXT_CALLS = new Set(['append', 'prepend', 'replaceChildren', 'before', 'after', 'replaceWith', 'createTextNode', 'alert', 'confirm', 'prompt', 'showMessage', 'announce', 'showNotice', 'showFeedback']);
/** Calls whose arguments from this index on are text: `h(tag, attrs, ...children)`, `setText(el, text)`, `replace(el, ...children)`, main.ts's `rejectSave(save, reason)`. */
const TEXT_CALLS_FROM: Record<string, number> = { h: 2, setText: 1, replace: 1, rejectSave: 1 };

const WORD = /\p{L}{3,}/u;

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full).flatMap((name) => files(join(path, name)));
}

/** The literal text of an expression, with `${…}` holes removed; null when it is not literal text. */
function literalText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts = [literalText(node.left), literalText(node.right)].filter((p): p is string => p !== null);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  if (ts.isConditionalExpression(node)) {
    const parts = [literalText(node.whenTrue), literalText(node.whenFalse)].filter((p): p is string => p !== null);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return literalText(node.right);
  }
  return null;
}

const calleeName = (call: ts.CallExpression): string | null =>
  ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : null;

const propertyName = (name: ts.PropertyName): string | null => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

export function findHardCodedText(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: Finding[] = [];
  const check = (node: ts.Expression | undefined): void => {
    if (!node) return;
    const text = literalText(node);
    if (text !== null && WORD.test(text) && !(`${file}: ${text}` in ALLOWED)) {
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.replace(/\s+/g, ' ').trim() });
    }
  };
  const visit = (node: ts.Node): void => {
    // el.textContent = '…'
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && TEXT_PROPERTIES.has(node.left.name.text)) {
      check(node.right);
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name !== null) {
        const from = TEXT_CALLS.has(name) ? 0 : TEXT_CALLS_FROM[name];
        if (from !== undefined) node.arguments.slice(from).forEach(check);
        // el.setAttribute('aria-label', '…')
        const [first, second] = node.arguments;
        if (name === 'setAttribute' || name === 'setAttr') {
          const attribute = name === 'setAttr' ? node.arguments[1] : first;
          const value = name === 'setAttr' ? node.arguments[2] : second;
          if (attribute && ts.isStringLiteral(attribute) && TEXT_ATTRIBUTES.has(attribute.text)) check(value);
        }
        // t('menu.failed', { reason: 'the file is too large' }): the message is translated, its reason is not.
        if (name === 't' && second && ts.isObjectLiteralExpression(second)) {
          for (const property of second.properties) if (ts.isPropertyAssignment(property)) check(property.initializer);
        }
        // h('button', { 'aria-label': '…', title: '…' }, …)
        if (name === 'h' && second && ts.isObjectLiteralExpression(second)) {
          for (const property of second.properties) {
            if (ts.isPropertyAssignment(property) && TEXT_ATTRIBUTES.has(propertyName(property.name) ?? '')) check(property.initializer);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('text on the page comes from the catalogs', () => {
  const scanned = SCANNED.flatMap(files)
    .map((f) => relative(ROOT, join(ROOT, f)))
    .filter((f) => f.endsWith('.ts') && !SKIPPED.some((s) => f.startsWith(s)));

  it('the scan covers the game, the instructor pages and the dashboard', () => {
    expect(scanned).toContain('src/main.ts');
    expect(scanned.some((f) => f.startsWith('src/ui/hud/'))).toBe(true);
    expect(scanned.some((f) => f.startsWith('src/instructor/'))).toBe(true);
    expect(scanned.some((f) => f.startsWith('src/dashboard/'))).toBe(true);
  });

  it('finds what it is meant to find', () => {
    const sample = [
      "el.textContent = 'Loading the map';",
      'box.append(`${n} problems found`);',
      "h('p', { class: 'note', 'aria-label': 'Close the dialog' }, 'Saved');",
      "button.setAttribute('title', 'Export');",
      "el.textContent = t('menu.start');",
      "h('span', { class: 'long-class-name' }, ' · ', 42);",
      "el.setAttribute('data-status', 'arrived');",
      "showMessage(t('menu.failed', { reason: 'the file is too large', n: 3 }));",
    ].join('\n');
    expect(findHardCodedText('sample.ts', sample).map((f) => f.text)).toEqual(['Loading the map', 'problems found', 'Saved', 'Close the dialog', 'Export', 'the file is too large']);
  });

  it('numbers, dates and money are formatted by src/app/i18n.ts (Intl, in the player\'s language), not by hand', () => {
    const byHand = /\.(toFixed|toPrecision|toLocaleString|toLocaleDateString|toLocaleTimeString)\s*\(|\bCFA\b['"`]|['"`]\s*F?CFA\b/;
    const offenders = scanned.filter((file) => byHand.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no string literal with words goes into the page', () => {
    const findings = scanned.flatMap((file) => findHardCodedText(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});

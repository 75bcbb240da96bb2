/**
 * "Hand in your result": the dialog a student sees when exporting a game for the class.
 * It asks for an alias or initials (never a real name), then downloads the result file or
 * shows it as a code to copy (for phones and locked-down machines where handing in a file
 * is awkward). Nothing is sent anywhere: the file or code is the student's to give.
 *
 * Used by the game page: `openResultExport({ result: (alias) => session.result(alias), fileName })`.
 */
import './export-dialog.css';
import { addStrings, t } from '../app/i18n';
import { cleanAlias, MAX_ALIAS_CHARS, resultCode } from '../app/results';
import type { ResultFile } from '../sim/result';
import { h } from '../ui/dom';
import { instructor } from '../strings/instructor';
import { copyText, downloadText } from './page';

addStrings(instructor);

export interface ResultExportOptions {
  /** The result file, with the alias the student typed. */
  result: (alias: string) => ResultFile;
  /** Start of the file name, e.g. "bamako-2025-1234"; the alias and "-result.json" are added. */
  fileName: string;
  /** Called once the dialog has closed (focus goes back to where it was). */
  onClose?: () => void;
}

/** The alias typed last, offered again for the next export during this visit only. */
let lastAlias = '';

/** Letters and digits of the alias, for a file name a teacher can sort. */
function fileSlug(alias: string): string {
  return alias
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
}

export function openResultExport(options: ResultExportOptions): { close(): void } {
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const alias = h('input', { id: 'result-alias', type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: MAX_ALIAS_CHARS * 2, value: lastAlias, 'aria-describedby': 'result-alias-help result-alias-error' });
  const aliasError = h('p', { id: 'result-alias-error', class: 'field-error', hidden: true });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const codeField = h('textarea', { id: 'result-code', readonly: true, rows: 5, spellcheck: 'false', 'aria-describedby': 'result-code-help result-code-length' });
  const codeLength = h('p', { id: 'result-code-length', class: 'muted small' });
  const codeBox = h(
    'div',
    { class: 'result-code', hidden: true },
    h('label', { for: 'result-code' }, t('resultExport.codeLabel')),
    h('p', { id: 'result-code-help', class: 'help' }, t('resultExport.codeHelp')),
    codeField,
    codeLength,
    h(
      'button',
      {
        type: 'button',
        onclick: () => void copyText(codeField.value, codeField).then((ok) => (status.textContent = t(ok ? 'resultExport.copied' : 'resultExport.copyFailed'))),
      },
      t('resultExport.copy'),
    ),
  );

  /** The alias if it is valid; otherwise the field says why and takes the focus. */
  const checkedAlias = (): string | null => {
    const clean = cleanAlias(alias.value);
    aliasError.hidden = clean !== null;
    aliasError.textContent = clean === null ? t('resultExport.aliasInvalid') : '';
    if (clean === null) {
      alias.setAttribute('aria-invalid', 'true');
      alias.focus();
    } else alias.removeAttribute('aria-invalid');
    if (clean !== null) lastAlias = clean;
    return clean;
  };

  const download = (): void => {
    const name = checkedAlias();
    if (name === null) return;
    const slug = fileSlug(name);
    const file = `${options.fileName}${slug ? `-${slug}` : ''}-result.json`;
    downloadText(file, JSON.stringify(options.result(name)), 'application/json');
    status.textContent = t('resultExport.downloaded', { file });
  };

  const showCode = async (): Promise<void> => {
    const name = checkedAlias();
    if (name === null) return;
    status.textContent = t('resultExport.working');
    try {
      const code = await resultCode(options.result(name));
      codeField.value = code;
      codeLength.textContent = t('resultExport.codeLength', { n: code.length });
      codeBox.hidden = false;
      status.textContent = '';
      codeField.focus();
      codeField.select();
    } catch (error) {
      status.textContent = t('resultExport.failed', { reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const dialog = h(
    'dialog',
    { class: 'result-export', 'aria-labelledby': 'result-export-title' },
    h('h2', { id: 'result-export-title' }, t('resultExport.title')),
    h('p', null, t('resultExport.intro')),
    h(
      'form',
      { method: 'dialog', class: 'result-export-form', onsubmit: (event: Event) => (event.preventDefault(), download()) },
      h('div', { class: 'field' }, h('label', { for: 'result-alias' }, t('resultExport.alias')), alias, h('p', { id: 'result-alias-help', class: 'help' }, t('resultExport.aliasHelp')), aliasError),
      h(
        'div',
        { class: 'result-export-actions' },
        h('button', { type: 'submit', class: 'primary' }, t('resultExport.download')),
        h('button', { type: 'button', onclick: () => void showCode() }, t('resultExport.code')),
      ),
    ),
    codeBox,
    status,
    h('div', { class: 'result-export-close' }, h('button', { type: 'button', onclick: () => dialog.close() }, t('resultExport.close'))),
  );

  dialog.addEventListener('close', () => {
    dialog.remove();
    returnTo?.focus();
    options.onClose?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  alias.focus();
  return { close: () => dialog.close() };
}

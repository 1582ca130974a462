import { useI18n } from '../i18n.js';
import type { LetterDraft } from './useLetterDraft.js';

/** The linter's findings beside the letter, and for a stored letter: PDF preview and send. */
export function FindingsPanel({
  draft,
  busy,
  onPreview,
  onSend,
}: {
  draft: LetterDraft;
  busy: boolean;
  onPreview: () => void;
  onSend: () => void;
}) {
  const { t } = useI18n();
  const { findings, letter, checking, errors } = draft;
  const sent = letter?.status === 'sent';
  return (
    <aside className="bo-findings" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('lintFindings')}</h2>
      <div aria-live="polite" role="status" data-testid="lint-status">
        {checking ? t('checking') : findings && findings.length === 0 ? t('noFindings') : null}
      </div>
      {findings && findings.length > 0 ? (
        <ul className="bo-finding-list" data-testid="findings">
          {findings.map((f, i) => (
            <li key={i} className={`bo-finding bo-finding--${f.severity}`}>
              <strong>
                {t(`finding_${f.severity}`)} {f.rule}
              </strong>{' '}
              —{' '}
              {f.paragraph ? (
                <a href={`#p-${f.paragraph}`}>{t('paragraph', { n: f.paragraph })}</a>
              ) : (
                t('wholeLetter')
              )}
              <p>{f.message}</p>
              {f.suggestion ? (
                <p>
                  <em>{t('suggestion')}:</em> {f.suggestion}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {letter ? (
        <div className="bo-send">
          {sent ? <p>{t('letterSent')}</p> : null}
          {!sent ? (
            <button
              type="button"
              className="bo-button--secondary"
              onClick={onPreview}
              disabled={busy || checking}
            >
              {draft.dirty ? t('saveAndPreview') : t('makePdf')}
            </button>
          ) : null}
          {draft.pdfReady ? (
            <p>
              <a
                href={`/api/v1/letters/${letter.id}/pdf`}
                target="_blank"
                rel="noopener"
                data-testid="pdf-link"
              >
                {t('pdfPreview')}
              </a>
            </p>
          ) : null}
          {errors.length > 0 ? (
            <p className="bo-field-error">{t('sendBlocked', { n: errors.length })}</p>
          ) : null}
          {!sent ? (
            <button
              type="button"
              disabled={errors.length > 0 || checking || busy || !findings}
              onClick={onSend}
              data-testid="send-letter"
            >
              {t('sendLetter')}
            </button>
          ) : null}
        </div>
      ) : null}
    </aside>
  );
}

import { useI18n } from '../i18n.js';
import type { LetterDraft } from './useLetterDraft.js';

/** The letter's paragraphs as text areas, each with its own findings and, while a draft, its controls. */
export function ParagraphList({
  draft,
  roles,
  withRoles,
  readOnly,
}: {
  draft: LetterDraft;
  roles: string[];
  withRoles: boolean;
  readOnly: boolean;
}) {
  const { t, tm } = useI18n();
  return (
    <ol className="bo-paragraphs">
      {(draft.paragraphs ?? []).map((p, i) => {
        const mine = (draft.findings ?? []).filter((f) => f.paragraph === i + 1);
        const id = `p-${i + 1}`;
        const hasError = mine.some((f) => f.severity === 'error');
        return (
          <li key={p.key} className={hasError ? 'bo-paragraph bo-paragraph--error' : 'bo-paragraph'}>
            <label htmlFor={id}>
              {t('paragraph', { n: i + 1 })}
              {p.heading ? `: ${p.heading}` : ''}
            </label>
            <textarea
              id={id}
              readOnly={readOnly}
              rows={Math.max(2, Math.ceil(p.text.length / 80) + p.text.split('\n').length - 1)}
              value={p.text}
              onChange={(e) => draft.update(p.key, e.target.value)}
              aria-describedby={mine.length ? `${id}-findings` : undefined}
              aria-invalid={hasError}
            />
            {mine.length ? (
              <ul id={`${id}-findings`} className="bo-inline-findings">
                {mine.map((f, j) => (
                  <li key={j}>
                    {f.rule}: {f.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {!readOnly ? (
              <div className="bo-button-row">
                {withRoles ? (
                  <>
                    <label htmlFor={`${id}-role`} className="bo-visually-hidden">
                      {t('paragraphRole', { n: i + 1 })}
                    </label>
                    <select
                      id={`${id}-role`}
                      value={p.role ?? 'kern'}
                      onChange={(e) => draft.setRole(p.key, e.target.value)}
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {tm(`paragraphRole_${r}`, r)}
                        </option>
                      ))}
                    </select>
                  </>
                ) : null}
                <button type="button" className="bo-button--link" onClick={() => draft.add(p.key)}>
                  {t('addParagraph')}
                </button>
                <button
                  type="button"
                  className="bo-button--link"
                  onClick={() => draft.remove(p.key)}
                  aria-label={t('removeParagraph', { n: i + 1 })}
                >
                  ✕
                </button>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

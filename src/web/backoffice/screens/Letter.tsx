import { useEffect, useState } from 'react';
import { ApiError, get, post } from '../api.js';
import { ErrorSummary, Loading, PageHeading } from '../components.js';
import { useI18n } from '../i18n.js';
import { loadOpenApi, type OpenApiDoc } from '../openapi.js';
import { Link } from '../router.js';
import type { CaseDetail, Letter, LetterList } from '../types.js';
import { FindingsPanel } from '../letters/FindingsPanel.js';
import { discover } from '../letters/model.js';
import { ParagraphList } from '../letters/ParagraphList.js';
import { useLetterDraft } from '../letters/useLetterDraft.js';

// The letter composer: the generated letter (POST /api/v1/cases/{id}/letters), editable per
// paragraph, with the linter's findings live beside it (rule ID, paragraph, suggestion), a PDF
// preview (render, then GET …/pdf) and send (blocked while errors remain; the server refuses too).
// Without a case (/letters) it is a free-text lint workbench. The draft and its live findings are
// in letters/useLetterDraft.ts; the paragraphs and the findings panel are components of their own.

export function LetterScreen({ caseId }: { caseId?: string }) {
  const { t, tm, lang } = useI18n();
  const [doc, setDoc] = useState<OpenApiDoc>();
  const [c, setC] = useState<CaseDetail>();
  const [letters, setLetters] = useState<Letter[]>();
  const [kind, setKind] = useState('decision');
  const [regime, setRegime] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    loadOpenApi().then(setDoc, setError);
    if (caseId) {
      get<CaseDetail>(`/api/v1/cases/${caseId}`).then(setC, setError);
      get<LetterList>(`/api/v1/cases/${caseId}/letters`).then((r) => setLetters(r.items), setError);
    }
  }, [caseId]);

  const options = doc ? discover(doc) : undefined;
  const draft = useLetterDraft({
    freeText: !caseId,
    regime: regime ?? c?.regime ?? 'awb',
    kind,
    kinds: options?.kinds ?? [],
    lang,
    onError: setError,
  });

  /** Shows a stored letter and keeps the case's letter list in step (its status after PDF or send). */
  const show = (l: Letter) => {
    draft.open(l);
    setLetters((ls) => ls?.map((x) => (x.id === l.id ? l : x)));
  };

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof ApiError ? e : new Error(String(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const compose = () =>
    run(async () => {
      const l = await post<Letter>(`/api/v1/cases/${caseId}/letters`, {
        kind,
        lang: c?.language === 'en' ? 'en' : 'nl',
      });
      draft.open(l);
      setLetters((ls) => [...(ls ?? []), l]);
    });

  const preview = () =>
    run(async () => {
      const l = await draft.save();
      show(await post<Letter>(`/api/v1/letters/${l.id}/render`));
      draft.markPdfReady();
    });

  const send = () =>
    run(async () => {
      if (draft.errors.length > 0) return;
      let l = await draft.save();
      if (l.status === 'draft') l = await post<Letter>(`/api/v1/letters/${l.id}/render`);
      show(await post<Letter>(`/api/v1/letters/${l.id}/send`));
      setNotice(t('letterSent'));
    });

  if (!doc || !options || (caseId && (!c || !letters)))
    return error ? <ErrorSummary error={error} /> : <Loading />;
  const { letter } = draft;

  return (
    <>
      <PageHeading title={c ? `${t('lettersTitle')}: ${c.reference}` : t('lettersTitle')} />
      {c ? (
        <p>
          <Link to={`/cases/${c.id}`}>{t('caseTitle', { ref: c.reference })}</Link>
        </p>
      ) : null}
      <ErrorSummary error={error} />
      {notice ? (
        <p role="status" className="bo-notice">
          {notice}
        </p>
      ) : null}
      {caseId && letters && letters.length > 0 ? (
        <section aria-labelledby="case-letters-title">
          <h2 id="case-letters-title">{t('caseLetters')}</h2>
          <ul>
            {letters.map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  className="bo-button--link"
                  onClick={() => draft.open(l)}
                  aria-current={letter?.id === l.id ? 'true' : undefined}
                >
                  {l.subject}
                </button>{' '}
                — {tm(`letterStatus_${l.status}`, l.status)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="bo-filter-grid">
        <div className="bo-field">
          <label htmlFor="f-kind">{t('letterKind')}</label>
          <select
            id="f-kind"
            value={draft.kind}
            disabled={!!letter}
            onChange={(e) => setKind(e.target.value)}
          >
            {options.kinds.map((k) => (
              <option key={k} value={k}>
                {tm(`letterKind_${k}`, k)}
              </option>
            ))}
          </select>
        </div>
        {!caseId ? (
          <div className="bo-field">
            <label htmlFor="f-regime">{t('regime')}</label>
            <select id="f-regime" value={draft.regime} onChange={(e) => setRegime(e.target.value)}>
              {options.regimes.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {caseId ? (
          <div className="bo-field">
            {letter ? (
              <button type="button" className="bo-button--secondary" onClick={draft.close}>
                {t('newLetter')}
              </button>
            ) : (
              <button type="button" onClick={() => void compose()} disabled={busy}>
                {t('generateLetter')}
              </button>
            )}
          </div>
        ) : null}
      </div>
      {draft.paragraphs ? (
        <div className="bo-letter-layout">
          <section aria-labelledby="letter-title" className="bo-letter">
            <h2 id="letter-title" className="bo-visually-hidden">
              {letter?.subject ?? t('lettersTitle')}
            </h2>
            <ParagraphList
              draft={draft}
              roles={options.roles}
              withRoles={Boolean(caseId)}
              readOnly={letter?.status === 'sent'}
            />
          </section>
          <FindingsPanel
            draft={draft}
            busy={busy}
            onPreview={() => void preview()}
            onSend={() => void send()}
          />
        </div>
      ) : null}
    </>
  );
}

import { useEffect, useRef, useState } from 'react';
import { ApiError, api, get, post } from '../api.js';
import { ErrorSummary, Loading, PageHeading } from '../components.js';
import { useI18n } from '../i18n.js';
import { loadOpenApi, resolve, type OpenApiDoc } from '../openapi.js';
import { Link } from '../router.js';
import type { CaseDetail, Finding, Letter, LetterList, LintResult } from '../types.js';

// The letter composer: the generated letter (POST /api/v1/cases/{id}/letters), editable per
// paragraph, with the linter's findings live beside it (rule ID, paragraph, suggestion), a PDF
// preview (render, then GET …/pdf) and send (blocked while errors remain; the server refuses too).
// Live findings come from POST /api/v1/letters/lint on the text as edited; saving (PUT) re-lints
// the stored letter on the server. Without a case (/letters) it is a free-text lint workbench.

/** A paragraph in the editor: the API's paragraph with a React key, its role still to be chosen. */
type ApiParagraph = Letter['paragraphs'][number];
interface Paragraph {
  key: number;
  heading?: string | undefined;
  role?: string | undefined;
  item?: ApiParagraph['item'];
  text: string;
}

interface LetterOptions {
  kinds: string[];
  regimes: string[];
  roles: string[];
}

function discover(doc: OpenApiDoc): LetterOptions {
  const lint = doc.paths['/api/v1/letters/lint']?.post;
  const body = resolve(doc, lint?.requestBody?.content?.['application/json']?.schema);
  const compose = resolve(
    doc,
    doc.paths['/api/v1/cases/{id}/letters']?.post?.requestBody?.content?.['application/json']?.schema,
  );
  const put = resolve(
    doc,
    doc.paths['/api/v1/letters/{id}']?.put?.requestBody?.content?.['application/json']?.schema,
  );
  const roles = resolve(doc, resolve(doc, put?.properties?.paragraphs)?.items)?.properties?.role?.enum as
    string[] | undefined;
  return {
    kinds: (resolve(doc, compose?.properties?.kind)?.enum as string[] | undefined) ??
      (resolve(doc, body?.properties?.kind)?.enum as string[] | undefined) ?? ['decision'],
    regimes: (resolve(doc, body?.properties?.regime)?.enum as string[] | undefined) ?? ['awb'],
    roles: roles ?? ['header', 'salutation', 'inleiding', 'kern', 'slot', 'signoff'],
  };
}

let nextKey = 1;
const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  key: nextKey++,
  text,
  ...extra,
});
const fromLetter = (l: Letter) =>
  l.paragraphs.map((p) => para(p.text, { heading: p.heading, role: p.role, item: p.item }));

const toApi = (ps: Paragraph[]) =>
  ps.map((p) => ({
    role: p.role ?? 'kern',
    ...(p.heading ? { heading: p.heading } : {}),
    text: p.text,
    ...(p.item ? { item: p.item } : {}),
  }));

const joinLetter = (ps: Paragraph[]) =>
  ps
    .map((p) =>
      [p.heading, p.text]
        .filter(Boolean)
        .join('\n')
        .replace(/\n\s*\n/g, '\n')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');

export function LetterScreen({ caseId }: { caseId?: string }) {
  const { t, tm, lang } = useI18n();
  const [doc, setDoc] = useState<OpenApiDoc>();
  const [c, setC] = useState<CaseDetail>();
  const [letters, setLetters] = useState<Letter[]>();
  const [letter, setLetter] = useState<Letter>();
  const [kind, setKind] = useState('decision');
  const [regime, setRegime] = useState<string>();
  const [paragraphs, setParagraphs] = useState<Paragraph[] | undefined>(() =>
    caseId ? undefined : [para('')],
  );
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<Finding[]>();
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [pdfReady, setPdfReady] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const lintSeq = useRef(0);

  useEffect(() => {
    loadOpenApi().then(setDoc, setError);
    if (caseId) {
      get<CaseDetail>(`/api/v1/cases/${caseId}`).then(setC, setError);
      get<LetterList>(`/api/v1/cases/${caseId}/letters`).then((r) => setLetters(r.items), setError);
    }
  }, [caseId]);

  const options = doc ? discover(doc) : undefined;
  const effectiveRegime = letter?.regime ?? regime ?? c?.regime ?? 'awb';
  const effectiveKind = letter?.kind ?? kind;
  const lintKind =
    options?.kinds.includes(effectiveKind) && effectiveKind !== 'decision-notice'
      ? effectiveKind
      : 'decision';

  const open = (l: Letter) => {
    setLetter(l);
    setParagraphs(fromLetter(l));
    setFindings(l.findings);
    setDirty(false);
    setPdfReady(l.status !== 'draft');
  };

  // Live findings, 300 ms after the last edit; only the newest answer counts. A stored letter is
  // saved as a draft (PUT) and linted by the server with its paragraph roles; free text goes to
  // POST /api/v1/letters/lint.
  useEffect(() => {
    if (!paragraphs || !dirty) return;
    const text = joinLetter(paragraphs);
    if (!text) return;
    const seq = ++lintSeq.current;
    const timer = setTimeout(() => {
      setChecking(true);
      const request = letter
        ? api<Letter>('PUT', `/api/v1/letters/${letter.id}`, {
            version: letter.version,
            paragraphs: toApi(paragraphs),
          }).then((l) => {
            if (seq !== lintSeq.current) return;
            setLetter(l);
            setFindings(l.findings);
            setDirty(false);
          })
        : post<LintResult>('/api/v1/letters/lint', {
            regime: effectiveRegime,
            kind: lintKind,
            text,
          }).then((r) => {
            if (seq === lintSeq.current) setFindings(r.findings);
          });
      request
        .catch((e) => seq === lintSeq.current && setError(e))
        .finally(() => seq === lintSeq.current && setChecking(false));
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paragraphs, lintKind, effectiveRegime, lang, dirty]);

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
      open(l);
      setLetters((ls) => [...(ls ?? []), l]);
    });

  /** Saves the edited paragraphs (the server re-lints) and returns the stored letter. */
  const save = async (): Promise<Letter> => {
    if (!letter || !paragraphs) throw new Error('no letter');
    if (!dirty) return letter;
    lintSeq.current++;
    const l = await api<Letter>('PUT', `/api/v1/letters/${letter.id}`, {
      version: letter.version,
      paragraphs: toApi(paragraphs),
    });
    open(l);
    return l;
  };

  const preview = () =>
    run(async () => {
      const l = await save();
      open(await post<Letter>(`/api/v1/letters/${l.id}/render`));
      setPdfReady(true);
    });

  const errors = (findings ?? []).filter((f) => f.severity === 'error');

  const send = () =>
    run(async () => {
      if (errors.length > 0) return;
      let l = await save();
      if (l.status === 'draft') l = await post<Letter>(`/api/v1/letters/${l.id}/render`);
      open(await post<Letter>(`/api/v1/letters/${l.id}/send`));
      setNotice(t('letterSent'));
    });

  const edit = (fn: (ps: Paragraph[]) => Paragraph[]) => {
    setParagraphs((ps) => fn(ps ?? []));
    setDirty(true);
    setPdfReady(false);
  };
  const update = (key: number, text: string) =>
    edit((ps) => ps.map((p) => (p.key === key ? { ...p, text } : p)));
  const setRole = (key: number, role: string) =>
    edit((ps) => ps.map((p) => (p.key === key ? { ...p, role } : p)));
  const remove = (key: number) => edit((ps) => ps.filter((p) => p.key !== key));
  const add = (afterKey?: number) =>
    edit((ps) => {
      const i = afterKey === undefined ? ps.length : ps.findIndex((p) => p.key === afterKey) + 1;
      return [...ps.slice(0, i), para('', { role: 'kern' }), ...ps.slice(i)];
    });

  if (!doc || (caseId && (!c || !letters))) return error ? <ErrorSummary error={error} /> : <Loading />;
  const sent = letter?.status === 'sent';

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
                  onClick={() => open(l)}
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
            value={effectiveKind}
            disabled={!!letter}
            onChange={(e) => setKind(e.target.value)}
          >
            {options!.kinds.map((k) => (
              <option key={k} value={k}>
                {tm(`letterKind_${k}`, k)}
              </option>
            ))}
          </select>
        </div>
        {!caseId ? (
          <div className="bo-field">
            <label htmlFor="f-regime">{t('regime')}</label>
            <select id="f-regime" value={effectiveRegime} onChange={(e) => setRegime(e.target.value)}>
              {options!.regimes.map((k) => (
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
              <button
                type="button"
                className="bo-button--secondary"
                onClick={() => {
                  setLetter(undefined);
                  setParagraphs(undefined);
                  setFindings(undefined);
                }}
              >
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
      {paragraphs ? (
        <div className="bo-letter-layout">
          <section aria-labelledby="letter-title" className="bo-letter">
            <h2 id="letter-title" className="bo-visually-hidden">
              {letter?.subject ?? t('lettersTitle')}
            </h2>
            <ol className="bo-paragraphs">
              {paragraphs.map((p, i) => {
                const mine = (findings ?? []).filter((f) => f.paragraph === i + 1);
                const id = `p-${i + 1}`;
                return (
                  <li
                    key={p.key}
                    className={
                      mine.some((f) => f.severity === 'error')
                        ? 'bo-paragraph bo-paragraph--error'
                        : 'bo-paragraph'
                    }
                  >
                    <label htmlFor={id}>
                      {t('paragraph', { n: i + 1 })}
                      {p.heading ? `: ${p.heading}` : ''}
                    </label>
                    <textarea
                      id={id}
                      readOnly={sent}
                      rows={Math.max(2, Math.ceil(p.text.length / 80) + p.text.split('\n').length - 1)}
                      value={p.text}
                      onChange={(e) => update(p.key, e.target.value)}
                      aria-describedby={mine.length ? `${id}-findings` : undefined}
                      aria-invalid={mine.some((f) => f.severity === 'error')}
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
                    {!sent ? (
                      <div className="bo-button-row">
                        {caseId ? (
                          <>
                            <label htmlFor={`${id}-role`} className="bo-visually-hidden">
                              {t('paragraphRole', { n: i + 1 })}
                            </label>
                            <select
                              id={`${id}-role`}
                              value={p.role ?? 'kern'}
                              onChange={(e) => setRole(p.key, e.target.value)}
                            >
                              {options!.roles.map((r) => (
                                <option key={r} value={r}>
                                  {tm(`paragraphRole_${r}`, r)}
                                </option>
                              ))}
                            </select>
                          </>
                        ) : null}
                        <button type="button" className="bo-button--link" onClick={() => add(p.key)}>
                          {t('addParagraph')}
                        </button>
                        <button
                          type="button"
                          className="bo-button--link"
                          onClick={() => remove(p.key)}
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
          </section>
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
                    onClick={() => void preview()}
                    disabled={busy || checking}
                  >
                    {dirty ? t('saveAndPreview') : t('makePdf')}
                  </button>
                ) : null}
                {pdfReady ? (
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
                    onClick={() => void send()}
                    data-testid="send-letter"
                  >
                    {t('sendLetter')}
                  </button>
                ) : null}
              </div>
            ) : null}
          </aside>
        </div>
      ) : null}
    </>
  );
}

import { useEffect, useRef, useState } from 'react';
import { api, post } from '../api.js';
import type { Finding, Letter, LintResult } from '../types.js';
import { fromLetter, joinLetter, para, toApi, type Paragraph } from './model.js';

/**
 * The letter being edited: its paragraphs, whether they differ from the stored letter, the linter's
 * findings and whether the PDF matches what is on screen.
 *
 * Live findings come 300 ms after the last edit and only the newest answer counts: a stored letter
 * is saved as a draft (PUT) and linted by the server with its paragraph roles; free text goes to
 * POST /api/v1/letters/lint.
 */
export function useLetterDraft(opts: {
  freeText: boolean;
  /** The regime chosen in the workbench, or the case's. */
  regime: string;
  /** The kind chosen for a new letter. */
  kind: string;
  /** The kinds the linter knows (from the OpenAPI document). */
  kinds: string[];
  lang: string;
  onError: (e: unknown) => void;
}) {
  const [letter, setLetter] = useState<Letter>();
  const [paragraphs, setParagraphs] = useState<Paragraph[] | undefined>(() =>
    opts.freeText ? [para('')] : undefined,
  );
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<Finding[]>();
  const [checking, setChecking] = useState(false);
  const [pdfReady, setPdfReady] = useState(false);
  const lintSeq = useRef(0);
  const { lang, onError } = opts;
  // A stored letter keeps its own kind and regime.
  const regime = letter?.regime ?? opts.regime;
  const kind = letter?.kind ?? opts.kind;
  const lintKind = opts.kinds.includes(kind) && kind !== 'decision-notice' ? kind : 'decision';

  const open = (l: Letter) => {
    setLetter(l);
    setParagraphs(fromLetter(l));
    setFindings(l.findings);
    setDirty(false);
    setPdfReady(l.status !== 'draft');
  };

  const close = () => {
    setLetter(undefined);
    setParagraphs(undefined);
    setFindings(undefined);
  };

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
        : post<LintResult>('/api/v1/letters/lint', { regime, kind: lintKind, text }).then((r) => {
            if (seq === lintSeq.current) setFindings(r.findings);
          });
      request
        .catch((e) => seq === lintSeq.current && onError(e))
        .finally(() => seq === lintSeq.current && setChecking(false));
    }, 300);
    return () => clearTimeout(timer);
    // The stored letter's version changes with every save; re-linting on it would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paragraphs, lintKind, regime, lang, dirty]);

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

  const edit = (fn: (ps: Paragraph[]) => Paragraph[]) => {
    setParagraphs((ps) => fn(ps ?? []));
    setDirty(true);
    setPdfReady(false);
  };

  return {
    letter,
    regime,
    kind,
    paragraphs,
    dirty,
    findings,
    checking,
    pdfReady,
    errors: (findings ?? []).filter((f) => f.severity === 'error'),
    open,
    close,
    save,
    markPdfReady: () => setPdfReady(true),
    update: (key: number, text: string) => edit((ps) => ps.map((p) => (p.key === key ? { ...p, text } : p))),
    setRole: (key: number, role: string) => edit((ps) => ps.map((p) => (p.key === key ? { ...p, role } : p))),
    remove: (key: number) => edit((ps) => ps.filter((p) => p.key !== key)),
    add: (afterKey?: number) =>
      edit((ps) => {
        const i = afterKey === undefined ? ps.length : ps.findIndex((p) => p.key === afterKey) + 1;
        return [...ps.slice(0, i), para('', { role: 'kern' }), ...ps.slice(i)];
      }),
  };
}

export type LetterDraft = ReturnType<typeof useLetterDraft>;

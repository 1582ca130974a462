import { resolve, type OpenApiDoc } from '../openapi.js';
import type { Letter } from '../types.js';

// The letter as the editor holds it: paragraphs with React keys, converted to and from the API's
// letter, and the options (kinds, regimes, paragraph roles) read from the OpenAPI document.

/** A paragraph in the editor: the API's paragraph with a React key, its role still to be chosen. */
type ApiParagraph = Letter['paragraphs'][number];
export interface Paragraph {
  key: number;
  heading?: string | undefined;
  role?: string | undefined;
  item?: ApiParagraph['item'];
  text: string;
}

export interface LetterOptions {
  kinds: string[];
  regimes: string[];
  roles: string[];
}

export function discover(doc: OpenApiDoc): LetterOptions {
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
export const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  key: nextKey++,
  text,
  ...extra,
});
export const fromLetter = (l: Letter) =>
  l.paragraphs.map((p) => para(p.text, { heading: p.heading, role: p.role, item: p.item }));

export const toApi = (ps: Paragraph[]) =>
  ps.map((p) => ({
    role: p.role ?? 'kern',
    ...(p.heading ? { heading: p.heading } : {}),
    text: p.text,
    ...(p.item ? { item: p.item } : {}),
  }));

export const joinLetter = (ps: Paragraph[]) =>
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

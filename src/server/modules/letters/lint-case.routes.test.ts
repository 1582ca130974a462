import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../../domain/dates.js';
import { longDate } from '../../../domain/format.js';
import {
  createWorld,
  newCase,
  ok,
  readyForHandling,
  type Staff,
  type World,
} from '../cases/workflow-tests/support.js';

// POST /api/v1/letters/lint with a caseId runs the case-aware rules: the inleiding names
// the subject of the complaint (NO-11), the desired outcome is answered (NO-02), every item is judged
// (AWB-50), amounts and dates match the case (LET-04). Reading the case is access: the read policy.

let w: World;
let caseId: string;
const receivedAt = new Date(Date.now() - 3600_000);
const received = longDate(amsterdamDate(receivedAt), 'nl');
beforeAll(async () => {
  w = await createWorld('awb');
  // The standard case: one item "Onvriendelijke bejegening aan de balie", desired outcome "Excuses en uitleg.".
  caseId = await newCase(w, receivedAt.toISOString());
  await readyForHandling(w, caseId);
  const c = await ok(w, w.handler, caseId, 'start_handling');
  await ok(w, w.handler, caseId, 'judge_item', {
    itemId: c.items[0].id,
    judgement: 'upheld',
    findings: 'De medewerker was kortaf.',
    reasons: 'U mag verwachten dat wij vriendelijk blijven.',
  });
  await ok(w, w.handler, caseId, 'add_remedy', {
    kind: 'compensation',
    description: 'Wij betalen uw reiskosten terug',
    amount: 12.5,
    realisationDate: '2027-05-01',
  });
});
afterAll(async () => w?.t.close());

const lint = (who: Staff, text: string, id: string | null = caseId) =>
  w.t.app.inject({
    method: 'POST',
    url: '/api/v1/letters/lint',
    headers: who.auth,
    payload: { regime: 'awb', kind: 'decision', text, ...(id ? { caseId: id } : {}) },
  });

const letter = (inleiding: string, kern: string) =>
  [
    'Geachte mevrouw De Vries,',
    inleiding,
    kern,
    'Wat wij hiervan leren\nVanaf 1 mei 2027 staat er op drukke ochtenden een extra collega aan de balie.',
    'Wij horen graag of u tevreden bent. Heeft u vragen? Bel dan Jan Jansen op 030 123 45 67.',
    'Bent u het niet eens met hoe wij uw klacht hebben behandeld? Dan kunt u de Nationale ombudsman vragen uw klacht te onderzoeken. Dat kan binnen een jaar na de datum van deze brief. Kijk op www.nationaleombudsman.nl.',
    'Met vriendelijke groet,\nJan Jansen',
  ].join('\n\n');

const GOOD = letter(
  `Dank u wel voor uw klacht van ${received} over hoe u aan de balie werd bejegend. In deze brief leest u wat wij daarvan vinden.`,
  'De medewerker was kortaf. Wij vinden uw klacht gegrond, omdat u mag verwachten dat wij vriendelijk blijven. U vroeg om excuses en uitleg. Die krijgt u: het spijt ons, en de medewerker legt het u graag zelf uit. Wij betalen u € 12,50 reiskosten terug, uiterlijk op 1 mei 2027.',
);

const rules = (res: { json: () => { findings: { rule: string; severity: string }[] } }) =>
  res.json().findings.map((f) => `${f.rule}:${f.severity}`);

describe('POST /api/v1/letters/lint with a caseId: the case-aware rules', () => {
  it('a letter that matches the case has no findings', async () => {
    const res = await lint(w.handler, GOOD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ findings: [] });
  });

  it('a generic inleiding, the request left unanswered and a wrong amount are caught; without the case they are not', async () => {
    const bad = letter(
      `Dank u wel voor uw klacht van ${received}. In deze brief leest u onze reactie.`,
      'Wij vinden uw klacht gegrond, omdat het niet goed ging. Het spijt ons. Wij betalen u € 21,50 terug, uiterlijk op 1 mei 2027.',
    );
    const withCase = rules(await lint(w.handler, bad));
    expect(withCase).toEqual(expect.arrayContaining(['NO-11:error', 'NO-02:error', 'LET-04:error']));
    const without = rules(await lint(w.handler, bad, null));
    expect(without).not.toContain('NO-02:error');
    expect(without).not.toContain('LET-04:error');
  });

  it('a date that is not in the case is a warning (LET-04)', async () => {
    const res = await lint(w.handler, GOOD.replace('uiterlijk op 1 mei 2027', 'uiterlijk op 11 mei 2027'));
    expect(rules(res)).toContain('LET-04:warning');
  });

  it('a case the user may not read is refused, and so is a case that does not exist', async () => {
    const other = await lint(w.otherHandler, GOOD);
    expect([403, 404]).toContain(other.statusCode);
    expect(other.body).not.toContain('balie');
    const missing = await lint(w.handler, GOOD, '00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });
});

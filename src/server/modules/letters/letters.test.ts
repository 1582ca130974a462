import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { freePort, startTestSmtp, type TestSmtp } from '../../../../test/support/smtp.js';
import { amsterdamDate } from '../../../domain/dates.js';
import {
  createWorld,
  newCase,
  ok,
  readyForHandling,
  type Staff,
  type World,
} from '../cases/workflow-tests/support.js';
import { OutboxDelivery } from '../outbox/delivery.js';
import { TINY_PNG, pdfText } from './test-support.js';

// The letters promise: a complete case produces every letter its path needs, received by a real
// SMTP server, with a PDF that pdftotext reads back correctly (€, ë, é intact).

let w: World;
let smtp: TestSmtp;
let delivery: OutboxDelivery;
const deliveryOptions = {
  publicUrl: 'http://redress.test',
  connections: 1,
  maxAttempts: 5,
  leaseSeconds: 60,
  retrySeconds: 30,
};

beforeAll(async () => {
  w = await createWorld('awb');
  const org = await w.t.services.organisation.get();
  await w.t.services.organisation.save({
    ...org,
    settings: {
      ...org.settings,
      letterhead: { address: 'Markt 1, 1234 AB Testdorp', website: 'www.testdorp.example', logo: TINY_PNG },
    },
  });
  smtp = await startTestSmtp();
  delivery = new OutboxDelivery(w.t.database.db, {
    ...deliveryOptions,
    smtpUrl: smtp.url,
    from: 'Gemeente Testdorp <klachten@testdorp.example>',
  });
});
afterAll(async () => {
  delivery?.close();
  await smtp?.close();
  await w?.t.close();
});

const inject = (who: Staff, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  w.t.app.inject({
    method,
    url,
    headers: who.auth,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

async function letters(who: Staff, caseId: string) {
  const res = await inject(who, 'GET', `/api/v1/cases/${caseId}/letters`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    items: Letter[];
    tasks: {
      taskId: string;
      taskKind: string;
      letterKind: string | null;
      recipientRole: string;
      respondentId: string | null;
      status: string;
    }[];
  }>();
}

interface Letter {
  id: string;
  kind: string;
  status: string;
  version: number;
  subject: string;
  paragraphs: { role: string; text: string; heading?: string }[];
  findings: { rule: string; severity: string; paragraph: number | null }[];
  errors: number;
  allowedActions: string[];
  pdf: { sha256: string } | null;
  recipient: { role: string; email: string | null };
  delivery: { status: string; attempts: number; lastError: string | null; messageId: string | null } | null;
}

async function compose(who: Staff, caseId: string, body: Record<string, unknown>): Promise<Letter> {
  const res = await inject(who, 'POST', `/api/v1/cases/${caseId}/letters`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Render, send, deliver (what the pg-boss job does), and return the received message. */
async function renderSendReceive(who: Staff, letter: Letter): Promise<{ mail: ParsedMail; sent: Letter }> {
  const rendered = await inject(who, 'POST', `/api/v1/letters/${letter.id}/render`);
  expect(rendered.statusCode, rendered.body).toBe(200);
  expect(rendered.json().status).toBe('rendered');
  const sent = await inject(who, 'POST', `/api/v1/letters/${letter.id}/send`);
  expect(sent.statusCode, sent.body).toBe(200);
  const before = smtp.messages.length;
  const row = await w.t.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('letter_id', '=', letter.id)
    .executeTakeFirstOrThrow();
  expect(await delivery.deliver(row.id)).toBe('sent');
  const mails = await smtp.waitFor(before + 1);
  return { mail: mails[before]!, sent: (await inject(who, 'GET', `/api/v1/letters/${letter.id}`)).json() };
}

function attachmentText(mail: ParsedMail): string {
  expect(mail.attachments).toHaveLength(1);
  const a = mail.attachments[0]!;
  expect(a.contentType).toBe('application/pdf');
  expect(a.filename).toMatch(/\.pdf$/);
  return pdfText(a.content);
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('letters of a standard Awb case: acknowledgement, extension notices, hearing invitation, decision', () => {
  let caseId: string;
  let respondentId: string;

  it('the acknowledgement is a task until sent; sent by e-mail with the PDF attached (AWB-12/13)', async () => {
    caseId = await newCase(w, new Date(Date.now() - 3600_000).toISOString(), {
      complainant: {
        name: 'Zoë Ëlsa Émile',
        email: 'zoe@example.nl',
        address: 'Dorpsstraat 1, 1234 AB Testdorp',
      },
    });
    await readyForHandling(w, caseId);
    await ok(w, w.handler, caseId, 'acknowledge');
    let list = await letters(w.handler, caseId);
    const task = list.tasks.find((t) => t.taskKind === 'letter.acknowledgement')!;
    expect(task).toMatchObject({ letterKind: 'acknowledgement', status: 'open' });

    const draft = await compose(w.handler, caseId, { kind: 'acknowledgement', taskId: task.taskId });
    expect(draft).toMatchObject({ status: 'draft', errors: 0, allowedActions: ['edit', 'render'] });
    const { mail, sent } = await renderSendReceive(w.handler, draft);

    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('zoe@example.nl');
    expect(mail.subject).toContain('Wij hebben uw klacht ontvangen');
    expect(mail.text).toContain('Geachte Zoë Ëlsa Émile,');
    expect(mail.text).toMatch(/hoorgesprek/);
    const pdf = squash(attachmentText(mail));
    expect(pdf).toContain('Geachte Zoë Ëlsa Émile,');
    expect(pdf).toContain('Gemeente Testdorp');
    expect(pdf).toContain('Markt 1');
    // Message ID recorded, delivery visible.
    expect(sent.status).toBe('sent');
    expect(sent.delivery).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      messageId: mail.messageId,
    });

    list = await letters(w.handler, caseId);
    expect(list.tasks.find((t) => t.taskId === task.taskId)!.status).toBe('done');
    const history = (
      await w.t.database.db
        .selectFrom('case_event')
        .select(['type', 'data'])
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute()
    ).filter((e) => e.type.startsWith('letter.'));
    expect(history.map((e) => e.type)).toEqual(['letter.drafted', 'letter.rendered', 'letter.sent']);
    expect(history[2]!.data).toMatchObject({
      letterId: draft.id,
      kind: 'acknowledgement',
      channel: 'email',
      tasksCompleted: 1,
    });
  });

  it('extension notices go to the complainant and to the respondent (AWB-41, LET-10)', async () => {
    await ok(w, w.handler, caseId, 'record_first_contact', {
      at: new Date(Date.now() - 1800_000).toISOString(),
      channel: 'phone',
    });
    await ok(w, w.handler, caseId, 'add_respondent', {
      kind: 'staff',
      name: 'Baliemedewerker P.',
      email: 'p@testdorp.example',
    });
    const c = await ok(w, w.handler, caseId, 'start_handling');
    respondentId = c.respondents[0].id;
    await ok(w, w.handler, caseId, 'extend', {
      weeks: 4,
      reason: 'wij moeten de medewerker nog horen, die met verlof is',
    });
    const tasks = (await letters(w.handler, caseId)).tasks.filter(
      (t) => t.taskKind === 'letter.extension_notice',
    );
    expect(tasks.map((t) => t.recipientRole).sort()).toEqual(['complainant', 'respondent']);

    for (const t of tasks) {
      const draft = await compose(w.handler, caseId, { kind: 'extension', taskId: t.taskId });
      expect(draft.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const { mail } = await renderSendReceive(w.handler, draft);
      const to = mail.to && 'text' in mail.to ? mail.to.text : '';
      expect(to).toContain(t.recipientRole === 'respondent' ? 'p@testdorp.example' : 'zoe@example.nl');
      // AWB-41: each party its own wording; the complainant reads the reason and an apology for the delay.
      expect(squash(attachmentText(mail))).toMatch(
        t.recipientRole === 'respondent' ? /meer tijd nodig/ : /verlof[\s\S]*Het spijt ons/,
      );
      expect(squash(attachmentText(mail))).not.toMatch(/verdag/);
    }
    expect(
      (await letters(w.handler, caseId)).tasks
        .filter((t) => t.taskKind === 'letter.extension_notice')
        .map((t) => t.status),
    ).toEqual(['done', 'done']);
  });

  it('a hearing invitation needs a date and place; with them it is sent (AWB-30)', async () => {
    const res = await inject(w.handler, 'POST', `/api/v1/cases/${caseId}/letters`, {
      kind: 'hearing-invitation',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('LETTER_DATA_MISSING');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'data.hearingDate',
      'data.place',
    ]);
    const draft = await compose(w.handler, caseId, {
      kind: 'hearing-invitation',
      data: { hearingDate: '2027-01-20', time: '14.00 uur', place: 'het Stadskantoor' },
    });
    const { mail } = await renderSendReceive(w.handler, draft);
    expect(mail.text).toContain('20 januari 2027 om 14.00 uur');
  });

  it('the decision letter is composed from the judged items, refused while it breaks a rule, and sent once', async () => {
    const c = await ok(w, w.handler, caseId, 'send_respondent_copy', {
      respondentId,
      sentAt: new Date(Date.now() - 1200_000).toISOString(),
    });
    const itemId = c.items[0].id;
    await ok(w, w.handler, caseId, 'add_item', { summary: 'de wachttijd aan de balie', severity: 'light' });
    const item2 = (
      await ok(w, w.handler, caseId, 'record_hearing', {
        party: 'complainant',
        heldAt: new Date(Date.now() - 900_000).toISOString(),
        report: 'Klager licht toe.',
      })
    ).items.find((i: { id: string }) => i.id !== itemId).id;
    await ok(w, w.handler, caseId, 'record_hearing', {
      party: 'respondent',
      respondentId,
      heldAt: new Date(Date.now() - 600_000).toISOString(),
      report: 'Beklaagde erkent de toon.',
    });
    await ok(w, w.handler, caseId, 'judge_item', {
      itemId,
      judgement: 'upheld',
      findings: 'De medewerker was kortaf en hielp u niet verder.',
      reasons: 'De bejegening was niet fatsoenlijk en niet behoorlijk.',
    });
    await ok(w, w.handler, caseId, 'judge_item', {
      itemId: item2,
      judgement: 'not_upheld',
      findings: 'U wachtte 25 minuten.',
      reasons: 'Die wachttijd bleef binnen onze norm van 30 minuten.',
    });
    await ok(w, w.handler, caseId, 'add_remedy', {
      kind: 'apology',
      itemId,
      description: 'Wij bieden u onze excuses aan voor de manier waarop u bent behandeld.',
    });
    const due = amsterdamDate(new Date(Date.now() + 30 * 86400_000));
    await ok(w, w.handler, caseId, 'add_remedy', {
      kind: 'compensation',
      itemId,
      description: 'Wij betalen u de leges van uw aanvraag terug',
      amount: 12.5,
      realisationDate: due,
    });
    await ok(w, w.handler, caseId, 'add_remedy', {
      kind: 'measure',
      itemId,
      description: 'Het baliepersoneel krijgt een training klantcontact',
      realisationDate: due,
    });
    await ok(w, w.handler, caseId, 'record_learning', {
      rootCause: 'Drukte aan de balie',
      lessons: 'Op drukke momenten staat er voortaan een extra collega aan de balie.',
      improvementAction: 'Een instructiekaart voor lastige gesprekken.',
    });
    await ok(w, w.handler, caseId, 'decide', {
      findings: 'Wij spraken met u en met de medewerker en bekeken de wachtrijgegevens.',
      conclusions: 'Wij betalen u de leges terug en het baliepersoneel krijgt een training.',
      requestAnswer:
        'U vroeg om excuses en uitleg. Die excuses bieden wij u aan, en de uitleg leest u in deze brief.',
    });
    const task = (await letters(w.handler, caseId)).tasks.find((t) => t.taskKind === 'letter.decision')!;
    expect(task.status).toBe('open');

    const draft = await compose(w.handler, caseId, { kind: 'decision', taskId: task.taskId });
    expect(draft.findings).toEqual([]);
    // LET-03: the not-upheld item comes first; LET-01: no verdict in the inleiding.
    const headings = draft.paragraphs.filter((p) => p.heading?.startsWith('Onderdeel')).map((p) => p.heading);
    expect(headings).toEqual([
      'Onderdeel 1: de wachttijd aan de balie',
      'Onderdeel 2: Onvriendelijke bejegening aan de balie',
    ]);
    const inleiding = draft.paragraphs.find((p) => p.role === 'inleiding')!;
    expect(inleiding.text).not.toMatch(/gegrond/);

    // Sending a draft is refused: render first (separate steps).
    const early = await inject(w.handler, 'POST', `/api/v1/letters/${draft.id}/send`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('LETTER_NOT_RENDERED');

    // The handler edits the inleiding and reveals the verdict: the linter reports LET-01, sending is refused.
    const bad = draft.paragraphs.map((p) =>
      p.role === 'inleiding'
        ? { ...p, text: `${p.text} Uw klacht over de wachttijd vinden wij ongegrond.` }
        : p,
    );
    const edited = await inject(w.handler, 'PUT', `/api/v1/letters/${draft.id}`, {
      version: draft.version,
      paragraphs: bad,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().findings).toEqual([
      expect.objectContaining({ rule: 'LET-01', severity: 'error', paragraph: 2 }),
    ]);
    const stale = await inject(w.handler, 'PUT', `/api/v1/letters/${draft.id}`, {
      version: draft.version,
      paragraphs: draft.paragraphs,
    });
    expect(stale.statusCode).toBe(409);
    await inject(w.handler, 'POST', `/api/v1/letters/${draft.id}/render`);
    const refusedSend = await inject(w.handler, 'POST', `/api/v1/letters/${draft.id}/send`);
    expect(refusedSend.statusCode).toBe(422);
    expect(refusedSend.json().error.code).toBe('LETTER_HAS_ERRORS');
    expect(refusedSend.json().error.details.findings[0]).toMatchObject({ rule: 'LET-01', paragraph: 2 });
    expect(
      await w.t.database.db.selectFrom('outbox').select('id').where('letter_id', '=', draft.id).execute(),
    ).toEqual([]);

    // Edited back: a new version, the old PDF is discarded; render once, send once.
    const current = (await inject(w.handler, 'GET', `/api/v1/letters/${draft.id}`)).json();
    const fixed = (
      await inject(w.handler, 'PUT', `/api/v1/letters/${draft.id}`, {
        version: current.version,
        paragraphs: draft.paragraphs,
      })
    ).json();
    expect(fixed).toMatchObject({ status: 'draft', pdf: null, errors: 0 });
    const r1 = (await inject(w.handler, 'POST', `/api/v1/letters/${draft.id}/render`)).json();
    const r2 = (await inject(w.handler, 'POST', `/api/v1/letters/${draft.id}/render`)).json();
    expect(r2.pdf.sha256).toBe(r1.pdf.sha256);
    const sends = await Promise.all(
      [1, 2, 3].map(() => inject(w.handler, 'POST', `/api/v1/letters/${draft.id}/send`)),
    );
    expect(sends.map((s) => s.statusCode)).toEqual([200, 200, 200]);
    const outbox = await w.t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('letter_id', '=', draft.id)
      .execute();
    expect(outbox).toHaveLength(1);
    const events = await w.t.database.db
      .selectFrom('case_event')
      .select(['type', 'data'])
      .where('case_id', '=', caseId)
      .where('type', 'in', ['letter.rendered', 'letter.sent'])
      .orderBy('id')
      .execute();
    const mine = events.filter((e) => (e.data as { letterId: string }).letterId === draft.id);
    expect(mine.map((e) => e.type)).toEqual(['letter.rendered', 'letter.rendered', 'letter.sent']); // one per version, one send

    const before = smtp.messages.length;
    expect(await delivery.deliver(outbox[0]!.id)).toBe('sent');
    expect(await delivery.deliver(outbox[0]!.id)).toBe('skipped'); // a retry sends nothing twice
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.subject).toContain('Onze beslissing over uw klacht');
    expect(mail!.text).toContain('€ 12,50');
    const pdf = squash(attachmentText(mail!));
    for (const s of [
      'Geachte Zoë Ëlsa Émile,',
      '€ 12,50',
      'Onderdeel 1: de wachttijd aan de balie',
      'ongegrond',
      'gegrond',
      'excuses',
      'de Nationale ombudsman',
      '14 020',
      'Wat wij hiervan leren',
    ]) {
      expect(pdf).toContain(s);
    }
    // The e-mail text and the PDF say the same.
    expect(pdf).toContain(squash(draft.paragraphs.find((p) => p.role === 'inleiding')!.text));
    expect(
      (await letters(w.handler, caseId)).tasks.find((t) => t.taskKind === 'letter.decision')!.status,
    ).toBe('done');

    // ISO-07: the respondent is told the decision; that task is done too.
    const noticeTask = (await letters(w.handler, caseId)).tasks.find(
      (t) => t.taskKind === 'letter.decision_notice',
    )!;
    expect(noticeTask).toMatchObject({
      letterKind: 'decision-notice',
      recipientRole: 'respondent',
      status: 'open',
    });
    const notice = await compose(w.handler, caseId, { kind: 'decision-notice', taskId: noticeTask.taskId });
    expect(notice.findings).toEqual([]);
    const { mail: toRespondent } = await renderSendReceive(w.handler, notice);
    expect(toRespondent.to && 'text' in toRespondent.to ? toRespondent.to.text : '').toContain(
      'p@testdorp.example',
    );
    expect(squash(attachmentText(toRespondent))).toMatch(
      /de wachttijd aan de balie: ongegrond\..*Onvriendelijke bejegening aan de balie: gegrond\./,
    );
    expect(toRespondent.text).not.toContain('€'); // the complainant's compensation is not the respondent's business
    expect((await letters(w.handler, caseId)).tasks.find((t) => t.taskId === noticeTask.taskId)!.status).toBe(
      'done',
    );

    // The sent letter is final.
    const late = await inject(w.handler, 'PUT', `/api/v1/letters/${draft.id}`, {
      version: 99,
      paragraphs: draft.paragraphs,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('LETTER_ALREADY_SENT');
    const download = await inject(w.handler, 'GET', `/api/v1/letters/${draft.id}/pdf`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The complainant's status page offers this letter (public/letters.ts contract).
    expect(await w.t.services.letters.decisionLetters.latestFor(caseId)).toMatchObject({ id: draft.id });
    expect(
      await w.t.services.letters.decisionLetters.download('00000000-0000-0000-0000-000000000000', draft.id),
    ).toBeUndefined();
  });

  it('the follow-up on the promised measure (NO-14)', async () => {
    const c = (await inject(w.handler, 'GET', `/api/v1/cases/${caseId}`)).json();
    const measure = c.decision.remedies.find((r: { kind: string }) => r.kind === 'measure');
    const draft = await compose(w.handler, caseId, {
      kind: 'follow-up',
      data: {
        remedyId: measure.id,
        newDueDate: '2027-06-01',
        delayReason: 'de trainer is later beschikbaar',
      },
    });
    expect(draft.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const { mail } = await renderSendReceive(w.handler, draft);
    expect(mail.text).toContain('training klantcontact');
  });

  it('who may write letters: other departments, complaints officers and respondents may not', async () => {
    const other = await inject(w.otherHandler, 'POST', `/api/v1/cases/${caseId}/letters`, {
      kind: 'acknowledgement',
    });
    expect(other.statusCode).toBe(403);
    const officer = await inject(w.officer, 'POST', `/api/v1/cases/${caseId}/letters`, {
      kind: 'acknowledgement',
    });
    expect(officer.statusCode).toBe(403);
    const intake = await inject(w.intake, 'POST', `/api/v1/cases/${caseId}/letters`, { kind: 'decision' });
    expect(intake.statusCode).toBe(403);
    expect(
      (await inject(w.intake, 'POST', `/api/v1/cases/${caseId}/letters`, { kind: 'acknowledgement' }))
        .statusCode,
    ).toBe(201);
    const none = await w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/letters` });
    expect(none.statusCode).toBe(401);
  });

  it('bad input is a 4xx with field errors, never a 500', async () => {
    for (const body of [
      { kind: 'brief' },
      { kind: 'extension', recipientRole: 'respondent' },
      { kind: 'decision', recipientRole: 'respondent' },
      { kind: 'acknowledgement', extra: 1 },
    ]) {
      const res = await inject(w.handler, 'POST', `/api/v1/cases/${caseId}/letters`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(
      (await inject(w.handler, 'GET', `/api/v1/letters/00000000-0000-0000-0000-000000000000`)).statusCode,
    ).toBe(404);
    expect(
      (
        await inject(w.handler, 'POST', `/api/v1/cases/00000000-0000-0000-0000-000000000000/letters`, {
          kind: 'acknowledgement',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the other paths: decline, forward, informal resolution', () => {
  it('each sends its letter and completes its task (AWB-23/LET-09, AWB-07, AWB-11)', async () => {
    const paths: [string, Record<string, unknown>, string, RegExp][] = [
      [
        'decline',
        {
          ground: 'a',
          motivation: 'Deze gedraging is eerder als klacht behandeld.',
          requestAnswer: 'U vroeg om excuses en uitleg. De uitleg kreeg u bij uw eerdere klacht.',
          underlyingProblem: 'Heeft u nog een vraag over uw aanvraag? Dan belt een medewerker u terug.',
        },
        'letter.decline_notice',
        /artikel 9:8, eerste lid, onder a[\s\S]*Nationale ombudsman/,
      ],
      [
        'forward',
        {
          organisation: 'Belastingsamenwerking Testdorp',
          reason: 'De klacht gaat over de heffing van een andere organisatie.',
        },
        'letter.forward_notice',
        /doorgestuurd naar Belastingsamenwerking Testdorp/,
      ],
      [
        'resolve_informally',
        {
          satisfactionConfirmed: true,
          confirmedOn: amsterdamDate(new Date()),
          channel: 'phone',
          proof: 'Telefoonnotitie',
          summary: 'wij nemen uw aanvraag opnieuw in behandeling',
        },
        'letter.informal_confirmation',
        /naar tevredenheid/,
      ],
    ];
    for (const [action, body, taskKind, expected] of paths) {
      const id = await newCase(w, new Date(Date.now() - 3600_000).toISOString());
      await readyForHandling(w, id);
      await ok(w, w.handler, id, action, body);
      const task = (await letters(w.handler, id)).tasks.find((t) => t.taskKind === taskKind)!;
      const draft = await compose(w.handler, id, { kind: task.letterKind, taskId: task.taskId });
      expect(draft.errors, `${action}: ${JSON.stringify(draft.findings)}`).toBe(0);
      const { mail } = await renderSendReceive(w.handler, draft);
      expect(squash(mail.text ?? ''), action).toMatch(expected);
      expect(squash(attachmentText(mail)), action).toMatch(expected);
      expect((await letters(w.handler, id)).tasks.find((t) => t.taskId === task.taskId)!.status).toBe('done');
    }
  });
});

describe('SMTP errors are visible on the case', () => {
  it('a failed delivery shows the error and the attempts; the letter stays sent once', async () => {
    const id = await newCase(w, new Date(Date.now() - 3600_000).toISOString(), { language: 'en' });
    await readyForHandling(w, id);
    const draft = await compose(w.handler, id, { kind: 'acknowledgement' });
    expect(draft.paragraphs[0]!.text).toMatch(/^Dear /); // the complainant's language
    await inject(w.handler, 'POST', `/api/v1/letters/${draft.id}/render`);
    await inject(w.handler, 'POST', `/api/v1/letters/${draft.id}/send`);
    const row = await w.t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('letter_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    const down = new OutboxDelivery(w.t.database.db, {
      ...deliveryOptions,
      smtpUrl: `smtp://127.0.0.1:${await freePort()}`,
      from: 'x@testdorp.example',
    });
    expect(await down.deliver(row.id)).toBe('retried');
    down.close();
    const shown = (await letters(w.handler, id)).items.find((l) => l.id === draft.id)!;
    expect(shown.status).toBe('sent');
    expect(shown.delivery).toMatchObject({ status: 'pending', attempts: 1, messageId: null });
    expect(shown.delivery!.lastError).toMatch(/ECONNREFUSED|connect/i);
    // The server is back: delivered once, the error cleared.
    expect(await delivery.deliver(row.id)).toBe('sent');
    const after = (await letters(w.handler, id)).items.find((l) => l.id === draft.id)!;
    expect(after.delivery).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(after.delivery!.messageId).toMatch(new RegExp(`^<${row.id}\\.[0-9a-f]{16}@redress\\.test>$`));
  });
});

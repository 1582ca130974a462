import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ok, readyForHandling, type World, createWorld } from '../cases/workflow-tests/support.js';

// The complainant's view of a case taken through the real workflow API from the public
// form to closing: the timeline in plain language (ISO-02), then the survey (ISO-10) and the
// ombudsman with the AWB-51 term.

let w: World;
beforeAll(async () => {
  w = await createWorld('awb');
});
afterAll(async () => w?.t.close());

function multipart(fields: Record<string, string>) {
  const boundary = '----redressjourney';
  const body = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  return {
    payload: `${body}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('public status page through the handling workflow', () => {
  it('shows each step in plain language and, after closing, the survey and the ombudsman term', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-28T09:00:00Z'));
    try {
      const filed = await w.t.app.inject({
        method: 'POST',
        url: '/klacht',
        ...multipart({
          name: 'Anna de Vries',
          contactPreference: 'email',
          email: 'anna.flow@example.nl',
          description: 'Onvriendelijk behandeld aan de balie.',
        }),
      });
      expect(filed.statusCode).toBe(303);
      const token = /\/status\/([^/?]+)/.exec(String(filed.headers.location))![1]!;
      const { id } = await w.t.database.db
        .selectFrom('complaint_case')
        .select('id')
        .where('complainant_email', '=', 'anna.flow@example.nl')
        .executeTakeFirstOrThrow();
      const page = async () => (await w.t.app.inject({ method: 'GET', url: `/status/${token}` })).body;

      await readyForHandling(w, id);
      await ok(w, w.handler, id, 'acknowledge');
      await ok(w, w.handler, id, 'record_first_contact', {
        at: '2026-12-28T10:00:00+01:00',
        channel: 'phone',
      });
      await ok(w, w.handler, id, 'add_respondent', {
        kind: 'staff',
        name: 'Baliemedewerker P.',
        email: 'p@testdorp.example',
      });
      let c = await ok(w, w.handler, id, 'start_handling');
      const respondentId = c.respondents[0].id;
      const itemId = c.items[0].id;
      // Time is real: what is recorded as done has happened by then.
      vi.setSystemTime(new Date('2027-01-07T09:00:00Z'));
      await ok(w, w.handler, id, 'send_respondent_copy', {
        respondentId,
        sentAt: '2027-01-04T09:00:00+01:00',
      });
      await ok(w, w.handler, id, 'invite_hearing', { party: 'complainant', responseDeadline: '2027-01-08' });
      await ok(w, w.handler, id, 'invite_hearing', { party: 'respondent', respondentId });
      await ok(w, w.handler, id, 'record_hearing', {
        party: 'complainant',
        heldAt: '2027-01-05T10:00:00+01:00',
        report: 'Klager licht toe wat er gebeurde.',
      });
      await ok(w, w.handler, id, 'record_hearing', {
        party: 'respondent',
        respondentId,
        heldAt: '2027-01-06T10:00:00+01:00',
        report: 'Beklaagde erkent de toon.',
      });
      c = await ok(w, w.handler, id, 'extend', {
        weeks: 4,
        reason: 'Zorgvuldig onderzoek vraagt meer tijd.',
      });

      const during = await page();
      expect(during).toContain('Er is een klachtbehandelaar voor uw klacht aangewezen.');
      expect(during).toContain('De klachtbehandelaar heeft contact met u opgenomen.');
      expect(during).toContain(
        'U bent uitgenodigd voor een gesprek over uw klacht (hoorgesprek). Laat ons vóór 8 januari 2027 weten of u komt.',
      );
      expect(during).toContain('Het gesprek over uw klacht (hoorgesprek) was op 5 januari 2027.');
      expect(during).toMatch(/Wij hebben meer tijd nodig\. U krijgt uiterlijk op \d+ \w+ 2027 antwoord\./);
      // Internal matters never reach the complainant's page.
      expect(during).not.toContain('Beklaagde erkent de toon.');
      expect(during).not.toContain('Baliemedewerker P.');
      expect(during).not.toContain('Bent u tevreden?');
      // "Ontvangst bevestigd" once, though the workflow writes two events for it.
      expect(during.match(/Wij hebben u de ontvangst van uw klacht bevestigd\./g)).toHaveLength(1);

      await ok(w, w.handler, id, 'judge_item', {
        itemId,
        judgement: 'upheld',
        findings: 'De medewerker was kortaf.',
        reasons: 'De bejegening was niet fatsoenlijk en niet behoorlijk.',
      });
      await ok(w, w.handler, id, 'add_remedy', {
        kind: 'apology',
        itemId,
        description: 'Excuses voor de bejegening.',
      });
      await ok(w, w.handler, id, 'record_learning', {
        rootCause: 'Drukte aan de balie',
        lessons: 'Uitleg geven.',
        improvementAction: 'Instructiekaart',
      });
      await ok(w, w.handler, id, 'decide', {
        findings: 'De medewerker was kortaf.',
        conclusions: 'De klacht is gegrond; wij bieden excuses aan.',
      });
      // The letters went out by post outside Redress here, so closing needs an override.
      await ok(w, w.handler, id, 'close', {
        complainantReaction: 'accepted',
        overrideReason: 'De brieven zijn per post verstuurd; kopieën zitten in het papieren dossier.',
      });

      const closed = await page();
      expect(closed).toContain('Wij hebben een oordeel gegeven over uw klacht.');
      expect(closed).toContain('De behandeling van uw klacht is afgerond.');
      expect(closed).toContain('Bent u tevreden?');
      expect(closed).not.toContain('Drukte aan de balie');
      const answered = await w.t.app.inject({
        method: 'POST',
        url: `/status/${token}/tevredenheid`,
        payload: 'outcome=partly&handling=yes',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(answered.statusCode).toBe(303);
      const after = await page();
      // AWB-51: the configured ombudsman, within a year after the decision (28 december 2026).
      expect(after).toContain('U kunt ook een klacht indienen bij Nationale ombudsman.');
      expect(after).toContain('vóór 7 januari 2028');
      expect(after).toContain('Postbus 93122, 2509 AC Den Haag');
      expect(after).toContain('href="tel:14020"');
    } finally {
      vi.useRealTimers();
    }
  });
});

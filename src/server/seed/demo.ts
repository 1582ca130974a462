import crypto from 'node:crypto';
import type { Services } from '../services.js';

/**
 * The demo organisation: a municipality under the Awb with departments, categories, staff and a
 * few example complaints, so a newcomer sees a working system after `npm start`.
 * The demo users get one random password, returned once so that `serve` and `seed-demo` can print
 * it (no password is ever stored in the repository); `redress tokens create` gives API access.
 */
export async function seedDemo(
  s: Services,
): Promise<{ created: boolean; logins?: { emails: string[]; password: string } }> {
  const db = s.database.db;
  const existing = await db.selectFrom('organisation').select('id').executeTakeFirst();
  if (existing) return { created: false };

  await s.organisation.save({
    name: 'Gemeente Voorbeeldstad',
    regime: 'awb',
    settings: {
      contactPhone: '14 020',
      privacyUrl: 'https://voorbeeldstad.example/privacy',
      contactWorkingDays: 5,
      externalBody: {
        name: 'Nationale ombudsman',
        address: 'Postbus 93122, 2509 AC Den Haag',
        url: 'https://www.nationaleombudsman.nl',
      },
    },
  });

  const departments = await db
    .insertInto('department')
    .values([
      { name: 'Burgerzaken' },
      { name: 'Belastingen' },
      { name: 'Openbare Ruimte' },
      { name: 'Sociaal Domein' },
    ])
    .returning(['id', 'name'])
    .execute();
  const dept = (name: string) => departments.find((d) => d.name === name)!.id;

  const categories = await db
    .insertInto('category')
    .values([
      { name: 'Bejegening door medewerker', department_id: dept('Burgerzaken') },
      { name: 'Paspoort en identiteitskaart', department_id: dept('Burgerzaken') },
      { name: 'Gemeentelijke belastingen', department_id: dept('Belastingen') },
      { name: 'Afval en reiniging', department_id: dept('Openbare Ruimte') },
      { name: 'Wegen en groen', department_id: dept('Openbare Ruimte') },
      { name: 'Wmo en jeugdhulp', department_id: dept('Sociaal Domein') },
    ])
    .returning(['id', 'name'])
    .execute();
  const cat = (name: string) => categories.find((c) => c.name === name)!.id;

  const password = `demo-${crypto.randomBytes(9).toString('base64url')}`;
  const demoUsers = [
    { email: 'beheer@voorbeeldstad.example', name: 'Bea Beheer', role: 'admin' as const },
    {
      email: 'manager@voorbeeldstad.example',
      name: 'Mo Manager',
      role: 'manager' as const,
      departmentId: dept('Burgerzaken'),
    },
    {
      email: 'behandelaar@voorbeeldstad.example',
      name: 'Henk Behandelaar',
      role: 'handler' as const,
      departmentId: dept('Burgerzaken'),
    },
    { email: 'intake@voorbeeldstad.example', name: 'Ilse Intake', role: 'intake' as const },
  ];
  for (const u of demoUsers) await s.users.add({ ...u, password });

  const examples = [
    {
      name: 'Anna de Vries',
      email: 'anna.devries@example.nl',
      description:
        'Ik heb op 2 november aan de balie een nieuw paspoort aangevraagd. De medewerker was onvriendelijk en zei dat ik terug moest komen omdat mijn foto niet goed was, zonder uit te leggen wat er mis was.',
      desiredOutcome: 'Een uitleg en dat ik zonder nieuwe afspraak mijn aanvraag kan afmaken.',
      category: 'Bejegening door medewerker',
    },
    {
      name: 'Pieter Jansen',
      email: 'p.jansen@example.nl',
      description:
        'De container in onze straat is al drie weken niet geleegd. Ik heb twee keer gebeld en er gebeurt niets. Het stinkt en er komen ratten op af.',
      desiredOutcome: 'Dat de container wordt geleegd en dat er een vast ophaalschema komt.',
      category: 'Afval en reiniging',
    },
    {
      name: 'Fatima El Amrani',
      email: 'f.elamrani@example.nl',
      description:
        'Ik kreeg een aanslag onroerendezaakbelasting voor een woning die ik al in maart heb verkocht. Mijn bezwaar is nog steeds niet behandeld en ik krijg nu een aanmaning.',
      desiredOutcome: 'Dat de aanmaning wordt ingetrokken tot mijn bezwaar is behandeld.',
      category: 'Gemeentelijke belastingen',
    },
  ];
  for (const e of examples) {
    await s.intake.register(
      {
        complainant: { name: e.name, email: e.email },
        description: e.description,
        desiredOutcome: e.desiredOutcome,
        language: 'nl',
        categoryId: cat(e.category),
      },
      { actorId: null },
    );
  }
  return { created: true, logins: { emails: demoUsers.map((u) => u.email), password } };
}

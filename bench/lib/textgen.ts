import fs from 'node:fs';
import { Rng } from './random.js';

/**
 * A generator of realistic, varied Dutch complaints for a national organisation. Built in: it needs
 * no data files. Optionally (--corpus=FILE) sentences from a CSV of real Dutch text are mixed in at
 * run time; nothing from such a file is ever stored in the repository.
 */

export interface DepartmentSpec {
  name: string;
  categories: CategorySpec[];
}

export interface CategorySpec {
  name: string;
  /** What the complaint is about: "mijn aanvraag voor huurtoeslag". */
  subjects: string[];
  /** Problem sentences; {s} is a subject, other {slots} are filled in. */
  problems: string[];
  outcomes: string[];
}

export const DEPARTMENTS: DepartmentSpec[] = [
  {
    name: 'Toeslagen',
    categories: [
      {
        name: 'Huurtoeslag',
        subjects: [
          'mijn huurtoeslag',
          'de huurtoeslag over {jaar}',
          'mijn aanvraag voor huurtoeslag',
          'de voorschotbeschikking huurtoeslag',
        ],
        problems: [
          'Ik moet {bedrag} terugbetalen voor {s}, terwijl mijn inkomen niet is veranderd.',
          'Sinds {maand} wordt {s} niet meer uitbetaald en niemand kan mij vertellen waarom.',
          'In de beschikking over {s} staat een verkeerd inkomen van mijn partner.',
          'Ik heb mijn nieuwe huurcontract drie keer opgestuurd maar {s} is nog steeds niet aangepast.',
        ],
        outcomes: [
          'Dat de terugvordering wordt stopgezet tot mijn bezwaar is behandeld.',
          'Dat mijn huurtoeslag opnieuw wordt berekend met het juiste inkomen.',
        ],
      },
      {
        name: 'Zorgtoeslag',
        subjects: [
          'mijn zorgtoeslag',
          'de zorgtoeslag van mijn zoon',
          'de definitieve berekening zorgtoeslag',
        ],
        problems: [
          'Ik kreeg een aanmaning voor {s} terwijl ik een betalingsregeling heb afgesproken.',
          'Na mijn verhuizing naar {plaats} is {s} zonder bericht stopgezet.',
          'De brief over {s} spreekt de vorige brief tegen en ik weet niet meer wat klopt.',
        ],
        outcomes: ['Een duidelijke uitleg van de berekening.', 'Dat de aanmaning wordt ingetrokken.'],
      },
      {
        name: 'Kinderopvangtoeslag',
        subjects: ['de kinderopvangtoeslag', 'mijn aanvraag kinderopvangtoeslag', 'de herstelregeling'],
        problems: [
          'Ik wacht al {weken} weken op een beslissing over {s}.',
          'De gastouder heeft de uren correct doorgegeven maar {s} is veel lager vastgesteld.',
          'Mijn persoonlijk zaakbehandelaar is vertrokken en sindsdien hoor ik niets meer over {s}.',
        ],
        outcomes: [
          'Een vaste contactpersoon en een datum waarop ik uitsluitsel krijg.',
          'Compensatie voor de schade die ik heb geleden.',
        ],
      },
    ],
  },
  {
    name: 'Uitkeringen',
    categories: [
      {
        name: 'WW-uitkering',
        subjects: ['mijn WW-uitkering', 'de betaling van mijn WW', 'mijn aanvraag voor een WW-uitkering'],
        problems: [
          'De betaling van {s} over {maand} is {aantal} dagen te laat op mijn rekening gekomen, waardoor ik mijn huur niet kon betalen.',
          'Er is {bedrag} ingehouden op {s} zonder dat ik daarover een brief heb ontvangen.',
          'Mijn werkgever heeft de verkeerde uren opgegeven en daardoor is {s} te laag.',
        ],
        outcomes: [
          'Dat het ingehouden bedrag wordt terugbetaald.',
          'Dat de betaling voortaan op tijd gebeurt.',
        ],
      },
      {
        name: 'Arbeidsongeschiktheid',
        subjects: [
          'mijn WIA-aanvraag',
          'de herbeoordeling van mijn arbeidsongeschiktheid',
          'het gesprek met de verzekeringsarts',
        ],
        problems: [
          'De verzekeringsarts heeft tijdens {s} nauwelijks naar mij geluisterd en mijn medische stukken niet gelezen.',
          'Ik wacht sinds {datum} op de uitslag van {s}.',
          'In het rapport over {s} staan dingen die ik nooit heb gezegd.',
        ],
        outcomes: [
          'Een nieuwe beoordeling door een andere arts.',
          'Dat de fouten in het rapport worden verbeterd.',
        ],
      },
      {
        name: 'Re-integratie',
        subjects: ['mijn re-integratietraject', 'de sollicitatieverplichting', 'het werkfit-traject'],
        problems: [
          'Mijn adviseur heeft {aantal} afspraken over {s} afgezegd zonder een nieuwe te plannen.',
          'Ik word gekort omdat ik {s} niet zou nakomen, maar ik heb alle bewijzen ingeleverd.',
        ],
        outcomes: ['Dat de korting ongedaan wordt gemaakt.', 'Een andere adviseur.'],
      },
    ],
  },
  {
    name: 'Belastingen',
    categories: [
      {
        name: 'Inkomstenbelasting',
        subjects: [
          'mijn aangifte inkomstenbelasting over {jaar}',
          'de voorlopige aanslag',
          'de definitieve aanslag over {jaar}',
        ],
        problems: [
          'In {s} is mijn hypotheekrenteaftrek niet meegenomen, waardoor ik {bedrag} te veel moet betalen.',
          'Ik heb in {maand} bezwaar gemaakt tegen {s} en na {weken} weken nog niets gehoord.',
          'De vooraf ingevulde gegevens in {s} klopten niet en de helpdesk kon mij niet helpen.',
        ],
        outcomes: ['Dat de aanslag wordt verminderd.', 'Dat mijn bezwaar alsnog wordt behandeld.'],
      },
      {
        name: 'Invordering en betalingsregeling',
        subjects: [
          'mijn betalingsregeling',
          'het dwangbevel',
          'de aanmaning van {datum}',
          'de beslaglegging op mijn loon',
        ],
        problems: [
          'Ondanks {s} is er beslag gelegd op mijn loon.',
          'Ik heb {s} keurig betaald maar kreeg toch een dwangbevel met {bedrag} aan kosten.',
          'Een medewerker beloofde telefonisch dat {s} zou worden opgeschort, maar dat is niet gebeurd.',
        ],
        outcomes: ['Dat de invorderingskosten worden kwijtgescholden.', 'Dat het beslag wordt opgeheven.'],
      },
      {
        name: 'Motorrijtuigenbelasting',
        subjects: [
          'de motorrijtuigenbelasting',
          'de naheffing voor mijn auto',
          'de schorsing van mijn kenteken',
        ],
        problems: [
          'Ik moet {s} betalen voor een auto die ik in {maand} al heb verkocht.',
          'Tijdens {s} is de belasting gewoon doorgelopen.',
        ],
        outcomes: ['Dat ik het te veel betaalde bedrag terugkrijg.'],
      },
    ],
  },
  {
    name: 'Klantcontact',
    categories: [
      {
        name: 'Telefonische bereikbaarheid',
        subjects: ['de telefonische hulplijn', 'het klantcontactcentrum', 'het terugbelverzoek'],
        problems: [
          'Ik heb {aantal} keer gebeld naar {s} en hing elke keer meer dan een uur in de wacht.',
          'Via {s} werd mij beloofd dat ik binnen twee werkdagen zou worden teruggebeld; dat is niet gebeurd.',
          'Bij {s} kreeg ik van elke medewerker een ander antwoord.',
        ],
        outcomes: ['Dat iemand mij terugbelt die mijn dossier kent.', 'Betere bereikbaarheid.'],
      },
      {
        name: 'Bejegening',
        subjects: [
          'het gesprek aan de balie',
          'het telefoongesprek van {datum}',
          'mijn bezoek aan het kantoor in {plaats}',
        ],
        problems: [
          'De medewerker was tijdens {s} onbeleefd en liet mij niet uitpraten.',
          'Tijdens {s} werd ik uitgelachen toen ik vroeg om uitleg in eenvoudige taal.',
          'Ik voelde mij tijdens {s} behandeld als een fraudeur.',
        ],
        outcomes: [
          'Excuses van de medewerker.',
          'Dat medewerkers beter worden getraind in het omgaan met klanten.',
        ],
      },
      {
        name: 'Post en correspondentie',
        subjects: ['de brief van {datum}', 'uw brieven', 'de herinnering die ik kreeg'],
        problems: [
          'Ik begrijp {s} niet: er staan afkortingen en wetsartikelen in zonder uitleg.',
          '{S} is naar mijn oude adres gestuurd, terwijl mijn verhuizing al in {maand} is doorgegeven.',
          'Ik heb {s} pas ontvangen nadat de termijn voor bezwaar al was verlopen.',
        ],
        outcomes: ['Brieven in begrijpelijke taal.', 'Dat de bezwaartermijn opnieuw ingaat.'],
      },
    ],
  },
  {
    name: 'Digitale Dienstverlening',
    categories: [
      {
        name: 'Inloggen en DigiD',
        subjects: ['inloggen met DigiD', 'de app', 'het persoonlijke portaal', 'de tweestapsverificatie'],
        problems: [
          'Al {aantal} dagen lukt {s} niet; ik krijg steeds een foutmelding.',
          'Na de laatste update werkt {s} niet meer op mijn telefoon.',
          'Ik ben slechtziend en {s} werkt niet met mijn schermlezer.',
        ],
        outcomes: ['Dat het probleem wordt opgelost.', 'Een andere manier om mijn zaken te regelen.'],
      },
      {
        name: 'Online formulieren',
        subjects: ['het online formulier', 'het wijzigingsformulier', 'het uploaden van bijlagen'],
        problems: [
          'Bij het versturen van {s} kreeg ik een foutmelding en alles wat ik had ingevuld was weg.',
          '{S} accepteert geen buitenlands telefoonnummer.',
          'Na {s} kreeg ik geen bevestiging, dus ik weet niet of mijn gegevens zijn aangekomen.',
        ],
        outcomes: ['Een bevestiging dat mijn gegevens zijn ontvangen.', 'Dat het formulier wordt verbeterd.'],
      },
    ],
  },
  {
    name: 'Documenten en Registratie',
    categories: [
      {
        name: 'Reisdocumenten',
        subjects: ['mijn paspoortaanvraag', 'de identiteitskaart van mijn dochter', 'de spoedaanvraag'],
        problems: [
          '{S} is kwijtgeraakt bij het versturen en ik moet opnieuw betalen.',
          'Ik heb {bedrag} betaald voor {s} maar het document is na {weken} weken nog niet klaar.',
          'De foto bij {s} werd afgekeurd zonder uitleg.',
        ],
        outcomes: ['Mijn geld terug.', 'Dat het document zo snel mogelijk wordt geleverd.'],
      },
      {
        name: 'Adresregistratie',
        subjects: ['mijn adreswijziging', 'de inschrijving in de basisregistratie', 'het adresonderzoek'],
        problems: [
          'Door een fout in {s} staan er nu vreemde mensen op mijn adres ingeschreven.',
          '{S} is niet verwerkt, waardoor ik geen post meer ontvang.',
        ],
        outcomes: ['Dat de registratie wordt hersteld.'],
      },
    ],
  },
  {
    name: 'Vergunningen',
    categories: [
      {
        name: 'Omgevingsvergunning',
        subjects: [
          'mijn aanvraag omgevingsvergunning',
          'de vergunning voor de dakkapel',
          'de aanvraag voor een uitrit',
        ],
        problems: [
          'De wettelijke beslistermijn voor {s} is al {weken} weken verstreken.',
          'Over {s} krijg ik van twee afdelingen tegenstrijdige informatie.',
        ],
        outcomes: ['Een besluit op mijn aanvraag.', 'Een dwangsom wegens niet tijdig beslissen.'],
      },
      {
        name: 'Parkeren',
        subjects: ['mijn parkeervergunning', 'de parkeerboete van {datum}', 'de bezoekersregeling'],
        problems: ['Ik kreeg {s} terwijl ik een geldige vergunning had.', '{S} is zonder reden ingetrokken.'],
        outcomes: ['Dat de boete wordt vernietigd.'],
      },
    ],
  },
  {
    name: 'Handhaving en Boetes',
    categories: [
      {
        name: 'Verkeersboetes',
        subjects: ['de verkeersboete', 'de beschikking van {datum}', 'de aanmaning met verhoging'],
        problems: [
          'Ik kreeg {s} voor een auto die niet van mij is.',
          '{S} kwam pas binnen na de betaaltermijn, en nu moet ik {bedrag} extra betalen.',
        ],
        outcomes: ['Dat de verhoging vervalt.'],
      },
      {
        name: 'Inspectie en toezicht',
        subjects: ['de controle van {datum}', 'het inspectierapport', 'de last onder dwangsom'],
        problems: [
          'De inspecteur kwam zonder aankondiging en gedroeg zich tijdens {s} intimiderend.',
          'In {s} staan feitelijke onjuistheden over ons bedrijf.',
        ],
        outcomes: [
          'Dat het rapport wordt gecorrigeerd.',
          'Een gesprek met de leidinggevende van de inspecteur.',
        ],
      },
    ],
  },
  {
    name: 'Onderwijs en Studiefinanciering',
    categories: [
      {
        name: 'Studiefinanciering',
        subjects: ['mijn studiefinanciering', 'de aflossing van mijn studieschuld', 'de aanvullende beurs'],
        problems: [
          'Het maandbedrag voor {s} is verhoogd zonder rekening te houden met mijn lage inkomen.',
          'Ik heb {s} stopgezet maar er wordt nog steeds geld afgeschreven.',
          '{S} is omgezet in een lening omdat mijn diploma te laat zou zijn doorgegeven.',
        ],
        outcomes: ['Dat de gift alsnog wordt toegekend.', 'Een aflossing die past bij mijn draagkracht.'],
      },
      {
        name: 'Diploma en examens',
        subjects: [
          'de waardering van mijn buitenlandse diploma',
          'de uitslag van het examen',
          'mijn diplomaregistratie',
        ],
        problems: [
          'Over {s} wacht ik al sinds {maand} op antwoord.',
          'In {s} staat een verkeerde geboortedatum.',
        ],
        outcomes: ['Dat de gegevens worden gecorrigeerd.'],
      },
    ],
  },
  {
    name: 'Zorg en Welzijn',
    categories: [
      {
        name: 'Wmo-voorzieningen',
        subjects: [
          'mijn aanvraag voor huishoudelijke hulp',
          'de scootmobiel',
          'de woningaanpassing',
          'het keukentafelgesprek',
        ],
        problems: [
          'Sinds {maand} komt de hulp maar één keer in de {aantal} weken, terwijl mij wekelijks hulp is toegezegd.',
          '{S} is al {weken} weken kapot en de leverancier reageert niet.',
          'Tijdens {s} werd niet gekeken naar mijn werkelijke situatie.',
        ],
        outcomes: [
          'Dat de afgesproken hulp weer wordt geleverd.',
          'Een nieuwe beoordeling van mijn situatie.',
        ],
      },
      {
        name: 'Jeugdhulp',
        subjects: ['de jeugdhulp voor mijn zoon', 'de wachtlijst', 'de indicatie voor mijn dochter'],
        problems: [
          'Mijn kind staat al {weken} weken op {s} en de situatie thuis wordt steeds moeilijker.',
          'De beschikking voor {s} is verlopen zonder dat iemand ons heeft gewaarschuwd.',
        ],
        outcomes: ['Dat mijn kind snel de hulp krijgt die nodig is.'],
      },
    ],
  },
  {
    name: 'Openbare Ruimte',
    categories: [
      {
        name: 'Afval',
        subjects: ['de ondergrondse container', 'het ophalen van het grofvuil', 'de groene container'],
        problems: [
          '{S} in onze straat in {plaats} is al {aantal} weken niet geleegd en er komen ratten op af.',
          'De afspraak voor {s} is {aantal} keer niet nagekomen.',
        ],
        outcomes: ['Dat de container wordt geleegd.', 'Een vast ophaalschema.'],
      },
      {
        name: 'Wegen en groen',
        subjects: [
          'het fietspad langs de {straat}',
          'de boom voor ons huis',
          'de straatverlichting in de {straat}',
        ],
        problems: [
          '{S} is al maanden in slechte staat; mijn buurvrouw is er gevallen.',
          'Mijn melding over {s} van {datum} is zonder overleg afgesloten.',
        ],
        outcomes: [
          'Dat het gebrek wordt hersteld.',
          'Dat meldingen niet meer zonder oplossing worden afgesloten.',
        ],
      },
    ],
  },
  {
    name: 'Bezwaar en Beroep',
    categories: [
      {
        name: 'Behandelduur bezwaar',
        subjects: ['mijn bezwaarschrift', 'de hoorzitting', 'de beslissing op bezwaar'],
        problems: [
          'Ik heb {s} op {datum} ingediend en de wettelijke termijn is ruim overschreden.',
          '{S} werd op het laatste moment afgezegd en er is nog geen nieuwe datum.',
          'In {s} wordt niet ingegaan op mijn argumenten.',
        ],
        outcomes: ['Een beslissing binnen twee weken.', 'Vergoeding van de kosten van mijn rechtsbijstand.'],
      },
    ],
  },
];

const CITIES = [
  'Amsterdam',
  'Rotterdam',
  'Den Haag',
  'Utrecht',
  'Eindhoven',
  'Groningen',
  'Tilburg',
  'Almere',
  'Breda',
  'Nijmegen',
  'Apeldoorn',
  'Arnhem',
  'Haarlem',
  'Enschede',
  'Amersfoort',
  'Zaanstad',
  "'s-Hertogenbosch",
  'Zwolle',
  'Leeuwarden',
  'Maastricht',
  'Dordrecht',
  'Leiden',
  'Emmen',
  'Ede',
  'Venlo',
  'Deventer',
  'Delft',
  'Helmond',
  'Heerlen',
  'Alkmaar',
  'Assen',
  'Middelburg',
  'Lelystad',
  'Hoorn',
  'Gouda',
  'Roermond',
  'Sittard',
  'Vlissingen',
  'Terneuzen',
  'Den Helder',
];
const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Molenweg',
  'Stationsweg',
  'Schoolstraat',
  'Julianalaan',
  'Beatrixstraat',
  'Parallelweg',
  'Lindelaan',
  'Eikenlaan',
  'Industrieweg',
  'Wilhelminastraat',
  'Nieuwstraat',
  'Marktplein',
  'Havenstraat',
];
const FIRST = [
  'Anna',
  'Emma',
  'Sophie',
  'Julia',
  'Lotte',
  'Sanne',
  'Fleur',
  'Eva',
  'Lisa',
  'Fatima',
  'Noor',
  'Yasmina',
  'Ayşe',
  'Maria',
  'Ingrid',
  'Petra',
  'Monique',
  'Daan',
  'Sem',
  'Lucas',
  'Jan',
  'Pieter',
  'Kees',
  'Henk',
  'Mohammed',
  'Ahmed',
  'Youssef',
  'Mehmet',
  'Thijs',
  'Bram',
  'Ruud',
  'Wim',
  'Gerrit',
  'Johan',
  'Marco',
  'Dennis',
  'Priya',
  'Chantal',
  'Ricardo',
  'Wei',
  'Tomasz',
  'Olena',
];
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'El Amrani',
  'Yılmaz',
  'Bouzid',
  'Kaya',
  'Öztürk',
  'Nguyen',
  'Kowalski',
  'Doğan',
  'Ramdin',
  'Tjon',
  'Koster',
];
const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

const OPENINGS = [
  'Hierbij dien ik een klacht in.',
  'Ik wil een klacht indienen over de manier waarop ik ben behandeld.',
  'Geachte heer, mevrouw,',
  'Ik schrijf u omdat ik het gevoel heb dat niemand naar mij luistert.',
  'Al maanden probeer ik een probleem opgelost te krijgen.',
  'Namens mijn moeder, die zelf niet goed Nederlands leest, dien ik deze klacht in.',
  'Dit is de tweede keer dat ik een klacht indien over hetzelfde probleem.',
  '',
  '',
  '',
];
const GENERIC = [
  'Ik heb hierover op {datum} een brief gestuurd maar geen antwoord gekregen.',
  'Ik heb {aantal} keer telefonisch contact gehad en elke keer moest ik mijn verhaal opnieuw doen.',
  'Niemand kon mij vertellen wie mijn dossier behandelt.',
  'Dit zorgt voor veel stress in ons gezin.',
  'Ik heb twee jonge kinderen en kan deze onzekerheid er niet bij hebben.',
  'Ik ben hierdoor in de financiële problemen gekomen.',
  'Uw medewerker beloofde mij terug te bellen, maar dat is nooit gebeurd.',
  'Mijn klantnummer is {nummer}.',
  'Het kenmerk van uw brief is {kenmerk}.',
  'Ik heb alle gevraagde stukken op tijd aangeleverd, ook per aangetekende brief.',
  'Op de website staat informatie die niet klopt met wat de medewerker zei.',
  'Mijn schuldhulpverlener heeft ook al contact met u opgenomen, zonder resultaat.',
  'Ik vind het onacceptabel dat een overheidsorganisatie zo met burgers omgaat.',
  'Het gaat mij niet om het geld, maar om de manier waarop ik ben behandeld.',
  'Graag ontvang ik een schriftelijke reactie.',
  'Ik heb de brief als bijlage meegestuurd.',
  'Bij mijn vorige klacht werd beloofd dat dit niet meer zou gebeuren.',
  'Ik werk zelf overdag en kan alleen na vijf uur bellen, maar dan bent u gesloten.',
];
const CLOSINGS = [
  'Met vriendelijke groet,',
  'Ik hoop snel van u te horen.',
  'Bij voorbaat dank.',
  'Ik reken op een snelle oplossing.',
  '',
  '',
  '',
];

/** A word planted rarely in descriptions so that search can be measured on a rare term. */
export const RARE_WORD = 'klokkenluidersregeling';
const RARE_SENTENCE = 'Ik overweeg een melding te doen onder de klokkenluidersregeling.';
/** Search terms: common (in a large share of cases) and rare. */
export const SEARCH_WORDS = { common: 'brief', rare: RARE_WORD } as const;

export interface GeneratedComplaint {
  departmentIndex: number;
  categoryIndex: number;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  description: string;
  desiredOutcome: string | null;
  language: 'nl' | 'en';
}

export class ComplaintText {
  private readonly categories: { dep: number; cat: number; spec: CategorySpec }[] = [];
  private corpus: string[] = [];

  constructor(private readonly rng: Rng) {
    DEPARTMENTS.forEach((d, dep) =>
      d.categories.forEach((spec, cat) => this.categories.push({ dep, cat, spec })),
    );
  }

  /** Mix in sentences from a CSV of real Dutch text (read at run time only; column `question` or the first). */
  useCorpus(file: string): number {
    const rows = parseCsv(fs.readFileSync(file, 'utf8'));
    const header = rows.shift() ?? [];
    const col = Math.max(0, header.indexOf('question'));
    const sentences: string[] = [];
    for (const r of rows) {
      for (const s of (r[col] ?? '').split(/(?<=[.?!])\s+/)) {
        const t = s.replace(/\s+/g, ' ').trim();
        if (t.length >= 40 && t.length <= 400) sentences.push(t);
      }
    }
    this.corpus = sentences;
    return sentences.length;
  }

  private fill(template: string, subject?: string): string {
    const r = this.rng;
    return template.replace(/\{(\w+)\}/g, (_m, slot: string) => {
      switch (slot) {
        case 's':
          return subject ?? 'dit';
        case 'S':
          return subject ? subject.charAt(0).toUpperCase() + subject.slice(1) : 'Dit';
        case 'bedrag':
          return `€ ${r.int(12, 9800).toLocaleString('nl-NL')},${String(r.int(0, 99)).padStart(2, '0')}`;
        case 'maand':
          return r.pick(MONTHS);
        case 'jaar':
          return String(r.int(2019, 2026));
        case 'weken':
          return String(r.int(3, 40));
        case 'aantal':
          return String(r.int(2, 12));
        case 'datum':
          return `${r.int(1, 28)} ${r.pick(MONTHS)}`;
        case 'plaats':
          return r.pick(CITIES);
        case 'straat':
          return r.pick(STREETS);
        case 'nummer':
          return String(r.int(10_000_000, 99_999_999));
        case 'kenmerk':
          return `${r.pick(['BZ', 'TS', 'UK', 'IB', 'VG'])}/${r.int(2019, 2026)}/${r.int(1000, 999_999)}`;
        default:
          return slot;
      }
    });
  }

  complaint(): GeneratedComplaint {
    const r = this.rng;
    // Some categories draw far more complaints than others (Zipf-like).
    const idx = Math.min(
      this.categories.length - 1,
      Math.floor(this.categories.length * Math.pow(r.next(), 1.8)),
    );
    const { dep, cat, spec } = this.categories[idx]!;
    const subject = this.fill(r.pick(spec.subjects));
    const parts: string[] = [];
    const opening = r.pick(OPENINGS);
    if (opening) parts.push(opening);
    parts.push(this.fill(r.pick(spec.problems), subject));
    const extra = r.weighted([
      [0, 2],
      [1, 4],
      [2, 4],
      [3, 3],
      [5, 2],
      [8, 1],
    ] as const);
    for (let i = 0; i < extra; i++) {
      if (this.corpus.length && r.chance(0.25)) parts.push(r.pick(this.corpus));
      else if (r.chance(0.3)) parts.push(this.fill(r.pick(spec.problems), subject));
      else parts.push(this.fill(r.pick(GENERIC)));
    }
    if (r.chance(0.0002)) parts.push(RARE_SENTENCE);
    const closing = r.pick(CLOSINGS);
    if (closing) parts.push(closing);
    const description = dedupe(parts).join(r.chance(0.3) ? '\n\n' : ' ');

    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const name = r.chance(0.1) ? `${first.charAt(0)}. ${last}` : `${first} ${last}`;
    const hasEmail = r.chance(0.82);
    const email = hasEmail
      ? `${slug(first)}.${slug(last)}${r.int(1, 999)}@${r.pick(['example.nl', 'example.com', 'voorbeeld.nl'])}`
      : null;
    const phone = r.chance(0.55) ? `06${r.int(10_000_000, 99_999_999)}` : null;
    const address =
      !hasEmail || r.chance(0.3)
        ? `${r.pick(STREETS)} ${r.int(1, 250)}, ${r.int(1000, 9999)} ${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))} ${r.pick(CITIES)}`
        : null;
    const desiredOutcome = r.chance(0.7) ? r.pick(spec.outcomes) : null;
    return {
      departmentIndex: dep,
      categoryIndex: cat,
      name,
      email,
      phone,
      address,
      description,
      desiredOutcome,
      language: r.chance(0.97) ? 'nl' : 'en',
    };
  }
}

function dedupe(parts: string[]): string[] {
  return [...new Set(parts)];
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase();
}

/** A minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

import { createContext, useContext } from 'react';
import { FORM_LABELS } from './formLabels.js';

// Every UI string of the back office, in Dutch and English, in one table. Status and action labels
// are NOT here: the server is their single source (statusLabel, allowedActions[].label, /api/v1/labels).
export type Lang = 'nl' | 'en';

const T = {
  appName: { nl: 'Redress backoffice', en: 'Redress back office' },
  skipToContent: { nl: 'Naar de inhoud', en: 'Skip to content' },
  mainNav: { nl: 'Hoofdmenu', en: 'Main menu' },
  navInbox: { nl: 'Werkvoorraad', en: 'Inbox' },
  navNewCase: { nl: 'Klacht registreren', en: 'Register complaint' },
  navDashboard: { nl: 'Dashboard', en: 'Dashboard' },
  navLetters: { nl: 'Brieven', en: 'Letters' },
  navAdmin: { nl: 'Beheer', en: 'Administration' },
  navPassword: { nl: 'Wachtwoord wijzigen', en: 'Change password' },
  logout: { nl: 'Uitloggen', en: 'Log out' },
  switchLanguage: { nl: 'English', en: 'Nederlands' },
  switchLanguageLabel: { nl: 'Switch to English', en: 'Schakel naar Nederlands' },
  signedInAs: { nl: 'Ingelogd als {name} ({role})', en: 'Signed in as {name} ({role})' },
  loading: { nl: 'Bezig met laden…', en: 'Loading…' },
  saving: { nl: 'Bezig met opslaan…', en: 'Saving…' },
  errorSummaryTitle: { nl: 'Er is een probleem', en: 'There is a problem' },
  notFound: { nl: 'Pagina niet gevonden', en: 'Page not found' },
  backToInbox: { nl: 'Terug naar de werkvoorraad', en: 'Back to the inbox' },
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  save: { nl: 'Opslaan', en: 'Save' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  add: { nl: 'Toevoegen', en: 'Add' },
  none: { nl: '—', en: '—' },
  optional: { nl: '(niet verplicht)', en: '(optional)' },
  saved: { nl: 'Opgeslagen.', en: 'Saved.' },
  forbidden: { nl: 'U hebt geen toegang tot deze pagina.', en: 'You do not have access to this page.' },

  // login
  loginTitle: { nl: 'Inloggen', en: 'Log in' },
  email: { nl: 'E-mailadres', en: 'E-mail address' },
  password: { nl: 'Wachtwoord', en: 'Password' },
  loginButton: { nl: 'Inloggen', en: 'Log in' },
  loggedOut: { nl: 'U bent uitgelogd.', en: 'You are logged out.' },
  currentPassword: { nl: 'Huidig wachtwoord', en: 'Current password' },
  newPassword: { nl: 'Nieuw wachtwoord', en: 'New password' },
  newPasswordHint: { nl: 'Minstens 12 tekens.', en: 'At least 12 characters.' },
  repeatPassword: { nl: 'Herhaal het nieuwe wachtwoord', en: 'Repeat the new password' },
  passwordsDiffer: {
    nl: 'De twee nieuwe wachtwoorden zijn niet gelijk.',
    en: 'The two new passwords differ.',
  },
  passwordChanged: {
    nl: 'Uw wachtwoord is gewijzigd. Log opnieuw in.',
    en: 'Your password has been changed. Please log in again.',
  },
  changePasswordButton: { nl: 'Wachtwoord wijzigen', en: 'Change password' },

  // inbox
  inboxTitle: { nl: 'Werkvoorraad', en: 'Inbox' },
  viewsLabel: { nl: 'Weergaven', en: 'Views' },
  viewMine: { nl: 'Mijn dossiers', en: 'My cases' },
  viewDepartment: { nl: 'Mijn afdeling', en: 'My department' },
  viewUnassigned: { nl: 'Niet toegewezen', en: 'Unassigned' },
  viewWeek: { nl: 'Deze week uiterlijk', en: 'Due this week' },
  viewOverdue: { nl: 'Termijn verstreken', en: 'Overdue' },
  viewClosed: { nl: 'Afgesloten', en: 'Closed' },
  viewAll: { nl: 'Alle dossiers', en: 'All cases' },
  search: { nl: 'Zoeken', en: 'Search' },
  searchHint: {
    nl: 'Zoek in de tekst van de klacht of op kenmerk (KL-2026-000123).',
    en: 'Search the complaint text or by reference (KL-2026-000123).',
  },
  filters: { nl: 'Filters', en: 'Filters' },
  applyFilters: { nl: 'Toepassen', en: 'Apply' },
  clearFilters: { nl: 'Filters wissen', en: 'Clear filters' },
  anyStatus: { nl: 'Alle statussen', en: 'All statuses' },
  anyCategory: { nl: 'Alle categorieën', en: 'All categories' },
  anyDepartment: { nl: 'Alle afdelingen', en: 'All departments' },
  receivedFrom: { nl: 'Ontvangen vanaf', en: 'Received from' },
  receivedTo: { nl: 'Ontvangen tot en met', en: 'Received up to' },
  colReference: { nl: 'Kenmerk', en: 'Reference' },
  colComplainant: { nl: 'Klager', en: 'Complainant' },
  colCategory: { nl: 'Categorie', en: 'Category' },
  colStatus: { nl: 'Status', en: 'Status' },
  colDeadline: { nl: 'Termijn', en: 'Deadline' },
  colHandler: { nl: 'Behandelaar', en: 'Handler' },
  colDepartment: { nl: 'Afdeling', en: 'Department' },
  colReceived: { nl: 'Ontvangen', en: 'Received' },
  nextPage: { nl: 'Volgende pagina', en: 'Next page' },
  firstPage: { nl: 'Eerste pagina', en: 'First page' },
  noCases: { nl: 'Geen dossiers gevonden.', en: 'No cases found.' },
  casesShown: { nl: '{n} dossiers getoond', en: '{n} cases shown' },
  me: { nl: 'ik', en: 'me' },
  unassigned: { nl: 'niet toegewezen', en: 'unassigned' },
  dueOverdue: { nl: 'Te laat: {n} dagen over de termijn', en: 'Overdue by {n} days' },
  dueOverdueOne: { nl: 'Te laat: 1 dag over de termijn', en: 'Overdue by 1 day' },
  dueToday: { nl: 'Vandaag uiterlijk', en: 'Due today' },
  dueSoon: { nl: 'Nog {n} dagen', en: '{n} days left' },
  dueSoonOne: { nl: 'Nog 1 dag', en: '1 day left' },
  dueLater: { nl: 'Nog {n} dagen', en: '{n} days left' },
  dueEnded: { nl: 'Afgerond', en: 'Finished' },

  // case view
  caseTitle: { nl: 'Dossier {ref}', en: 'Case {ref}' },
  sectionComplaint: { nl: 'De klacht', en: 'The complaint' },
  coreComplaint: { nl: 'Kern van de klacht', en: 'Core of the complaint' },
  description: { nl: 'Omschrijving', en: 'Description' },
  desiredOutcome: { nl: 'Gewenste uitkomst', en: 'Desired outcome' },
  incidentDate: { nl: 'Datum voorval', en: 'Date of the incident' },
  channel: { nl: 'Kanaal', en: 'Channel' },
  regime: { nl: 'Regeling', en: 'Regime' },
  complainant: { nl: 'Klager', en: 'Complainant' },
  name: { nl: 'Naam', en: 'Name' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  address: { nl: 'Adres', en: 'Address' },
  sectionItems: { nl: 'Klachtonderdelen', en: 'Complaint items' },
  noItems: { nl: 'Nog geen klachtonderdelen.', en: 'No complaint items yet.' },
  sectionRespondents: { nl: 'Beklaagden', en: 'Respondents' },
  noRespondents: { nl: 'Nog geen beklaagden.', en: 'No respondents yet.' },
  sectionDeadlines: { nl: 'Termijnen', en: 'Deadlines' },
  deadlineTerm: { nl: 'Termijn', en: 'Term' },
  deadlineStart: { nl: 'Start', en: 'Start' },
  deadlineRaw: { nl: 'Berekend', en: 'Computed' },
  deadlineDue: { nl: 'Uiterste datum', en: 'Due' },
  deadlineExtension: { nl: 'Verdaging (weken)', en: 'Extension (weeks)' },
  deadlineRules: { nl: 'Toegepaste regels', en: 'Rules applied' },
  term_acknowledgement: { nl: 'Ontvangstbevestiging', en: 'Acknowledgement' },
  term_decision: { nl: 'Afhandeling', en: 'Decision' },
  term_originalDecision: { nl: 'Afhandeling (vóór verdaging)', en: 'Decision (before extension)' },
  term_agreed: { nl: 'Afgesproken datum (met instemming)', en: 'Agreed date (with consent)' },
  term_firstContact: { nl: 'Eerste contact', en: 'First contact' },
  term_declineNotice: { nl: 'Besluit niet-behandelen uiterlijk', en: 'Decline notice by' },
  sectionHistory: { nl: 'Geschiedenis', en: 'History' },
  sectionMessages: { nl: 'Berichten en documenten', en: 'Messages and documents' },
  noMessages: { nl: 'Geen berichten of documenten.', en: 'No messages or documents.' },
  messageRetry: { nl: 'Opnieuw versturen', en: 'Send again' },
  messageRetried: { nl: 'Het bericht wordt opnieuw verstuurd.', en: 'The message will be sent again.' },
  messageError: { nl: 'Fout', en: 'Error' },
  sectionActions: { nl: 'Acties', en: 'Actions' },
  noActions: {
    nl: 'U kunt nu geen acties uitvoeren op dit dossier.',
    en: 'There are no actions you can take on this case now.',
  },
  actionUnavailable: {
    nl: 'Deze stap mag nu, maar de API biedt er nog geen route voor.',
    en: 'This step is allowed now, but the API offers no route for it yet.',
  },
  actionDone: { nl: '“{label}” is vastgelegd.', en: '“{label}” has been recorded.' },
  actionSubmit: { nl: 'Vastleggen', en: 'Record' },
  composeLetter: { nl: 'Brief opstellen', en: 'Compose letter' },
  by: { nl: 'door', en: 'by' },
  system: { nl: 'systeem', en: 'system' },

  // new case
  newCaseTitle: {
    nl: 'Klacht registreren (telefoon, brief, balie)',
    en: 'Register a complaint (phone, letter, counter)',
  },
  receivedAt: { nl: 'Moment van ontvangst', en: 'Moment of receipt' },
  category: { nl: 'Categorie', en: 'Category' },
  language: { nl: 'Taal van de klager', en: "Complainant's language" },
  registerButton: { nl: 'Klacht registreren', en: 'Register complaint' },
  channel_phone: { nl: 'Telefoon', en: 'Phone' },
  channel_letter: { nl: 'Brief', en: 'Letter' },
  channel_counter: { nl: 'Balie', en: 'Counter' },
  channel_email: { nl: 'E-mail', en: 'E-mail' },
  channel_web: { nl: 'Webformulier', en: 'Web form' },
  contactHint: {
    nl: 'Vul minstens een e-mailadres, telefoonnummer of adres in.',
    en: 'Enter at least an e-mail address, phone number or address.',
  },

  // dashboard
  dashboardTitle: { nl: 'Dashboard', en: 'Dashboard' },
  openByStatus: { nl: 'Open dossiers per status', en: 'Open cases by status' },
  openByDepartment: { nl: 'Open dossiers per afdeling', en: 'Open cases by department' },
  onTimeRate: { nl: 'Op tijd afgehandeld', en: 'Decided on time' },
  avgLeadTime: { nl: 'Gemiddelde doorlooptijd', en: 'Average lead time' },
  days: { nl: '{n} dagen', en: '{n} days' },
  outcomeMix: { nl: 'Oordelen', en: 'Outcomes' },
  satisfaction: { nl: 'Tevredenheid', en: 'Satisfaction' },
  volumeByCategory: {
    nl: 'Aantal klachten per categorie per maand',
    en: 'Complaints per category per month',
  },
  overdueList: { nl: 'Termijn verstreken', en: 'Overdue cases' },
  measuresPastDate: { nl: 'Toegezegde maatregelen over de datum', en: 'Promised measures past their date' },
  showTable: { nl: 'Toon als tabel', en: 'Show as table' },
  count: { nl: 'Aantal', en: 'Count' },
  month: { nl: 'Maand', en: 'Month' },
  decidedCount: { nl: '{n} beslist', en: '{n} decided' },
  noData: { nl: 'Nog geen gegevens.', en: 'No data yet.' },
  noDepartment: { nl: 'Zonder afdeling', en: 'No department' },
  noCategory: { nl: 'Zonder categorie', en: 'No category' },
  outcome_upheld: { nl: 'Gegrond', en: 'Upheld' },
  outcome_partly_upheld: { nl: 'Deels gegrond', en: 'Partly upheld' },
  outcome_not_upheld: { nl: 'Ongegrond', en: 'Not upheld' },
  outcome_none: { nl: 'Zonder oordeel', en: 'No judgement' },
  sat_yes: { nl: 'Tevreden', en: 'Satisfied' },
  sat_partly: { nl: 'Deels tevreden', en: 'Partly satisfied' },
  sat_no: { nl: 'Niet tevreden', en: 'Not satisfied' },
  satOutcome: { nl: 'Over de uitkomst', en: 'About the outcome' },
  satHandling: { nl: 'Over de behandeling', en: 'About the handling' },
  responses: { nl: '{n} reacties', en: '{n} responses' },
  measure: { nl: 'Maatregel', en: 'Measure' },
  realisationDate: { nl: 'Toegezegd voor', en: 'Promised by' },

  // letters
  lettersTitle: { nl: 'Brief opstellen', en: 'Compose a letter' },
  letterKind: { nl: 'Soort brief', en: 'Kind of letter' },
  paragraph: { nl: 'Alinea {n}', en: 'Paragraph {n}' },
  addParagraph: { nl: 'Alinea toevoegen', en: 'Add paragraph' },
  removeParagraph: { nl: 'Alinea {n} verwijderen', en: 'Remove paragraph {n}' },
  lintFindings: { nl: 'Bevindingen van de briefcontrole', en: 'Letter check findings' },
  noFindings: { nl: 'Geen bevindingen: de brief voldoet.', en: 'No findings: the letter complies.' },
  finding_error: { nl: 'Fout', en: 'Error' },
  finding_warning: { nl: 'Waarschuwing', en: 'Warning' },
  wholeLetter: { nl: 'hele brief', en: 'whole letter' },
  suggestion: { nl: 'Suggestie', en: 'Suggestion' },
  rule: { nl: 'Regel', en: 'Rule' },
  checkLetter: { nl: 'Brief controleren', en: 'Check letter' },
  pdfPreview: { nl: 'PDF-voorbeeld', en: 'PDF preview' },
  sendLetter: { nl: 'Brief verzenden', en: 'Send letter' },
  sendBlocked: {
    nl: 'Verzenden kan pas als er geen fouten meer zijn ({n}).',
    en: 'Sending is possible once no errors remain ({n}).',
  },
  letterSent: { nl: 'De brief is verzonden.', en: 'The letter has been sent.' },
  generateLetter: { nl: 'Brief genereren', en: 'Generate letter' },
  newLetter: { nl: 'Andere brief', en: 'Another letter' },
  caseLetters: { nl: 'Brieven van dit dossier', en: 'Letters of this case' },
  paragraphRole: { nl: 'Soort alinea {n}', en: 'Kind of paragraph {n}' },
  saveAndPreview: { nl: 'Opslaan en PDF maken', en: 'Save and make PDF' },
  makePdf: { nl: 'PDF maken', en: 'Make PDF' },
  checking: { nl: 'Bezig met controleren…', en: 'Checking…' },

  // admin
  adminTitle: { nl: 'Beheer', en: 'Administration' },
  adminSections: { nl: 'Onderdelen van beheer', en: 'Administration sections' },
  tabOrganisation: { nl: 'Organisatie', en: 'Organisation' },
  tabDepartments: { nl: 'Afdelingen', en: 'Departments' },
  tabCategories: { nl: 'Categorieën', en: 'Categories' },
  tabUsers: { nl: 'Gebruikers en rollen', en: 'Users and roles' },
  tabTokens: { nl: 'API-tokens', en: 'API tokens' },
  orgName: { nl: 'Naam van de organisatie', en: 'Name of the organisation' },
  settingsJson: {
    nl: 'Instellingen (JSON: termijnen, ombudsman, briefhoofd)',
    en: 'Settings (JSON: terms, ombudsman, letterhead)',
  },
  contactPhone: { nl: 'Telefoonnummer voor klagers', en: 'Phone number for complainants' },
  externalBodyName: {
    nl: 'Externe instantie (ombudsman / geschilleninstantie)',
    en: 'External body (ombudsman / disputes body)',
  },
  externalBodyAddress: { nl: 'Adres externe instantie', en: 'Address of the external body' },
  externalBodyUrl: { nl: 'Website externe instantie', en: 'Website of the external body' },
  contactWorkingDays: { nl: 'Contact binnen (werkdagen)', en: 'Contact within (working days)' },
  invalidJson: { nl: 'Dit is geen geldige JSON.', en: 'This is not valid JSON.' },
  active: { nl: 'Actief', en: 'Active' },
  role: { nl: 'Rol', en: 'Role' },
  department: { nl: 'Afdeling', en: 'Department' },
  defaultDepartment: { nl: 'Standaardafdeling', en: 'Default department' },
  newDepartment: { nl: 'Nieuwe afdeling', en: 'New department' },
  newCategory: { nl: 'Nieuwe categorie', en: 'New category' },
  newUser: { nl: 'Nieuwe gebruiker', en: 'New user' },
  deactivate: { nl: 'Deactiveren', en: 'Deactivate' },
  activate: { nl: 'Activeren', en: 'Activate' },
  role_intake: { nl: 'Intake', en: 'Intake' },
  role_handler: { nl: 'Behandelaar', en: 'Handler' },
  role_manager: { nl: 'Manager', en: 'Manager' },
  role_admin: { nl: 'Beheerder', en: 'Administrator' },
  'role_complaints-officer': { nl: 'Klachtenfunctionaris', en: 'Complaints officer' },
  tokensIntro: {
    nl: 'API-tokens geven koppelingen toegang namens een gebruiker. Een token wordt één keer getoond.',
    en: 'API tokens give integrations access on behalf of a user. A token is shown once.',
  },
  tokenUser: { nl: 'Gebruiker', en: 'User' },
  tokenLabel: { nl: 'Omschrijving', en: 'Label' },
  createToken: { nl: 'Token aanmaken', en: 'Create token' },
  revokeToken: { nl: 'Intrekken', en: 'Revoke' },
  tokenCreated: {
    nl: 'Nieuw token (kopieer het nu, het wordt niet opnieuw getoond):',
    en: 'New token (copy it now, it will not be shown again):',
  },
  tokenCreatedAt: { nl: 'Aangemaakt', en: 'Created' },
  tokenLastUsed: { nl: 'Laatst gebruikt', en: 'Last used' },
  tokenRevoked: { nl: 'Ingetrokken', en: 'Revoked' },
} satisfies Record<string, { nl: string; en: string }>;

export type TextKey = keyof typeof T;

export function translate(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  const entry = T[key] as { nl: string; en: string } | undefined;
  let s = entry ? entry[lang] : key;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** For keys built at run time (e.g. `channel_${c}`): falls back to the raw value. */
export function translateMaybe(lang: Lang, key: string, fallback: string): string {
  const entry = (T as Record<string, { nl: string; en: string }>)[key] ?? FORM_LABELS[key];
  return entry ? entry[lang] : fallback;
}

export interface I18n {
  lang: Lang;
  t: (key: TextKey, vars?: Record<string, string | number>) => string;
  tm: (key: string, fallback: string) => string;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'nl',
  t: (k, v) => translate('nl', k, v),
  tm: (k, f) => translateMaybe('nl', k, f),
  setLang: () => {},
});

export const useI18n = () => useContext(I18nContext);

export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

export function formatDateTime(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });
}

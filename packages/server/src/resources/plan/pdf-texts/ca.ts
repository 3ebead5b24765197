import type { PlanPdfTexts } from './types.js';

/** "el 3 de març", but "l'1 de març" and "l'11 de març" (the article drops before a vowel sound). */
const apostrophe = (date: string) => /^(1|11) /.test(date);
const el = (date: string) => (apostrophe(date) ? `l'${date}` : `el ${date}`);
const del = (date: string) => (apostrophe(date) ? `de l'${date}` : `del ${date}`);

export const ca: PlanPdfTexts = {
  title: 'El meu pla',
  version: (version) => `Versió ${version}`,
  printedOn: (date) => `Imprès ${el(date)}`,
  startsOn: (date) => `El meu pla comença ${el(date)}.`,
  intro: 'Aquests són els meus objectius. Sota cada objectiu hi ha els passos per arribar-hi.',
  me: 'Jo',
  by: (date) => `abans ${del(date)}`,
  status: { planned: 'Per fer', in_progress: 'Fent-ho', done: 'Fet', dropped: 'Aturat' },
  helps: "El que m'ajuda",
  supports: {
    childcare: 'algú que cuidi els meus fills',
    transport_money: "diners per a l'autobús o el tren",
    interpreter: 'una persona que em tradueixi',
  },
  noSteps: 'Encara no hi ha passos.',
  noGoals: 'Encara no hi ha objectius.',
  victories: 'Les meves petites victòries',
  noVictories: "Cada pas compta. Aquí s'escriuran les meves victòries.",
  agreementHeading: "Hi estic d'acord",
  signed: (date) => `Vaig acceptar aquest pla ${el(date)}. El vaig signar.`,
  witnessed: (date) => `Vaig acceptar aquest pla ${el(date)}. Ho vaig dir davant d'un testimoni.`,
  notAgreed: 'Aquest pla encara no està acceptat. Encara el podem canviar.',
};

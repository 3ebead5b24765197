import type { PlanPdfTexts } from './types.js';

/** "il 3 marzo", "il 1º marzo", "l'8 marzo", "l'11 marzo". */
const il = (date: string) =>
  /^1 /.test(date) ? `il 1º${date.slice(1)}` : /^(8|11) /.test(date) ? `l'${date}` : `il ${date}`;

export const it: PlanPdfTexts = {
  title: 'Il mio piano',
  version: (version) => `Versione ${version}`,
  printedOn: (date) => `Stampato ${il(date)}`,
  startsOn: (date) => `Il mio piano inizia ${il(date)}.`,
  intro: 'Questi sono i miei obiettivi. Sotto ogni obiettivo ci sono i passi per arrivarci.',
  me: 'Io',
  by: (date) => `entro ${il(date)}`,
  status: { planned: 'Da fare', in_progress: 'In corso', done: 'Fatto', dropped: 'Fermato' },
  helps: 'Cosa mi aiuta',
  supports: {
    childcare: 'qualcuno che si occupi dei miei figli',
    transport_money: "soldi per l'autobus o il treno",
    interpreter: 'una persona che traduce per me',
  },
  noSteps: 'Ancora nessun passo.',
  noGoals: 'Ancora nessun obiettivo.',
  victories: 'Le mie piccole vittorie',
  noVictories: 'Ogni passo conta. Qui scriveremo le mie vittorie.',
  agreementHeading: "Sono d'accordo",
  signed: (date) => `Ho accettato questo piano ${il(date)}. L'ho firmato.`,
  witnessed: (date) => `Ho accettato questo piano ${il(date)}. L'ho detto davanti a un testimone.`,
  notAgreed: 'Questo piano non è ancora accettato. Possiamo ancora cambiarlo insieme.',
};

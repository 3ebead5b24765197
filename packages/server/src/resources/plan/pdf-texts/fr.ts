import type { PlanPdfTexts } from './types.js';

/** "le 3 mars", but "le 1er mars". */
const le = (date: string) => `le ${date.replace(/^1 /, '1er ')}`;

export const fr: PlanPdfTexts = {
  title: 'Mon plan',
  version: (version) => `Version ${version}`,
  printedOn: (date) => `Imprimé ${le(date)}`,
  startsOn: (date) => `Mon plan commence ${le(date)}.`,
  intro: 'Voici mes objectifs. Sous chaque objectif, il y a les étapes pour y arriver.',
  me: 'Moi',
  by: (date) => `avant ${le(date)}`,
  status: { planned: 'À faire', in_progress: 'En cours', done: 'Fait', dropped: 'Arrêté' },
  helps: "Ce qui m'aide",
  supports: {
    childcare: "quelqu'un pour garder mes enfants",
    transport_money: "de l'argent pour le bus ou le train",
    interpreter: "quelqu'un qui traduit pour moi",
  },
  noSteps: "Pas encore d'étapes.",
  noGoals: "Pas encore d'objectifs.",
  victories: 'Mes petites victoires',
  noVictories: 'Chaque pas compte. Mes victoires seront écrites ici.',
  agreementHeading: "Je suis d'accord",
  signed: (date) => `J'ai accepté ce plan ${le(date)}. Je l'ai signé.`,
  witnessed: (date) => `J'ai accepté ce plan ${le(date)}. Je l'ai dit devant un témoin.`,
  notAgreed: "Ce plan n'est pas encore accepté. Nous pouvons encore le changer ensemble.",
};

import type { PlanPdfTexts } from './types.js';

export const es: PlanPdfTexts = {
  title: 'Mi plan',
  version: (version) => `Versión ${version}`,
  printedOn: (date) => `Impreso el ${date}`,
  startsOn: (date) => `Mi plan empieza el ${date}.`,
  intro: 'Estas son mis metas. Debajo de cada meta están los pasos para llegar.',
  me: 'Yo',
  by: (date) => `antes del ${date}`,
  status: { planned: 'Por hacer', in_progress: 'Haciendo', done: 'Hecho', dropped: 'Parado' },
  helps: 'Lo que me ayuda',
  supports: {
    childcare: 'alguien que cuide de mis hijos',
    transport_money: 'dinero para el autobús o el tren',
    interpreter: 'una persona que me traduzca',
  },
  noSteps: 'Todavía no hay pasos.',
  noGoals: 'Todavía no hay metas.',
  victories: 'Mis pequeñas victorias',
  noVictories: 'Cada paso cuenta. Aquí se escribirán mis victorias.',
  agreementHeading: 'Estoy de acuerdo',
  signed: (date) => `Acepté este plan el ${date}. Lo firmé.`,
  witnessed: (date) => `Acepté este plan el ${date}. Lo dije delante de un testigo.`,
  notAgreed: 'Este plan todavía no está aceptado. Aún podemos cambiarlo.',
};

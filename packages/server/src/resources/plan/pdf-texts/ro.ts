import type { PlanPdfTexts } from './types.js';

export const ro: PlanPdfTexts = {
  title: 'Planul meu',
  version: (version) => `Versiunea ${version}`,
  printedOn: (date) => `Tipărit pe ${date}`,
  startsOn: (date) => `Planul meu începe pe ${date}.`,
  intro: 'Acestea sunt obiectivele mele. Sub fiecare obiectiv sunt pașii ca să ajung acolo.',
  me: 'Eu',
  by: (date) => `până la ${date}`,
  status: { planned: 'De făcut', in_progress: 'În lucru', done: 'Făcut', dropped: 'Oprit' },
  helps: 'Ce mă ajută',
  supports: {
    childcare: 'cineva care să aibă grijă de copiii mei',
    transport_money: 'bani pentru autobuz sau tren',
    interpreter: 'cineva care să traducă pentru mine',
  },
  noSteps: 'Încă nu sunt pași.',
  noGoals: 'Încă nu sunt obiective.',
  victories: 'Micile mele victorii',
  noVictories: 'Fiecare pas contează. Aici vor fi scrise victoriile mele.',
  agreementHeading: 'Sunt de acord',
  signed: (date) => `Am acceptat acest plan pe ${date}. L-am semnat.`,
  witnessed: (date) => `Am acceptat acest plan pe ${date}. Am spus asta în fața unui martor.`,
  notAgreed: 'Acest plan nu este încă acceptat. Îl mai putem schimba împreună.',
};

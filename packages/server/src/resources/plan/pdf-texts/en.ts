import type { PlanPdfTexts } from './types.js';

export const en: PlanPdfTexts = {
  title: 'My plan',
  version: (version) => `Version ${version}`,
  printedOn: (date) => `Printed on ${date}`,
  startsOn: (date) => `My plan starts on ${date}.`,
  intro: 'These are my goals. Under each goal are the steps to reach it.',
  me: 'Me',
  by: (date) => `by ${date}`,
  status: { planned: 'To do', in_progress: 'Doing', done: 'Done', dropped: 'Stopped' },
  helps: 'What helps me',
  supports: {
    childcare: 'someone to look after my children',
    transport_money: 'money for the bus or the train',
    interpreter: 'someone to translate for me',
  },
  noSteps: 'No steps yet.',
  noGoals: 'No goals yet.',
  victories: 'My small victories',
  noVictories: 'Every step counts. My victories will be written here.',
  agreementHeading: 'I agree',
  signed: (date) => `I agreed to this plan on ${date}. I signed it.`,
  witnessed: (date) => `I agreed to this plan on ${date}. I said so in front of a witness.`,
  notAgreed: 'This plan is not agreed yet. We can still change it together.',
};

import type { PlanPdfTexts } from './types.js';

export const pt: PlanPdfTexts = {
  title: 'O meu plano',
  version: (version) => `Versão ${version}`,
  printedOn: (date) => `Impresso em ${date}`,
  startsOn: (date) => `O meu plano começa em ${date}.`,
  intro: 'Estes são os meus objetivos. Debaixo de cada objetivo estão os passos para lá chegar.',
  me: 'Eu',
  by: (date) => `até ${date}`,
  status: { planned: 'Por fazer', in_progress: 'Em curso', done: 'Feito', dropped: 'Parado' },
  helps: 'O que me ajuda',
  supports: {
    childcare: 'alguém que cuide dos meus filhos',
    transport_money: 'dinheiro para o transporte',
    interpreter: 'alguém que traduza para mim',
  },
  noSteps: 'Ainda não há passos.',
  noGoals: 'Ainda não há objetivos.',
  victories: 'As minhas pequenas vitórias',
  noVictories: 'Cada passo conta. As minhas vitórias vão ser escritas aqui.',
  agreementHeading: 'Estou de acordo',
  signed: (date) => `Aceitei este plano em ${date}. Assinei-o.`,
  witnessed: (date) => `Aceitei este plano em ${date}. Disse-o diante de uma testemunha.`,
  notAgreed: 'Este plano ainda não foi aceite. Ainda o podemos mudar.',
};

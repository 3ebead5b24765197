import type { ConsentFormTexts } from './types.js';

export const fr: ConsentFormTexts = {
  title: 'Formulaire de consentement',
  caseCode: 'Code du dossier',
  organization: 'Association',
  intro:
    'Nous voulons te demander quelque chose. Écoute ou lis calmement. Pose-nous toutes tes questions. C’est toi qui décides.',
  whatFor: 'Ce que nous te demandons',
  purposes: {
    record_keeping:
      'Nous notons des informations sur toi et nous les gardons, pour pouvoir t’aider. Seules les personnes qui t’aident peuvent les lire. Nous les gardons en sécurité.',
    share_section:
      'Nous voulons montrer une partie de ton dossier à d’autres personnes de notre équipe, pour qu’elles puissent mieux t’aider.',
    referral:
      'Nous voulons t’orienter vers une autre association, pour qu’elle t’aide. Nous lui donnerions quelques informations sur toi.',
    contact: 'Nous voulons te contacter seulement de la façon que tu choisis, aux heures que tu dis sûres.',
    group_activities:
      'Tu peux participer à des activités de groupe. Les autres femmes du groupe te verront et connaîtront ton prénom.',
    anonymous_statistics:
      'Nous comptons combien de femmes nous aidons. Ton nom n’est jamais dans ces chiffres. Personne ne peut savoir que c’est toi.',
  },
  whoGetsIt: 'Qui le reçoit',
  recipientTeam: 'Dans ton équipe d’accompagnement : {role}',
  recipientOrganization: 'Dans toute notre association : {role}',
  roles: {
    social_worker: 'les assistants sociaux',
    psychologist: 'les psychologues',
    psychiatrist: 'les psychiatres',
    social_educator: 'les éducateurs',
    lawyer: 'les avocats',
    peer_worker: 'les pairs aidantes',
    outreach_worker: 'les travailleurs de rue',
    coordinator: 'les coordinateurs',
    administrator: 'les administrateurs',
  },
  whatInformation: 'Quelles informations',
  sections: {
    identity: 'Ton nom, tes papiers et comment te joindre',
    safety: 'Ta sécurité',
    trafficking_network: 'Ce que tu nous as dit sur les personnes qui t’ont exploitée',
    legal: 'Tes papiers, titres de séjour et procès',
    mental_health: 'Tes entretiens avec la psychologue',
    physical_health: 'Ta santé',
    plan: 'Ton projet et tes objectifs',
    needs: 'Ce dont tu as besoin',
    monitoring: 'Comment ça se passe pour toi',
    employment: 'Travail',
    education: 'École et formations',
    economic: 'Argent',
    family: 'Ta famille et tes enfants',
  },
  yourRights: 'Tes droits',
  rights: [
    'C’est toi qui décides. Tu peux dire oui ou non.',
    'Si tu dis non, tu reçois quand même toute notre aide. Dire non ne te fait jamais perdre un service.',
    'Tu peux changer d’avis à tout moment. Dis-le-nous à l’oral ou par écrit. Nous arrêtons tout de suite.',
    'Tu peux poser des questions avant de signer. Tu peux nous demander de te lire ce papier dans ta langue.',
    'Tu reçois une copie de ce papier.',
  ],
  yourAnswer: 'Ta réponse',
  yes: 'Oui, je suis d’accord',
  no: 'Non, je ne suis pas d’accord',
  validUntil: 'Valable jusqu’au (nous te redemanderons alors)',
  signatures: 'Signatures',
  date: 'Date',
  herSignature: 'Ta signature ou ta marque',
  professional: 'Professionnel qui l’a expliqué : nom et signature',
  interpreter: 'Interprète, s’il y en a eu un : nom et signature',
  languageUsed: 'Langue utilisée pour l’expliquer',
  keepCopy: 'Garde ta copie dans un endroit sûr.',
};

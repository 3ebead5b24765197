/**
 * The words she reads: sphere names and the five scale steps in plain language, in every language
 * her documents are printed in (the consent-form languages). Used by her printed plan and by the
 * screen where she rates herself. Short, everyday words; no professional terms.
 */
import type { ConsentFormLanguage } from './consent.js';
import type { ScaleStep } from './monitoring-scale.js';
import type { Sphere } from './spheres.js';

export type ParticipantLanguage = ConsentFormLanguage;

export const SPHERE_WORDS: Record<Sphere, Record<ParticipantLanguage, string>> = {
  housing: { en: 'Home', es: 'Casa', it: 'Casa', ca: 'Casa', fr: 'Logement', pt: 'Casa', ro: 'Locuință' },
  legal_status: {
    en: 'Papers and permits',
    es: 'Papeles y permisos',
    it: 'Documenti e permessi',
    ca: 'Papers i permisos',
    fr: 'Papiers et titres de séjour',
    pt: 'Documentos e autorizações',
    ro: 'Acte și permise',
  },
  employment: {
    en: 'Work',
    es: 'Trabajo',
    it: 'Lavoro',
    ca: 'Feina',
    fr: 'Travail',
    pt: 'Trabalho',
    ro: 'Muncă',
  },
  education: {
    en: 'Learning and language',
    es: 'Estudios e idioma',
    it: 'Studio e lingua',
    ca: 'Estudis i llengua',
    fr: 'Études et langue',
    pt: 'Estudos e língua',
    ro: 'Învățătură și limbă',
  },
  safety: {
    en: 'Safety',
    es: 'Seguridad',
    it: 'Sicurezza',
    ca: 'Seguretat',
    fr: 'Sécurité',
    pt: 'Segurança',
    ro: 'Siguranță',
  },
  social_environment: {
    en: 'Where I live and belong',
    es: 'Mi barrio y mi entorno',
    it: 'Il mio quartiere e il mio ambiente',
    ca: 'El meu barri i el meu entorn',
    fr: 'Mon quartier et mon entourage',
    pt: 'O meu bairro e o meu meio',
    ro: 'Cartierul și mediul meu',
  },
  social_relations: {
    en: 'Friends and people I trust',
    es: 'Amistades y personas de confianza',
    it: 'Amicizie e persone di fiducia',
    ca: 'Amistats i persones de confiança',
    fr: 'Amis et personnes de confiance',
    pt: 'Amizades e pessoas de confiança',
    ro: 'Prieteni și oameni de încredere',
  },
  economic: {
    en: 'Money',
    es: 'Dinero',
    it: 'Soldi',
    ca: 'Diners',
    fr: 'Argent',
    pt: 'Dinheiro',
    ro: 'Bani',
  },
  physical_health: {
    en: 'Body and health',
    es: 'Cuerpo y salud',
    it: 'Corpo e salute',
    ca: 'Cos i salut',
    fr: 'Corps et santé',
    pt: 'Corpo e saúde',
    ro: 'Corp și sănătate',
  },
  mental_health: {
    en: 'How I feel inside',
    es: 'Cómo me siento por dentro',
    it: 'Come mi sento dentro',
    ca: 'Com em sento per dins',
    fr: 'Comment je me sens',
    pt: 'Como me sinto por dentro',
    ro: 'Cum mă simt în suflet',
  },
  access_to_services: {
    en: 'Services and my rights',
    es: 'Servicios y mis derechos',
    it: 'Servizi e i miei diritti',
    ca: 'Serveis i els meus drets',
    fr: 'Services et mes droits',
    pt: 'Serviços e os meus direitos',
    ro: 'Servicii și drepturile mele',
  },
  motivation: {
    en: 'My strength to go on',
    es: 'Mis ganas de seguir',
    it: 'La mia voglia di andare avanti',
    ca: 'Les meves ganes de seguir',
    fr: 'Mon envie d’avancer',
    pt: 'A minha vontade de seguir',
    ro: 'Puterea mea de a merge mai departe',
  },
  legal_proceedings: {
    en: 'Court and police matters',
    es: 'Juicios y denuncias',
    it: 'Processi e denunce',
    ca: 'Judicis i denúncies',
    fr: 'Justice et plaintes',
    pt: 'Tribunal e queixas',
    ro: 'Proces și plângeri',
  },
  family: {
    en: 'Children and family',
    es: 'Hijos y familia',
    it: 'Figli e famiglia',
    ca: 'Fills i família',
    fr: 'Enfants et famille',
    pt: 'Filhos e família',
    ro: 'Copii și familie',
  },
};

/** The five steps as she reads them, lowest first. */
export const STEP_WORDS: Record<ScaleStep, Record<ParticipantLanguage, string>> = {
  1: {
    en: 'Very hard',
    es: 'Muy difícil',
    it: 'Molto difficile',
    ca: 'Molt difícil',
    fr: 'Très difficile',
    pt: 'Muito difícil',
    ro: 'Foarte greu',
  },
  2: {
    en: 'Hard',
    es: 'Difícil',
    it: 'Difficile',
    ca: 'Difícil',
    fr: 'Difficile',
    pt: 'Difícil',
    ro: 'Greu',
  },
  3: {
    en: 'Getting better',
    es: 'Mejorando',
    it: 'Va meglio',
    ca: 'Millorant',
    fr: 'Ça s’améliore',
    pt: 'A melhorar',
    ro: 'Merge mai bine',
  },
  4: { en: 'Good', es: 'Bien', it: 'Bene', ca: 'Bé', fr: 'Bien', pt: 'Bem', ro: 'Bine' },
  5: {
    en: 'Very good, on my own',
    es: 'Muy bien, por mí misma',
    it: 'Molto bene, da sola',
    ca: 'Molt bé, per mi mateixa',
    fr: 'Très bien, toute seule',
    pt: 'Muito bem, sozinha',
    ro: 'Foarte bine, singură',
  },
};

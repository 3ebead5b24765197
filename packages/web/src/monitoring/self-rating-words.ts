/**
 * The few interface words of the screen where she rates herself, in every language her own words
 * exist in (the consent-form languages: seven, wider than the four staff languages). Kept here and
 * not in i18next because they follow her language, not the staff member's. Short, everyday words.
 */
import type { ParticipantLanguage } from '@cope/domain';

export interface SelfRatingWords {
  /** The language's own name, on its button. */
  languageName: string;
  chooseLanguage: string;
  question: string;
  touchAFace: string;
  skip: string;
  back: string;
  save: string;
  saving: string;
  reviewTitle: string;
  reviewText: string;
  noAnswer: string;
  /** On each of her answers before saving: touch it to change it. */
  change: string;
  nothingChosen: string;
  notSaved: string;
  thankYou: string;
  thankYouText: string;
  /** After saving: she hands the device back (a sentence, not a button: only staff go on). */
  handBack: string;
  progressLabel: string;
  progress: (current: number, total: number) => string;
}

/** The order of the language buttons. */
export const PARTICIPANT_LANGUAGE_ORDER: readonly ParticipantLanguage[] = [
  'en',
  'es',
  'it',
  'ca',
  'fr',
  'pt',
  'ro',
];

export const SELF_RATING_WORDS: Record<ParticipantLanguage, SelfRatingWords> = {
  en: {
    languageName: 'English',
    chooseLanguage: 'Choose your language',
    question: 'How is it going?',
    touchAFace: 'Touch the face that fits best.',
    skip: 'Skip',
    back: 'Back',
    save: 'Save',
    saving: 'Saving…',
    reviewTitle: 'Your answers',
    reviewText: 'Look at your answers. If they are right, touch Save.',
    noAnswer: 'No answer',
    change: 'Change',
    nothingChosen: 'You have not chosen any face yet.',
    notSaved: 'It could not be saved. Please give the screen back to the professional.',
    thankYou: 'Thank you',
    thankYouText: 'Your answers are saved.',
    handBack: 'Please give the device back to the person who is with you.',
    progressLabel: 'Progress',
    progress: (current, total) => `Question ${current} of ${total}`,
  },
  es: {
    languageName: 'Español',
    chooseLanguage: 'Elige tu idioma',
    question: '¿Cómo te va?',
    touchAFace: 'Toca la cara que mejor encaja.',
    skip: 'Saltar',
    back: 'Atrás',
    save: 'Guardar',
    saving: 'Guardando…',
    reviewTitle: 'Tus respuestas',
    reviewText: 'Mira tus respuestas. Si están bien, toca Guardar.',
    noAnswer: 'Sin respuesta',
    change: 'Cambiar',
    nothingChosen: 'Todavía no has elegido ninguna cara.',
    notSaved: 'No se ha podido guardar. Devuelve la pantalla a quien te acompaña.',
    thankYou: 'Gracias',
    thankYouText: 'Tus respuestas están guardadas.',
    handBack: 'Por favor, devuelve el dispositivo a quien te acompaña.',
    progressLabel: 'Progreso',
    progress: (current, total) => `Pregunta ${current} de ${total}`,
  },
  it: {
    languageName: 'Italiano',
    chooseLanguage: 'Scegli la tua lingua',
    question: 'Come va?',
    touchAFace: 'Tocca la faccina che va meglio.',
    skip: 'Salta',
    back: 'Indietro',
    save: 'Salva',
    saving: 'Salvataggio…',
    reviewTitle: 'Le tue risposte',
    reviewText: 'Guarda le tue risposte. Se vanno bene, tocca Salva.',
    noAnswer: 'Nessuna risposta',
    change: 'Cambia',
    nothingChosen: 'Non hai ancora scelto nessuna faccina.',
    notSaved: 'Non è stato possibile salvare. Restituisci lo schermo a chi ti accompagna.',
    thankYou: 'Grazie',
    thankYouText: 'Le tue risposte sono salvate.',
    handBack: 'Per favore, restituisci il dispositivo a chi ti accompagna.',
    progressLabel: 'Avanzamento',
    progress: (current, total) => `Domanda ${current} di ${total}`,
  },
  ca: {
    languageName: 'Català',
    chooseLanguage: 'Tria la teva llengua',
    question: 'Com va?',
    touchAFace: 'Toca la cara que hi encaixa millor.',
    skip: 'Salta',
    back: 'Enrere',
    save: 'Desa',
    saving: 'Desant…',
    reviewTitle: 'Les teves respostes',
    reviewText: 'Mira les teves respostes. Si estan bé, toca Desa.',
    noAnswer: 'Sense resposta',
    change: 'Canvia',
    nothingChosen: 'Encara no has triat cap cara.',
    notSaved: 'No s’ha pogut desar. Torna la pantalla a qui t’acompanya.',
    thankYou: 'Gràcies',
    thankYouText: 'Les teves respostes estan desades.',
    handBack: 'Si us plau, torna el dispositiu a qui t’acompanya.',
    progressLabel: 'Progrés',
    progress: (current, total) => `Pregunta ${current} de ${total}`,
  },
  fr: {
    languageName: 'Français',
    chooseLanguage: 'Choisissez votre langue',
    question: 'Comment ça va ?',
    touchAFace: 'Touchez le visage qui correspond le mieux.',
    skip: 'Passer',
    back: 'Retour',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    reviewTitle: 'Vos réponses',
    reviewText: 'Regardez vos réponses. Si elles sont justes, touchez Enregistrer.',
    noAnswer: 'Pas de réponse',
    change: 'Modifier',
    nothingChosen: 'Vous n’avez encore choisi aucun visage.',
    notSaved: 'Ce n’est pas enregistré. Rendez l’écran à la personne qui vous accompagne.',
    thankYou: 'Merci',
    thankYouText: 'Vos réponses sont enregistrées.',
    handBack: 'Merci de rendre l’appareil à la personne qui vous accompagne.',
    progressLabel: 'Progression',
    progress: (current, total) => `Question ${current} sur ${total}`,
  },
  pt: {
    languageName: 'Português',
    chooseLanguage: 'Escolha a sua língua',
    question: 'Como está a correr?',
    touchAFace: 'Toque na cara que combina melhor.',
    skip: 'Saltar',
    back: 'Voltar',
    save: 'Guardar',
    saving: 'A guardar…',
    reviewTitle: 'As suas respostas',
    reviewText: 'Veja as suas respostas. Se estiverem bem, toque em Guardar.',
    noAnswer: 'Sem resposta',
    change: 'Alterar',
    nothingChosen: 'Ainda não escolheu nenhuma cara.',
    notSaved: 'Não foi possível guardar. Devolva o ecrã a quem a acompanha.',
    thankYou: 'Obrigado',
    thankYouText: 'As suas respostas estão guardadas.',
    handBack: 'Por favor, devolva o aparelho a quem a acompanha.',
    progressLabel: 'Progresso',
    progress: (current, total) => `Pergunta ${current} de ${total}`,
  },
  ro: {
    languageName: 'Română',
    chooseLanguage: 'Alege limba ta',
    question: 'Cum merge?',
    touchAFace: 'Atinge fața care se potrivește cel mai bine.',
    skip: 'Sari peste',
    back: 'Înapoi',
    save: 'Salvează',
    saving: 'Se salvează…',
    reviewTitle: 'Răspunsurile tale',
    reviewText: 'Uită-te la răspunsurile tale. Dacă sunt bune, atinge Salvează.',
    noAnswer: 'Fără răspuns',
    change: 'Schimbă',
    nothingChosen: 'Nu ai ales încă nicio față.',
    notSaved: 'Nu s-a putut salva. Dă ecranul înapoi persoanei care te însoțește.',
    thankYou: 'Mulțumim',
    thankYouText: 'Răspunsurile tale sunt salvate.',
    handBack: 'Te rugăm să dai dispozitivul înapoi persoanei care te însoțește.',
    progressLabel: 'Progres',
    progress: (current, total) => `Întrebarea ${current} din ${total}`,
  },
};

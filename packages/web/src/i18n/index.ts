/**
 * Interface language. Choice order: what this person picked on this device, else the locale of
 * their account, else the browser's languages, else English. Only the chosen language code is
 * stored in the browser — never anything about cases.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type LanguageCode, matchLanguage } from './languages';
import { mergeMessages } from './merge';

export { isSupportedLanguage, type LanguageCode, matchLanguage, SUPPORTED_LANGUAGES } from './languages';

const STORAGE_KEY = 'cope.language';

/**
 * Texts live in locales/<language>.json and, per feature, in locales/<feature>/<language>.json;
 * each feature file holds its own top-level keys.
 */
const bundles = import.meta.glob<Record<string, unknown>>('./locales/**/*.json', {
  eager: true,
  import: 'default',
});

function messagesFor(code: LanguageCode): Record<string, unknown> {
  const files = Object.entries(bundles).filter(([file]) => file.endsWith(`/${code}.json`));
  return mergeMessages(files.map(([file, messages]) => ({ file, messages })));
}

function readStoredLanguage(): LanguageCode | null {
  try {
    return matchLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return null; // storage disabled: fall back to the other sources
  }
}

function writeStoredLanguage(code: LanguageCode): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Storage disabled: the choice lasts until the page is reloaded.
  }
}

let chosenLanguage: LanguageCode | null = readStoredLanguage();

function browserLanguage(): LanguageCode | null {
  for (const locale of navigator.languages ?? [navigator.language]) {
    const match = matchLanguage(locale);
    if (match) return match;
  }
  return null;
}

export function currentLanguage(): LanguageCode {
  return matchLanguage(i18n.resolvedLanguage ?? i18n.language) ?? DEFAULT_LANGUAGE;
}

/** The person picked a language: use it and remember it on this device. */
export function chooseLanguage(code: LanguageCode): void {
  chosenLanguage = code;
  writeStoredLanguage(code);
  void i18n.changeLanguage(code);
}

/** Once the account is known, its locale applies unless a language was picked on this device. */
export function adoptAccountLanguage(locale: string): void {
  const match = matchLanguage(locale);
  if (!chosenLanguage && match && match !== currentLanguage()) void i18n.changeLanguage(match);
}

/**
 * Signing out makes the server send Clear-Site-Data, which also empties local storage; put the
 * language choice back so the sign-in page stays in the language the person picked.
 */
export function restoreLanguageChoice(): void {
  if (chosenLanguage) writeStoredLanguage(chosenLanguage);
}

function syncDocumentLanguage(code: string): void {
  document.documentElement.lang = matchLanguage(code) ?? DEFAULT_LANGUAGE;
}

i18n.on('languageChanged', syncDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: messagesFor('en') },
    es: { translation: messagesFor('es') },
    it: { translation: messagesFor('it') },
    ca: { translation: messagesFor('ca') },
  },
  lng: chosenLanguage ?? browserLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['en', 'es', 'it', 'ca'],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled: be ready before the first render
});
syncDocumentLanguage(i18n.language);

export default i18n;

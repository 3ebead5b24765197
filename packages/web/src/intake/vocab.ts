/**
 * Names of the intake vocabularies in the interface language, and of countries and languages
 * through the browser's Intl.DisplayNames (no translated lists are kept in the app).
 */
import {
  CONTACT_CHANNELS,
  CONTROL_METHODS,
  COUNTRY_CODES,
  type ContactChannel,
  type ControlMethod,
  DEPENDANT_LOCATIONS,
  DEPENDANT_RELATIONS,
  type DependantLocation,
  type DependantRelation,
  DOCUMENT_KINDS,
  type DocumentKind,
  EXPLOITATION_FORMS,
  type ExploitationForm,
  LEGAL_SITUATIONS,
  type LegalSituation,
  REFERRAL_SOURCES,
  type ReferralSource,
  TRAFFICKING_STATUSES,
  type TraffickingStatus,
  type TriState,
} from '@cope/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageChoices } from '../i18n/language-choices';

export interface Vocabulary {
  exploitation: Record<ExploitationForm, string>;
  control: Record<ControlMethod, string>;
  trafficking: Record<TraffickingStatus, string>;
  legal: Record<LegalSituation, string>;
  referral: Record<ReferralSource, string>;
  channel: Record<ContactChannel, string>;
  relation: Record<DependantRelation, string>;
  location: Record<DependantLocation, string>;
  document: Record<DocumentKind, string>;
  tri: Record<TriState, string>;
  yesNo: Record<'yes' | 'no', string>;
}

export function useVocabulary(): Vocabulary {
  const { t } = useTranslation();
  return {
    exploitation: {
      sexual: t('intake.vocab.exploitation.sexual'),
      labour: t('intake.vocab.exploitation.labour'),
      forced_begging: t('intake.vocab.exploitation.forcedBegging'),
      forced_criminality: t('intake.vocab.exploitation.forcedCriminality'),
      forced_marriage: t('intake.vocab.exploitation.forcedMarriage'),
      organ_removal: t('intake.vocab.exploitation.organRemoval'),
      servitude: t('intake.vocab.exploitation.servitude'),
      other: t('intake.vocab.exploitation.other'),
      unknown: t('intake.vocab.exploitation.unknown'),
    },
    control: {
      threats: t('intake.vocab.control.threats'),
      threats_law_enforcement: t('intake.vocab.control.threatsLawEnforcement'),
      threatens_family: t('intake.vocab.control.threatensFamily'),
      debt_bondage: t('intake.vocab.control.debtBondage'),
      false_promises: t('intake.vocab.control.falsePromises'),
      physical_abuse: t('intake.vocab.control.physicalAbuse'),
      sexual_abuse: t('intake.vocab.control.sexualAbuse'),
      takes_earnings: t('intake.vocab.control.takesEarnings'),
      restricts_financial_access: t('intake.vocab.control.restrictsFinancialAccess'),
      restricts_medical_care: t('intake.vocab.control.restrictsMedicalCare'),
      withholds_necessities: t('intake.vocab.control.withholdsNecessities'),
      psychological_abuse: t('intake.vocab.control.psychologicalAbuse'),
      psychoactive_substances: t('intake.vocab.control.psychoactiveSubstances'),
      excessive_working_hours: t('intake.vocab.control.excessiveWorkingHours'),
      withholds_documents: t('intake.vocab.control.withholdsDocuments'),
      restricts_movement: t('intake.vocab.control.restrictsMovement'),
      uses_children: t('intake.vocab.control.usesChildren'),
      other: t('intake.vocab.control.other'),
    },
    trafficking: {
      possible: t('intake.vocab.trafficking.possible'),
      confirmed: t('intake.vocab.trafficking.confirmed'),
      not_a_victim: t('intake.vocab.trafficking.notAVictim'),
    },
    legal: {
      asylum_in_process: t('intake.vocab.legal.asylumInProcess'),
      no_documents: t('intake.vocab.legal.noDocuments'),
      deportation_order: t('intake.vocab.legal.deportationOrder'),
      permit_no_work: t('intake.vocab.legal.permitNoWork'),
      documents_expiring: t('intake.vocab.legal.documentsExpiring'),
      collaborating_with_police: t('intake.vocab.legal.collaboratingWithPolice'),
      protected_witness: t('intake.vocab.legal.protectedWitness'),
      regular_with_work_permit: t('intake.vocab.legal.regularWithWorkPermit'),
    },
    referral: {
      self: t('intake.vocab.referral.self'),
      police: t('intake.vocab.referral.police'),
      ngo: t('intake.vocab.referral.ngo'),
      social_services: t('intake.vocab.referral.socialServices'),
      health_services: t('intake.vocab.referral.healthServices'),
      asylum_system: t('intake.vocab.referral.asylumSystem'),
      outreach: t('intake.vocab.referral.outreach'),
      helpline: t('intake.vocab.referral.helpline'),
      community: t('intake.vocab.referral.community'),
      other: t('intake.vocab.referral.other'),
    },
    channel: {
      phone_call: t('intake.vocab.channel.phoneCall'),
      sms: t('intake.vocab.channel.sms'),
      messaging_app: t('intake.vocab.channel.messagingApp'),
      email: t('intake.vocab.channel.email'),
      in_person: t('intake.vocab.channel.inPerson'),
      through_service: t('intake.vocab.channel.throughService'),
    },
    relation: {
      child: t('intake.vocab.relation.child'),
      partner: t('intake.vocab.relation.partner'),
      parent: t('intake.vocab.relation.parent'),
      sibling: t('intake.vocab.relation.sibling'),
      other: t('intake.vocab.relation.other'),
    },
    location: {
      with_her: t('intake.vocab.location.withHer'),
      country_of_origin: t('intake.vocab.location.countryOfOrigin'),
      elsewhere: t('intake.vocab.location.elsewhere'),
    },
    document: {
      passport: t('intake.vocab.document.passport'),
      national_id: t('intake.vocab.document.nationalId'),
      residence_permit: t('intake.vocab.document.residencePermit'),
      asylum_card: t('intake.vocab.document.asylumCard'),
      other: t('intake.vocab.document.other'),
    },
    tri: {
      yes: t('intake.vocab.tri.yes'),
      no: t('intake.vocab.tri.no'),
      unknown: t('intake.vocab.tri.unknown'),
    },
    yesNo: { yes: t('intake.vocab.tri.yes'), no: t('intake.vocab.tri.no') },
  };
}

/** Options for a Select or checkbox list, in the vocabulary's own order. */
export function options<K extends string>(codes: readonly K[], labels: Record<K, string>) {
  return codes.map((value) => ({ value, label: labels[value] }));
}

export const VOCABULARY_CODES = {
  exploitation: EXPLOITATION_FORMS,
  control: CONTROL_METHODS,
  trafficking: TRAFFICKING_STATUSES,
  legal: LEGAL_SITUATIONS,
  referral: REFERRAL_SOURCES,
  channel: CONTACT_CHANNELS,
  relation: DEPENDANT_RELATIONS,
  location: DEPENDANT_LOCATIONS,
  document: DOCUMENT_KINDS,
} as const;

function displayNames(language: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language], { type });
  } catch {
    return null;
  }
}

/** Country and language names in the interface language, with sorted options for pickers. */
export function useIsoNames() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const regions = displayNames(language, 'region');
    const languages = displayNames(language, 'language');
    const country = (code: string) => regions?.of(code) ?? code;
    const languageName = (code: string) => languages?.of(code) ?? code;
    const collator = new Intl.Collator(language);
    const sorted = (items: { value: string; label: string }[]) =>
      items.sort((a, b) => collator.compare(a.label, b.label));
    return {
      country,
      language: languageName,
      countryOptions: sorted(COUNTRY_CODES.map((code) => ({ value: code, label: country(code) }))),
      languageOptions: sorted(languageChoices(languageName)),
    };
  }, [language]);
}

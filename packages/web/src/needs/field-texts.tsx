/**
 * The names staff read for every structured field of the needs assessment (domain NEEDS_FIELDS)
 * and for every choice of a choice field. Written out key by key, so the translation check finds
 * each one; field-texts.test.ts fails when a field or a choice is added without its text.
 */
import { NEEDS_FIELDS, type NeedsField, type Sphere } from '@cope/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldText {
  label: string;
  /** Choice fields: the name of each option. */
  options?: Record<string, string>;
}

/** Any translation function: i18next's `t`, or a plain lookup in tests. */
export type Translate = (key: string) => string;

export function needsFieldTexts(t: Translate): Record<string, FieldText> {
  const yesNo = {
    yes: t('needs.option.yes'),
    no: t('needs.option.no'),
    not_known: t('needs.option.notKnown'),
  };
  return {
    housing_type: {
      label: t('needs.field.housingType'),
      options: {
        shelter: t('needs.option.housingType.shelter'),
        safe_house: t('needs.option.housingType.safeHouse'),
        shared_flat: t('needs.option.housingType.sharedFlat'),
        rented_alone: t('needs.option.housingType.rentedAlone'),
        with_family_or_friends: t('needs.option.housingType.withFamilyOrFriends'),
        employer_provided: t('needs.option.housingType.employerProvided'),
        no_fixed_home: t('needs.option.housingType.noFixedHome'),
        other: t('needs.option.housingType.other'),
      },
    },
    housing_safe: { label: t('needs.field.housingSafe'), options: yesNo },
    housing_affordable: { label: t('needs.field.housingAffordable'), options: yesNo },
    permit_type: {
      label: t('needs.field.permitType'),
      options: {
        none: t('needs.option.permitType.none'),
        application_pending: t('needs.option.permitType.applicationPending'),
        asylum_seeker: t('needs.option.permitType.asylumSeeker'),
        refugee_status: t('needs.option.permitType.refugeeStatus'),
        subsidiary_protection: t('needs.option.permitType.subsidiaryProtection'),
        victim_of_trafficking_permit: t('needs.option.permitType.victimOfTraffickingPermit'),
        humanitarian: t('needs.option.permitType.humanitarian'),
        work_permit: t('needs.option.permitType.workPermit'),
        family_permit: t('needs.option.permitType.familyPermit'),
        eu_citizen: t('needs.option.permitType.euCitizen'),
        other: t('needs.option.permitType.other'),
      },
    },
    permit_expires_on: { label: t('needs.field.permitExpiresOn') },
    allowed_to_work: { label: t('needs.field.allowedToWork'), options: yesNo },
    has_identity_document: { label: t('needs.field.hasIdentityDocument'), options: yesNo },
    employment_status: {
      label: t('needs.field.employmentStatus'),
      options: {
        not_working: t('needs.option.employmentStatus.notWorking'),
        looking_for_work: t('needs.option.employmentStatus.lookingForWork'),
        in_training: t('needs.option.employmentStatus.inTraining'),
        informal_work: t('needs.option.employmentStatus.informalWork'),
        employed: t('needs.option.employmentStatus.employed'),
        self_employed: t('needs.option.employmentStatus.selfEmployed'),
      },
    },
    contract_type: {
      label: t('needs.field.contractType'),
      options: {
        none: t('needs.option.contractType.none'),
        temporary: t('needs.option.contractType.temporary'),
        permanent: t('needs.option.contractType.permanent'),
        internship: t('needs.option.contractType.internship'),
        seasonal: t('needs.option.contractType.seasonal'),
      },
    },
    hours_per_week: { label: t('needs.field.hoursPerWeek') },
    language_level: {
      label: t('needs.field.languageLevel'),
      options: {
        none: t('needs.option.languageLevel.none'),
        A1: t('needs.option.languageLevel.a1'),
        A2: t('needs.option.languageLevel.a2'),
        B1: t('needs.option.languageLevel.b1'),
        B2: t('needs.option.languageLevel.b2'),
        C1: t('needs.option.languageLevel.c1'),
        C2: t('needs.option.languageLevel.c2'),
      },
    },
    literacy: {
      label: t('needs.field.literacy'),
      options: {
        none: t('needs.option.literacy.none'),
        basic: t('needs.option.literacy.basic'),
        functional: t('needs.option.literacy.functional'),
      },
    },
    years_of_schooling: { label: t('needs.field.yearsOfSchooling') },
    in_course: { label: t('needs.field.inCourse'), options: yesNo },
    monthly_income: { label: t('needs.field.monthlyIncome') },
    monthly_basic_costs: { label: t('needs.field.monthlyBasicCosts') },
    food_covered: { label: t('needs.field.foodCovered'), options: yesNo },
    clothing_covered: { label: t('needs.field.clothingCovered'), options: yesNo },
    has_bank_account: { label: t('needs.field.hasBankAccount'), options: yesNo },
    has_debts: { label: t('needs.field.hasDebts'), options: yesNo },
    health_card: { label: t('needs.field.healthCard'), options: yesNo },
    health_care_access: { label: t('needs.field.healthCareAccess'), options: yesNo },
    support_in_place: { label: t('needs.field.supportInPlace'), options: yesNo },
    knows_her_rights: { label: t('needs.field.knowsHerRights'), options: yesNo },
    proceedings_open: { label: t('needs.field.proceedingsOpen'), options: yesNo },
    next_hearing_on: { label: t('needs.field.nextHearingOn') },
    children_here: { label: t('needs.field.childrenHere') },
    children_in_school: {
      label: t('needs.field.childrenInSchool'),
      options: {
        all: t('needs.option.childrenInSchool.all'),
        some: t('needs.option.childrenInSchool.some'),
        none: t('needs.option.childrenInSchool.none'),
        not_applicable: t('needs.option.childrenInSchool.notApplicable'),
      },
    },
    supports_family_abroad: { label: t('needs.field.supportsFamilyAbroad'), options: yesNo },
  };
}

export function useNeedsFieldTexts(): Record<string, FieldText> {
  const { t } = useTranslation();
  return useMemo(() => needsFieldTexts(t), [t]);
}

/** A field's name, never the raw key (the check above keeps every field named). */
export function fieldLabel(texts: Record<string, FieldText>, field: NeedsField): string {
  return texts[field.key]?.label ?? field.key;
}

/** A recorded value as staff read it: the option's name, a number, or a date as written. */
export function displayValue(
  texts: Record<string, FieldText>,
  field: NeedsField,
  value: string | number,
  formatDate: (iso: string) => string,
): string {
  if (field.kind === 'choice') return texts[field.key]?.options?.[String(value)] ?? String(value);
  // Noon, so that a calendar day never shifts to the day before in the viewer's time zone.
  if (field.kind === 'date' && typeof value === 'string') return formatDate(`${value}T12:00:00`) || value;
  return String(value);
}

/** "Type of home: Shelter · Home safe for her: No", from the fields recorded, in field order. */
export function situationSummary(
  texts: Record<string, FieldText>,
  sphere: Sphere,
  situation: Record<string, string | number>,
  formatDate: (iso: string) => string,
  limit = 3,
): string {
  return NEEDS_FIELDS[sphere]
    .filter((field) => situation[field.key] !== undefined && situation[field.key] !== '')
    .slice(0, limit)
    .map((field) => {
      const value = situation[field.key] as string | number;
      return `${fieldLabel(texts, field)}: ${displayValue(texts, field, value, formatDate)}`;
    })
    .join(' · ');
}

/**
 * Controlled vocabularies recorded at intake. Forms of exploitation, methods of control and
 * trafficking status map one-to-one to the IOM Human Trafficking Case Data Standard (HTCDS), so
 * that an anonymised export in that standard loses nothing: every code here has exactly one
 * HTCDS value and no two codes share one (vocabularies.test.ts checks both).
 */

/** Forms of exploitation (HTCDS `vic_TypeOfExploitation`). */
export const EXPLOITATION_FORMS = [
  'sexual',
  'labour',
  'forced_begging',
  'forced_criminality',
  'forced_marriage',
  'organ_removal',
  'servitude',
  'other',
  'unknown',
] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

/**
 * HTCDS has no value of its own for forced criminality or for "not known yet": both travel as
 * `Other` with a qualifier, which the export writes to the free-text field beside it.
 */
export const HTCDS_EXPLOITATION: Record<ExploitationForm, { value: string; qualifier?: string }> = {
  sexual: { value: 'SexualExploitation' },
  labour: { value: 'ForcedLabour' },
  forced_begging: { value: 'ForcedBegging' },
  forced_criminality: { value: 'Other', qualifier: 'ForcedCriminality' },
  forced_marriage: { value: 'ForcedMarriage' },
  organ_removal: { value: 'OrganRemoval' },
  servitude: { value: 'Servitude' },
  other: { value: 'Other' },
  unknown: { value: 'Other', qualifier: 'Unknown' },
};

/** Methods of control used by the exploiters (HTCDS `vic_Methods_of_Control`). */
export const CONTROL_METHODS = [
  'threats',
  'threats_law_enforcement',
  'threatens_family',
  'debt_bondage',
  'false_promises',
  'physical_abuse',
  'sexual_abuse',
  'takes_earnings',
  'restricts_financial_access',
  'restricts_medical_care',
  'withholds_necessities',
  'psychological_abuse',
  'psychoactive_substances',
  'excessive_working_hours',
  'withholds_documents',
  'restricts_movement',
  'uses_children',
  'other',
] as const;
export type ControlMethod = (typeof CONTROL_METHODS)[number];

export const HTCDS_CONTROL_METHOD: Record<ControlMethod, string> = {
  threats: 'PhysicalThreats',
  threats_law_enforcement: 'ThreatsLawEnforcement',
  threatens_family: 'ThreatensChildrenFamily',
  debt_bondage: 'DebtBondage',
  false_promises: 'FalsePromises',
  physical_abuse: 'PhysicalAbuse',
  sexual_abuse: 'SexualAbuse',
  takes_earnings: 'TakesEarnings',
  restricts_financial_access: 'RestrictsFinancialAccess',
  restricts_medical_care: 'RestrictsMedicalCare',
  withholds_necessities: 'WithholdsNecessities',
  psychological_abuse: 'PsychologicalAbuse',
  psychoactive_substances: 'PsychoactiveSubstance',
  excessive_working_hours: 'ExcessiveWorkingHours',
  withholds_documents: 'WithholdsDocuments',
  // Defined in the standard's field definitions (MethodsOfControl…) though absent from its form.
  restricts_movement: 'RestrictsMovement',
  uses_children: 'UsesChildren',
  other: 'Other',
};

/** Trafficking status (HTCDS `vic_TraffickingStatus`). */
export const TRAFFICKING_STATUSES = ['possible', 'confirmed', 'not_a_victim'] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

export const HTCDS_TRAFFICKING_STATUS: Record<TraffickingStatus, string> = {
  possible: 'PossibleVictimOfTrafficking',
  confirmed: 'ActualVictimOfTrafficking',
  not_a_victim: 'NotAVictimOfTrafficking',
};

/** Current legal situation (DOMAIN.md "Legal status and proceedings"); several may apply. */
export const LEGAL_SITUATIONS = [
  'asylum_in_process',
  'no_documents',
  'deportation_order',
  'permit_no_work',
  'documents_expiring',
  'collaborating_with_police',
  'protected_witness',
  'regular_with_work_permit',
] as const;
export type LegalSituation = (typeof LEGAL_SITUATIONS)[number];

/** Who referred her (HTCDS `cas_ReferringOrganisation` is free text; this is our grouping). */
export const REFERRAL_SOURCES = [
  'self',
  'police',
  'ngo',
  'social_services',
  'health_services',
  'asylum_system',
  'outreach',
  'helpline',
  'community',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Channels she may say are safe for contacting her (DOMAIN.md "Contact safety"). */
export const CONTACT_CHANNELS = [
  'phone_call',
  'sms',
  'messaging_app',
  'email',
  'in_person',
  'through_service',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const DEPENDANT_RELATIONS = ['child', 'partner', 'parent', 'sibling', 'other'] as const;
export type DependantRelation = (typeof DEPENDANT_RELATIONS)[number];

export const DEPENDANT_LOCATIONS = ['with_her', 'country_of_origin', 'elsewhere'] as const;
export type DependantLocation = (typeof DEPENDANT_LOCATIONS)[number];

/** Kinds of identity document whose numbers are blind-indexed for duplicate checks. */
export const DOCUMENT_KINDS = [
  'passport',
  'national_id',
  'residence_permit',
  'asylum_card',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** yes / no / unknown — "unknown" is never read as "no". */
export const TRI_STATE = ['yes', 'no', 'unknown'] as const;
export type TriState = (typeof TRI_STATE)[number];

/**
 * The printable consent form's words, one file per language. Written for a reader who may read
 * little: short sentences, "you", no legal words. Purposes, role groups and sections are named
 * in her language; the form never carries her name, only the case code.
 */
import type { ConsentPurpose, Section, StaffRole } from '@cope/domain';

export interface ConsentFormTexts {
  title: string;
  caseCode: string;
  organization: string;
  intro: string;
  whatFor: string;
  /** What each kind of consent means for her, in plain words. */
  purposes: Record<ConsentPurpose, string>;
  whoGetsIt: string;
  /** "The lawyers in your support team" — `{role}` is replaced by the plural role name. */
  recipientTeam: string;
  /** "All the lawyers in our organization". */
  recipientOrganization: string;
  /** Plural role names, as used inside the two sentences above. */
  roles: Record<StaffRole, string>;
  whatInformation: string;
  sections: Record<Section, string>;
  yourRights: string;
  rights: string[];
  yourAnswer: string;
  yes: string;
  no: string;
  validUntil: string;
  signatures: string;
  date: string;
  herSignature: string;
  professional: string;
  interpreter: string;
  languageUsed: string;
  keepCopy: string;
}

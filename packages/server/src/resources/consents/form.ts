/**
 * The printable consent form in her language. What is already known (purpose, recipient,
 * information) is printed; what is not is left as a line to fill in by hand. The form shows the
 * case code and the organization, never her name.
 */
import type { ConsentFormLanguage, ConsentPurpose, Section, StaffRole } from '@cope/domain';
import { FONT, heading, type Pdf, paragraph, renderPdf } from '../../pdf/document.js';
import { type ConsentFormTexts, FORM_TEXTS } from './form-texts/index.js';

export interface ConsentFormInput {
  language: ConsentFormLanguage;
  caseCode: string;
  organizationName: string;
  purpose?: ConsentPurpose | undefined;
  recipient?: string | undefined;
  categories: readonly Section[];
}

const BLANK = '______________________________________________';

function recipientText(texts: ConsentFormTexts, recipient: string): string {
  const [scope, role] = recipient.split(':') as [string, StaffRole | undefined];
  const roleName = role ? texts.roles[role] : undefined;
  if (roleName && scope === 'team') return texts.recipientTeam.replace('{role}', roleName);
  if (roleName && scope === 'org') return texts.recipientOrganization.replace('{role}', roleName);
  return recipient;
}

function bullets(doc: Pdf, lines: readonly string[]): void {
  doc
    .font(FONT.regular)
    .fontSize(11)
    .list([...lines], { bulletRadius: 2.5, bulletIndent: 6, textIndent: 16 });
  doc.moveDown(0.6);
}

function line(doc: Pdf, label: string): void {
  doc.font(FONT.regular).fontSize(11).text(label).moveDown(0.3).text(BLANK).moveDown(0.7);
}

export function renderConsentForm(input: ConsentFormInput): Promise<Buffer> {
  const texts = FORM_TEXTS[input.language];
  return renderPdf({ title: texts.title, language: input.language }, (doc) => {
    heading(doc, texts.title, 18);
    doc
      .font(FONT.bold)
      .text(`${texts.caseCode}: `, { continued: true })
      .font(FONT.regular)
      .text(input.caseCode);
    doc.font(FONT.bold).text(`${texts.organization}: `, { continued: true }).font(FONT.regular);
    doc.text(input.organizationName).moveDown(0.8);
    paragraph(doc, texts.intro);

    heading(doc, texts.whatFor, 13);
    paragraph(doc, input.purpose ? texts.purposes[input.purpose] : BLANK);

    if (!input.purpose || input.purpose === 'share_section' || input.purpose === 'referral') {
      heading(doc, texts.whoGetsIt, 13);
      paragraph(doc, input.recipient ? recipientText(texts, input.recipient) : BLANK);
    }

    heading(doc, texts.whatInformation, 13);
    if (input.categories.length > 0)
      bullets(
        doc,
        input.categories.map((section) => texts.sections[section]),
      );
    else paragraph(doc, `${BLANK}\n${BLANK}`);

    heading(doc, texts.yourRights, 13);
    bullets(doc, texts.rights);

    heading(doc, texts.yourAnswer, 13);
    for (const choice of [texts.yes, texts.no]) doc.font(FONT.regular).fontSize(12).text(`☐  ${choice}`);
    doc.moveDown(0.8);
    line(doc, texts.validUntil);

    heading(doc, texts.signatures, 13);
    line(doc, texts.date);
    line(doc, texts.herSignature);
    line(doc, texts.professional);
    line(doc, texts.interpreter);
    line(doc, texts.languageUsed);
    doc.moveDown(0.5);
    doc.font(FONT.bold).text(texts.keepCopy);
  });
}

/**
 * Her plan on paper, in her language, for a reader who may not read easily: large type, short
 * lines, lots of space, one goal per block with its sphere's picture, each step with a mark for
 * where it stands. It may be read by someone else (on her phone, on a table at home), so it
 * carries no name, no case code and no organization: only "My plan", the date and the version —
 * and its file properties name no product either (renderPdf `unbranded`).
 */
import {
  type AgreementMethod,
  type ParticipantLanguage,
  type PlanContent,
  type PlanStep,
  SPHERE_WORDS,
  SPHERES,
  type Sphere,
  STEP_SUPPORTS,
  type StepStatus,
} from '@cope/domain';
import { FONT, type Pdf, renderPdf } from '../../pdf/document.js';
import { drawIcon, OTHER_ICON_NAME, SPHERE_ICON_NAME, STATUS_ICON_NAME } from './pdf-icons.js';
import { PLAN_PDF_TEXTS, type PlanPdfTexts } from './pdf-texts/index.js';

export interface PlanPdfInput {
  language: ParticipantLanguage;
  version: number;
  content: PlanContent;
  agreement: { method: AgreementMethod; agreedOn: string } | null;
  /** Newest first. */
  milestones: { sphere: Sphere; achievedOn: string; text: string }[];
  /** A colleague's display name, for steps a team member does. */
  staffName: (userId: string) => string;
  today: string;
}

const SIZE = { title: 30, heading: 22, goal: 18, body: 15, small: 14 } as const;
const INK = '#111827';
const MUTED = '#4b5563';
const RULE = '#d1d5db';
const GOAL_ICON = 44;
const STATUS_ICON = 22;
/** A colour per step status, on top of its word and picture (never the only sign). */
const STATUS_COLOR: Record<StepStatus, string> = {
  planned: INK,
  in_progress: '#92400e',
  done: '#166534',
  dropped: MUTED,
};

/** Dates as read where each language is spoken in Europe ("30 November 2026", not "November 30"). */
const DATE_LOCALE: Record<ParticipantLanguage, string> = {
  en: 'en-GB',
  es: 'es-ES',
  it: 'it-IT',
  ca: 'ca-ES',
  fr: 'fr-FR',
  pt: 'pt-PT',
  ro: 'ro-RO',
};

function dayFormat(language: ParticipantLanguage) {
  const format = new Intl.DateTimeFormat(DATE_LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' });
  return (iso: string) => format.format(new Date(`${iso}T00:00:00Z`));
}

const left = (doc: Pdf) => doc.page.margins.left;
const width = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/**
 * Starts a new page when the block of `height` points that comes next does not fit in what is
 * left of this one, so a block is never cut in two and never moves on while it still fits.
 */
function room(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc) && doc.y > doc.page.margins.top) doc.addPage();
}

type TextStyle = { size?: number; bold?: boolean };

/** The height a text takes at the page's width (or `at` points), measured as it will be drawn. */
function heightOf(doc: Pdf, text: string, style: TextStyle = {}, at = width(doc)): number {
  return doc
    .font(style.bold ? FONT.bold : FONT.regular)
    .fontSize(style.size ?? SIZE.body)
    .heightOfString(text, { width: at, lineGap: 4 });
}

/** A thin line between blocks; at the foot of a page, the new page separates them instead. */
function rule(doc: Pdf): void {
  doc.moveDown(0.8);
  if (doc.y + doc.currentLineHeight(true) > bottom(doc)) {
    doc.addPage();
    return;
  }
  const y = doc.y;
  doc
    .save()
    .moveTo(left(doc), y)
    .lineTo(left(doc) + width(doc), y)
    .lineWidth(1)
    .strokeColor(RULE)
    .stroke()
    .restore();
  doc.moveDown(1);
}

const HEADING_GAP = 8;
const headingTextWidth = (doc: Pdf) => width(doc) - GOAL_ICON - 14;

/** The height of a heading with its picture. */
function headingHeight(doc: Pdf, text: string, size: number = SIZE.heading): number {
  const textHeight = heightOf(doc, text, { size, bold: true }, headingTextWidth(doc));
  return Math.max(GOAL_ICON, (GOAL_ICON - size) / 2 - 2 + textHeight) + HEADING_GAP;
}

/**
 * A heading with its picture on the left, kept on one page with the `following` points of what
 * comes right after it (a heading never ends a page alone).
 */
function iconHeading(doc: Pdf, icon: string, text: string, following: number, size: number = SIZE.heading) {
  room(doc, headingHeight(doc, text, size) + following);
  const top = doc.y;
  drawIcon(doc, icon, { x: left(doc), y: top, size: GOAL_ICON });
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor(INK)
    .text(text, left(doc) + GOAL_ICON + 14, top + (GOAL_ICON - size) / 2 - 2, {
      width: headingTextWidth(doc),
    });
  doc.x = left(doc);
  doc.y = Math.max(doc.y, top + GOAL_ICON) + HEADING_GAP;
}

function body(doc: Pdf, text: string, options: TextStyle & { color?: string } = {}) {
  doc
    .font(options.bold ? FONT.bold : FONT.regular)
    .fontSize(options.size ?? SIZE.body)
    .fillColor(options.color ?? INK)
    .text(text, left(doc), doc.y, { width: width(doc), lineGap: 4 });
}

function ownerOf(step: PlanStep, texts: PlanPdfTexts, staffName: (id: string) => string): string {
  if (step.owner.kind === 'staff' && step.owner.userId) return staffName(step.owner.userId);
  if (step.owner.kind === 'partner' && step.owner.partnerName) return step.owner.partnerName;
  return texts.me;
}

type Day = (iso: string) => string;

/** A step as written: the word for where it stands, then "what — who — by when". */
function stepWords(step: PlanStep, input: PlanPdfInput, texts: PlanPdfTexts, day: Day) {
  return {
    status: `${texts.status[step.status]}:  `,
    line: `${step.what} — ${ownerOf(step, texts, input.staffName)} — ${texts.by(day(step.targetOn))}`,
  };
}

const STEP_INDENT = 12 + STATUS_ICON + 10;
const STEP_AFTER = 0.6;

/** The height of one step (measured all in bold, a little wider than drawn: never too short). */
function stepHeight(doc: Pdf, step: PlanStep, input: PlanPdfInput, texts: PlanPdfTexts, day: Day): number {
  const { status, line } = stepWords(step, input, texts, day);
  const textHeight = heightOf(doc, status + line, { bold: true }, width(doc) - STEP_INDENT);
  return Math.max(STATUS_ICON, textHeight);
}

/** One step: its mark, the word for where it stands, then "what — who — by when". */
function stepLine(doc: Pdf, step: PlanStep, input: PlanPdfInput, texts: PlanPdfTexts, day: Day) {
  room(doc, stepHeight(doc, step, input, texts, day));
  const top = doc.y;
  const indent = left(doc) + 12;
  drawIcon(
    doc,
    STATUS_ICON_NAME[step.status],
    { x: indent, y: top - 2, size: STATUS_ICON },
    { color: STATUS_COLOR[step.status], weight: 2.4 },
  );
  const textLeft = left(doc) + STEP_INDENT;
  const { status, line } = stepWords(step, input, texts, day);
  doc
    .font(FONT.bold)
    .fontSize(SIZE.body)
    .fillColor(INK)
    .text(status, textLeft, top, {
      width: left(doc) + width(doc) - textLeft,
      continued: true,
      lineGap: 4,
    })
    .font(FONT.regular)
    .text(line);
  doc.x = left(doc);
  doc.y = Math.max(doc.y, top + STATUS_ICON);
  doc.moveDown(STEP_AFTER);
}

/**
 * Her goals in the order the staff app shows them: by sphere in the spheres' order, and within a
 * sphere as they were written.
 */
export function bySphere<T extends { sphere: Sphere }>(goals: readonly T[]): T[] {
  return [...goals].sort((a, b) => SPHERES.indexOf(a.sphere) - SPHERES.indexOf(b.sphere));
}

function goals(doc: Pdf, input: PlanPdfInput, texts: PlanPdfTexts, day: Day): void {
  if (input.content.goals.length === 0) {
    body(doc, texts.noGoals);
    return;
  }
  for (const goal of bySphere(input.content.goals)) {
    // The sphere, her goal in her words and its first step stay on one page.
    const [first] = goal.steps;
    const firstHeight = first
      ? stepHeight(doc, first, input, texts, day)
      : heightOf(doc, texts.noSteps, { size: SIZE.body });
    const goalHeight = heightOf(doc, goal.text, { size: SIZE.goal, bold: true });
    iconHeading(
      doc,
      SPHERE_ICON_NAME[goal.sphere],
      SPHERE_WORDS[goal.sphere][input.language],
      goalHeight + 12 + firstHeight,
    );
    body(doc, goal.text, { size: SIZE.goal, bold: true });
    doc.moveDown(0.7);
    if (goal.steps.length === 0) body(doc, texts.noSteps, { color: MUTED });
    for (const step of goal.steps) stepLine(doc, step, input, texts, day);
    const open = goal.steps.filter((step) => step.status === 'planned' || step.status === 'in_progress');
    const supports = STEP_SUPPORTS.filter((support) => open.some((step) => step.supports.includes(support)));
    if (supports.length > 0) {
      doc.moveDown(0.3);
      const lines = [`${texts.helps}:`, ...supports.map((support) => `•  ${texts.supports[support]}`)];
      room(
        doc,
        lines.reduce((sum, line, i) => sum + heightOf(doc, line, { bold: i === 0 }), 0),
      );
      body(doc, `${texts.helps}:`, { bold: true });
      for (const support of supports) body(doc, `•  ${texts.supports[support]}`);
    }
    rule(doc);
  }
}

function milestoneHeight(doc: Pdf, date: string, text: string): number {
  return heightOf(doc, date, { size: SIZE.small }) + heightOf(doc, text);
}

function victories(doc: Pdf, input: PlanPdfInput, texts: PlanPdfTexts, day: Day): void {
  const [newest] = input.milestones;
  iconHeading(
    doc,
    OTHER_ICON_NAME.victories,
    texts.victories,
    newest ? milestoneHeight(doc, day(newest.achievedOn), newest.text) : heightOf(doc, texts.noVictories),
  );
  if (input.milestones.length === 0) body(doc, texts.noVictories, { color: MUTED });
  for (const milestone of input.milestones) {
    room(doc, milestoneHeight(doc, day(milestone.achievedOn), milestone.text));
    body(doc, day(milestone.achievedOn), { size: SIZE.small, color: MUTED });
    body(doc, milestone.text);
    doc.moveDown(0.6);
  }
  rule(doc);
}

/** How she agreed, kept whole: its heading and its sentence on the same page. */
function agreement(doc: Pdf, input: PlanPdfInput, texts: PlanPdfTexts, day: Day): void {
  const agreed = input.agreement;
  const icon = agreed?.method === 'verbal_witnessed' ? OTHER_ICON_NAME.witnessed : OTHER_ICON_NAME.signed;
  const sentence = !agreed
    ? texts.notAgreed
    : agreed.method === 'signature'
      ? texts.signed(day(agreed.agreedOn))
      : texts.witnessed(day(agreed.agreedOn));
  iconHeading(doc, icon, texts.agreementHeading, heightOf(doc, sentence));
  body(doc, sentence);
}

export function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const texts = PLAN_PDF_TEXTS[input.language];
  const day = dayFormat(input.language);
  return renderPdf({ title: texts.title, language: input.language, unbranded: true }, (doc) => {
    doc.font(FONT.bold).fontSize(SIZE.title).fillColor(INK).text(texts.title);
    doc.moveDown(0.3);
    body(doc, `${texts.version(input.version)}  ·  ${texts.printedOn(day(input.today))}`, {
      size: SIZE.small,
      color: MUTED,
    });
    doc.moveDown(0.8);
    body(doc, texts.startsOn(day(input.content.startsOn)));
    body(doc, texts.intro);
    rule(doc);
    goals(doc, input, texts, day);
    victories(doc, input, texts, day);
    agreement(doc, input, texts, day);
  });
}

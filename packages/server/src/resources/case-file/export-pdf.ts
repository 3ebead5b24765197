/**
 * Her file as a readable PDF, in her language: the same content as the JSON export, with
 * headings and labels translated (export-texts.ts) and values as they were recorded.
 */
import type { TCaseFileExport } from '@cope/contracts';
import {
  type ConsentFormLanguage,
  RETENTION_HOLD_REASONS,
  type RetentionHoldReason,
  SECTIONS,
  type Section,
  STAFF_ROLES,
  type StaffRole,
} from '@cope/domain';
import { FONT, heading, type Pdf, paragraph, renderPdf } from '../../pdf/document.js';
import { EXPORT_TEXTS, type ExportTexts } from './export-texts.js';

const isSection = (value: string): value is Section => (SECTIONS as readonly string[]).includes(value);
const isRole = (value: string): value is StaffRole => (STAFF_ROLES as readonly string[]).includes(value);
const isHoldReason = (value: string): value is RetentionHoldReason =>
  (RETENTION_HOLD_REASONS as readonly string[]).includes(value);

/** A bold label and its value on one line. */
function field(doc: Pdf, label: string, value: string | number | null | undefined): void {
  if (value === null || value === undefined || value === '') return;
  doc.font(FONT.bold).fontSize(10).text(`${label}: `, { continued: true });
  doc.font(FONT.regular).fontSize(10).text(String(value));
}

/** A part of her file: a heading with room above it. */
function part(doc: Pdf, text: string): void {
  doc.moveDown(0.8);
  heading(doc, text, 14);
}

function subheading(doc: Pdf, text: string): void {
  doc.moveDown(0.4).font(FONT.bold).fontSize(11).text(text).font(FONT.regular).fontSize(10);
}

/** `preferredLanguage` or `preferred_language` → "Preferred language". */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The answers of a section record as label/value lines; `path` holds labels already readable. */
export function recordLines(value: unknown, t: ExportTexts, path: string[] = []): [string, string][] {
  const label = path.join(' › ');
  if (value === null || value === undefined || value === '') return [];
  if (typeof value === 'boolean') return [[label, value ? t.yes : t.no]];
  if (typeof value !== 'object') return [[label, String(value)]];
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      return value.length > 0 ? [[label, value.map(String).join(', ')]] : [];
    }
    // A list of things (dependants, documents): "Dependants 1 › Relation", "Dependants 2 › …".
    return value.flatMap((item, i) =>
      recordLines(item, t, [...path.slice(0, -1), `${path.at(-1) ?? ''} ${i + 1}`]),
    );
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    recordLines(child, t, [...path, humanise(key)]),
  );
}

export function renderCaseFilePdf(file: TCaseFileExport, language: ConsentFormLanguage): Promise<Buffer> {
  const t = EXPORT_TEXTS[language];
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const day = (value: string | null) =>
    value ? dateFormat.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)) : null;
  const moment = (value: string | null) => (value ? `${timeFormat.format(new Date(value))} UTC` : null);
  const section = (value: string) => (isSection(value) ? t.sections[value] : value);
  const roles = (values: readonly string[]) => values.map((r) => (isRole(r) ? t.roles[r] : r)).join(', ');
  const who = (name: string | null, roleList: readonly string[] = []) =>
    `${name ?? t.system}${roleList.length > 0 ? ` (${roles(roleList)})` : ''}`;
  // Role groups are written `team:<role>` or `org:<role>`; others (organizations) as recorded.
  const audience = (value: string) => {
    const role = value.split(':')[1] ?? '';
    return isRole(role) ? t.roles[role] : value;
  };
  // A hold's audit event records its reason as a code.
  const holdReason = (value: string) => (isHoldReason(value) ? t.holdReasons[value] : value);
  const none = (doc: Pdf, list: readonly unknown[]) => {
    if (list.length === 0) paragraph(doc, t.none);
  };

  return renderPdf({ title: `${t.title} — ${file.case.caseCode}`, language }, (doc) => {
    heading(doc, `${t.title} — ${file.case.caseCode}`, 18);
    paragraph(doc, t.intro(file.organization));
    paragraph(doc, t.prepared(day(file.exportedAt) ?? '', file.exportedBy));
    if (file.case.erased) paragraph(doc, t.erased);
    if (file.omittedSections.length > 0) {
      paragraph(doc, t.omitted(file.omittedSections.map((s) => section(s)).join(', ')));
    }

    part(doc, t.headings.case);
    field(doc, t.labels.caseCode, file.case.caseCode);
    field(doc, t.labels.status, t.status[file.case.status]);
    field(doc, t.labels.openedAt, day(file.case.openedAt));
    field(doc, t.labels.riskLevel, file.case.riskLevel ? t.risk[file.case.riskLevel] : null);
    field(doc, t.labels.protectedWitness, file.case.protectedWitness ? t.yes : t.no);
    field(doc, t.labels.legalSituations, file.case.legalSituations.join(', '));
    field(doc, t.labels.referenceChanges, file.case.referenceChanges);

    part(doc, t.headings.identity);
    field(doc, t.labels.preferredName, file.identity.preferredName);
    field(doc, t.labels.legalName, file.identity.legalName);
    field(doc, t.labels.birthDate, day(file.identity.birthDate));

    part(doc, t.headings.records);
    none(doc, file.records);
    for (const record of file.records) {
      subheading(doc, section(record.section));
      doc
        .fontSize(9)
        .text(
          `${t.labels.version} ${record.version} — ${t.labels.updated} ${moment(record.updatedAt)}` +
            (record.updatedBy ? ` ${t.labels.by} ${record.updatedBy}` : ''),
        );
      for (const [label, value] of recordLines(record.data, t)) field(doc, label, value);
    }

    part(doc, t.headings.notes);
    none(doc, file.notes);
    for (const note of file.notes) {
      subheading(doc, `${section(note.section)} — ${moment(note.createdAt)}`);
      field(doc, t.labels.author, note.author);
      if (note.visibility === 'author') doc.fontSize(9).text(t.labels.privateNote);
      if (note.body) paragraph(doc, note.body);
    }

    part(doc, t.headings.consents);
    none(doc, file.consents);
    for (const c of file.consents) {
      subheading(doc, t.purposes[c.purpose]);
      field(doc, t.labels.recipient, c.recipient ? audience(c.recipient) : null);
      field(doc, t.labels.dataCategories, c.dataCategories.map(section).join(', '));
      field(doc, t.labels.method, t.methods[c.method]);
      field(doc, t.labels.language, c.language);
      field(doc, t.labels.explainedBy, c.explainedBy);
      field(doc, t.labels.givenOn, day(c.givenOn));
      field(doc, t.labels.expiresOn, day(c.expiresOn));
      if (c.withdrawal) {
        field(doc, t.labels.withdrawn, moment(c.withdrawal.at));
        field(doc, t.labels.withdrawalNote, c.withdrawal.note);
      }
      if (c.scans.length > 0) field(doc, t.labels.scans, c.scans.length);
    }

    part(doc, t.headings.shares);
    none(doc, file.shares);
    for (const s of file.shares) {
      subheading(doc, `${section(s.section)} — ${t.labels.sharedWith} ${audience(s.audience)}`);
      field(doc, t.labels.since, moment(s.createdAt));
      if (s.emergencyReason) field(doc, t.labels.emergency, s.emergencyReason);
      const consent = file.consents.find((c) => c.id === s.consentId);
      field(doc, t.labels.onConsent, consent ? day(consent.givenOn) : null);
      field(doc, t.labels.ended, moment(s.endedAt));
    }

    part(doc, t.headings.team);
    field(doc, t.labels.reference, file.team.reference);
    for (const m of file.team.members) {
      field(doc, t.labels.member, `${who(m.name, m.roles)} — ${t.labels.since} ${day(m.since)}`);
    }

    part(doc, t.headings.handovers);
    none(doc, file.team.handovers);
    for (const h of file.team.handovers) {
      subheading(doc, moment(h.at) ?? '');
      field(doc, t.labels.from, h.from);
      field(doc, t.labels.to, h.to);
      field(doc, t.labels.note, h.note);
    }

    part(doc, t.headings.tasks);
    none(doc, file.tasks);
    for (const task of file.tasks) {
      const kind =
        task.kind in t.taskKinds ? t.taskKinds[task.kind as keyof ExportTexts['taskKinds']] : task.kind;
      const state = task.doneAt ? `${t.labels.done} ${day(task.doneAt)}` : t.labels.open;
      field(doc, kind, `${t.labels.due} ${day(task.dueOn)} — ${state}`);
    }

    part(doc, t.headings.holds);
    none(doc, file.retentionHolds);
    for (const hold of file.retentionHolds) {
      subheading(doc, t.holdReasons[hold.reason]);
      field(doc, t.labels.note, hold.note);
      field(doc, t.labels.placedBy, `${hold.createdBy ?? t.system} — ${day(hold.createdAt)}`);
      field(
        doc,
        t.labels.cleared,
        hold.clearedAt ? `${day(hold.clearedAt)} — ${hold.clearedReason ?? ''}` : null,
      );
    }

    part(doc, t.headings.accessLog);
    none(doc, file.accessLog);
    for (const entry of file.accessLog) {
      const kind = t.accessKinds[entry.kind as keyof ExportTexts['accessKinds']] ?? entry.action;
      const parts = [
        `${who(entry.who, entry.roles)}: ${kind}`,
        entry.section ? section(entry.section) : null,
        entry.sharedWith ? `${t.labels.sharedWith} ${audience(entry.sharedWith)}` : null,
        entry.count > 1 ? t.times(entry.count) : null,
        entry.reason ? `${t.labels.reason}: ${holdReason(entry.reason)}` : null,
      ].filter(Boolean);
      doc
        .font(FONT.regular)
        .fontSize(9)
        .text(`${moment(entry.at)} — ${parts.join(' — ')}`);
    }
  });
}

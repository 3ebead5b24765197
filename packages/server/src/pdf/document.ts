/**
 * PDF rendering for documents handed to a woman or kept in her file (consent forms, her file
 * export). PDFKit lays the text out; DejaVu Sans is embedded so every language we print —
 * Romanian ș and ț, Portuguese ã, Catalan l·l — shows as written. Fonts are subset, so files stay small.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT = { regular: 'body', bold: 'body-bold' } as const;

export type Pdf = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  /** BCP 47 language of the document, read aloud correctly by screen readers. */
  language: string;
  /**
   * For a paper she may carry or keep on her phone (her printed plan): the file's properties
   * name no product and no organization, so opening them does not say where it came from.
   */
  unbranded?: boolean;
}

/**
 * Stands in for PDFKit's creation date ("now") in an unbranded document: PDFKit derives the file's
 * id from it and needs one to lay out its metadata, but it is never written into the file.
 */
const NO_DATE = new Date(0);

/**
 * Builds a document and returns its bytes. A branded document (a consent form, her file export)
 * carries PDFKit's creation date, the moment it was made. An unbranded one carries none: her
 * printed plan does not tell anyone who opens its properties when she printed it.
 */
export function renderPdf(meta: PdfMeta, build: (doc: Pdf) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      lang: meta.language,
      displayTitle: true,
      info: meta.unbranded
        ? { Title: meta.title, Creator: '', Producer: '', CreationDate: NO_DATE }
        : { Title: meta.title, Creator: 'Cope & Hope', Producer: 'Cope & Hope' },
    });
    // PDFKit writes every enumerable entry of `info` into the file: a hidden one is left out.
    if (meta.unbranded)
      Object.defineProperty(doc.info, 'CreationDate', { value: NO_DATE, enumerable: false });
    doc.registerFont(FONT.regular, path.join(fontDir, 'DejaVuSans.ttf'));
    doc.registerFont(FONT.bold, path.join(fontDir, 'DejaVuSans-Bold.ttf'));
    doc.font(FONT.regular).fontSize(11);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      build(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** A heading followed by space, in the bold face. */
export function heading(doc: Pdf, text: string, size = 16): void {
  doc.font(FONT.bold).fontSize(size).text(text).moveDown(0.5).font(FONT.regular).fontSize(11);
}

/** A paragraph of body text. */
export function paragraph(doc: Pdf, text: string): void {
  doc.font(FONT.regular).fontSize(11).text(text, { align: 'left' }).moveDown(0.6);
}

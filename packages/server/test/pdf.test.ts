import { describe, expect, it } from 'vitest';
import { heading, paragraph, renderPdf } from '../src/pdf/document.js';
import { pdfText } from './pdf-text.js';

describe('PDF rendering', () => {
  it('renders a real PDF whose text keeps Romanian and Catalan letters', async () => {
    const bytes = await renderPdf({ title: 'Formular', language: 'ro' }, (doc) => {
      heading(doc, 'Formular de consimțământ');
      paragraph(doc, 'Puteți refuza oricând. Întrebări: ș ț ă î â. Català: col·laboració.');
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Formular de consimțământ');
    expect(text).toContain('col·laboració');
  });
});

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * What a printed PDF says, page by page, read back by an independent reader (PDF.js): each
 * page's text runs in order, a line break where the PDF ends a line, spaces collapsed.
 */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    pages.push(text.replace(/[ \t\u00a0]+/g, ' '));
  }
  await document.destroy();
  return pages;
}

import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/*
 * Lays a letter out on A4 pages. The content is a list of blocks already in the letter's
 * language; this module knows fonts and lines, not decisions. Names of workers come from every
 * alphabet, so the text is set in DejaVu Sans (embedded, subset), not in a standard PDF font whose
 * encoding stops at Western European letters.
 */

export type Block =
  | { kind: 'banner'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'paragraph'; text: string };

export interface LetterLayout {
  /** BCP 47 tag of the text, for screen readers and the document catalogue. */
  lang: string;
  title: string;
  subject: string;
  author: string;
  /** Lines above the letter: the platform, then the authority. */
  header: string[];
  blocks: Block[];
  /** The closing line of every page. */
  footer: string;
  /** "Page {page} of {pages}" in the letter's language. */
  pageOf: string;
  /** The moment of the decision: the document's dates, so the same decision gives the same bytes. */
  date: Date;
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;
const fonts = () =>
  (fontBytes ??= {
    regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
  });

/**
 * pdf-lib has fontkit parse the font file for every document, and the parsing (of the layout
 * tables above all) costs more than the rest of a letter. The parsed font is kept per file and
 * shared: laying out text does not change it, and each document still makes its own subset.
 */
const parsedFonts = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
const sharedFontkit: typeof fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BOTTOM = 72;
const LABEL_WIDTH = 150;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

const STYLE = {
  header: { size: 8.5, lead: 12 },
  banner: { size: 10, lead: 14 },
  title: { size: 14, lead: 19 },
  heading: { size: 11, lead: 16 },
  body: { size: 10, lead: 14 },
} as const;

/** Control characters have no glyph and would break a line's measure; they become spaces. */
const clean = (text: string) => text.replace(/(?!\n)\p{Cc}/gu, ' ');

/**
 * Measuring a string shapes it, which is slow for a font of DejaVu's size; lines are measured as
 * the sum of their words' widths, each word measured once per font and size.
 */
function measurer(font: PDFFont, size: number) {
  const cache = new Map<string, number>();
  return (text: string) => {
    let width = cache.get(text);
    if (width === undefined) {
      width = font.widthOfTextAtSize(text, size);
      cache.set(text, width);
    }
    return width;
  };
}

/** Breaks text into lines no wider than `width`; a word wider than a line is cut by characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = measurer(font, size);
  const space = measure(' ');
  const lines: string[] = [];
  for (const paragraph of clean(text).split('\n')) {
    let line: string[] = [];
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      const w = measure(word);
      if (line.length === 0 ? w <= width : used + space + w <= width) {
        used += (line.length ? space : 0) + w;
        line.push(word);
        continue;
      }
      if (line.length) lines.push(line.join(' '));
      let rest = word;
      while (measure(rest) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = [rest];
      used = measure(rest);
    }
    lines.push(line.join(' '));
  }
  return lines;
}

class Cursor {
  page: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  constructor(
    private readonly doc: PDFDocument,
    private readonly header: (page: PDFPage) => number,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(A4);
    this.pages.push(page);
    this.page = page;
    this.y = this.header(page);
    return page;
  }

  /** Room for `height` more points on this page, or a new page. */
  need(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  line(text: string, x: number, font: PDFFont, size: number, lead: number, color = INK) {
    this.need(lead);
    this.y -= lead;
    this.page.drawText(text, { x, y: this.y, size, font, color });
  }
}

export async function renderLetter(layout: LetterLayout): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(sharedFontkit);
  // A fixed subset name instead of pdf-lib's random one: the same letter gives the same bytes.
  const regular = await doc.embedFont(fonts().regular, { subset: true, customName: 'SWLTRA+DejaVuSans' });
  const bold = await doc.embedFont(fonts().bold, { subset: true, customName: 'SWLTRB+DejaVuSans-Bold' });
  const width = A4[0] - 2 * MARGIN;

  const drawHeader = (page: PDFPage): number => {
    let y = A4[1] - MARGIN + STYLE.header.lead;
    layout.header.forEach((text, i) => {
      y -= STYLE.header.lead;
      page.drawText(clean(text), {
        x: MARGIN,
        y,
        size: STYLE.header.size,
        font: i === 0 ? bold : regular,
        color: i === 0 ? INK : MUTED,
      });
    });
    y -= 8;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.6, color: MUTED });
    return y - 10;
  };

  const cursor = new Cursor(doc, drawHeader);
  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'banner': {
        const lines = wrap(block.text, bold, STYLE.banner.size, width - 16);
        const height = lines.length * STYLE.banner.lead + 10;
        cursor.need(height + 8);
        const top = cursor.y;
        cursor.page.drawRectangle({
          x: MARGIN,
          y: top - height,
          width,
          height,
          borderColor: INK,
          borderWidth: 1,
          color: rgb(0.95, 0.95, 0.95),
        });
        cursor.y -= 4;
        for (const l of lines) cursor.line(l, MARGIN + 8, bold, STYLE.banner.size, STYLE.banner.lead);
        cursor.y = top - height - 10;
        break;
      }
      case 'title':
        for (const l of wrap(block.text, bold, STYLE.title.size, width))
          cursor.line(l, MARGIN, bold, STYLE.title.size, STYLE.title.lead);
        cursor.y -= 8;
        break;
      case 'heading':
        cursor.need(STYLE.heading.lead + STYLE.body.lead + 6);
        cursor.y -= 6;
        for (const l of wrap(block.text, bold, STYLE.heading.size, width))
          cursor.line(l, MARGIN, bold, STYLE.heading.size, STYLE.heading.lead);
        cursor.y -= 2;
        break;
      case 'field': {
        const labels = wrap(block.label, bold, STYLE.body.size, LABEL_WIDTH - 10);
        const values = wrap(block.value, regular, STYLE.body.size, width - LABEL_WIDTH);
        cursor.need(STYLE.body.lead);
        const rows = Math.max(labels.length, values.length);
        for (let i = 0; i < rows; i++) {
          cursor.need(STYLE.body.lead);
          cursor.y -= STYLE.body.lead;
          const y = cursor.y;
          const label = labels[i];
          const value = values[i];
          if (label)
            cursor.page.drawText(label, { x: MARGIN, y, size: STYLE.body.size, font: bold, color: INK });
          if (value)
            cursor.page.drawText(value, {
              x: MARGIN + LABEL_WIDTH,
              y,
              size: STYLE.body.size,
              font: regular,
              color: INK,
            });
        }
        cursor.y -= 2;
        break;
      }
      case 'paragraph':
        for (const l of wrap(block.text, regular, STYLE.body.size, width))
          cursor.line(l, MARGIN, regular, STYLE.body.size, STYLE.body.lead);
        cursor.y -= 6;
        break;
    }
  }

  const total = cursor.pages.length;
  cursor.pages.forEach((page, i) => {
    const pageText = layout.pageOf.replace('{page}', String(i + 1)).replace('{pages}', String(total));
    page.drawLine({
      start: { x: MARGIN, y: BOTTOM - 22 },
      end: { x: A4[0] - MARGIN, y: BOTTOM - 22 },
      thickness: 0.4,
      color: MUTED,
    });
    for (const [j, text] of wrap(layout.footer, regular, STYLE.header.size, width - 90).entries()) {
      page.drawText(text, {
        x: MARGIN,
        y: BOTTOM - 34 - j * STYLE.header.lead,
        size: STYLE.header.size,
        font: regular,
        color: MUTED,
      });
    }
    page.drawText(pageText, {
      x: A4[0] - MARGIN - regular.widthOfTextAtSize(pageText, STYLE.header.size),
      y: BOTTOM - 34,
      size: STYLE.header.size,
      font: regular,
      color: MUTED,
    });
  });

  doc.setTitle(layout.title, { showInWindowTitleBar: true });
  doc.setSubject(layout.subject);
  doc.setAuthor(layout.author);
  doc.setLanguage(layout.lang);
  doc.setCreator('Single Window — Working in Belgium');
  doc.setProducer('Single Window — Working in Belgium');
  doc.setCreationDate(layout.date);
  doc.setModificationDate(layout.date);
  return doc.save();
}

import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFInvalidObject,
  PDFName,
  PDFRawStream,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
import { PNG } from 'pngjs';
import { AppError } from '../platform/errors.js';

export type AcceptedMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * Judges an upload by its structure, not its first bytes alone: it must be one whole file of the
 * type its header claims and nothing else (no polyglot), and a PDF must carry no active content.
 * Throws `document_unreadable` for a damaged, truncated or double-natured file and
 * `document_active_content` for a PDF that could run something when opened.
 */
export async function inspectDocument(content: Buffer, mediaType: AcceptedMediaType): Promise<void> {
  if (mediaType === 'application/pdf') return inspectPdf(content);
  if (mediaType === 'image/png') {
    inspectPng(content);
    return;
  }
  inspectJpeg(content);
}

const unreadable = () => new AppError('document_unreadable');

// ---------------------------------------------------------------------------------------------
// PDF

/** Dictionary keys that carry something a reader may run, open or hand to another program. */
const ACTIVE_KEYS = new Set([
  'JavaScript', // the document-level name tree of scripts
  'JS', // the script of an action (an /OpenAction is judged by the action it names)
  'AA', // additional actions: on open, close, print, page visit, field change…
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'RichMediaContent',
  'XFA', // XML forms, with their own scripting
]);

/** Action types (`/S`) that run code, start programs, load or send data, or open another file. */
const ACTIVE_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'ImportData',
  'SubmitForm',
  'GoToE',
  'GoToR',
  'RichMediaExecute',
  'Rendition',
  'Sound',
  'Movie',
]);

/** What another format's reader looks for: HTML a browser would render, a ZIP archive. */
const HTML_MARKERS = /<(?:!doctype|html|head|body|script|iframe|svg|object|embed|meta)\b/i;
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_END = Buffer.from('PK\x05\x06', 'latin1');
const EOF = Buffer.from('%%EOF', 'latin1');

async function inspectPdf(content: Buffer): Promise<void> {
  checkPdfEnvelope(content);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(content, {
      updateMetadata: false,
      // Names and dictionaries are not encrypted, so a password-protected file can be judged too.
      ignoreEncryption: true,
      throwOnInvalidObject: true,
    });
  } catch {
    throw unreadable();
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw unreadable();
  }
  if (pages < 1) throw unreadable();
  // Every object of the file, reachable from the catalogue or not (an incremental update may
  // leave objects a reader still finds): name trees, pages, annotations, form fields, actions.
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFInvalidObject) throw unreadable();
    if (hasActiveContent(object, 0)) throw new AppError('document_active_content');
  }
}

/**
 * The bytes around the PDF: it starts at byte 0 (readers accept up to 1 KiB before `%PDF-`,
 * which is where an HTML page or another format hides), ends with `%%EOF` and at most
 * whitespace after it (an appended ZIP, HTML page or second file would follow), and holds no
 * HTML in its first kilobyte, where browsers sniff.
 */
function checkPdfEnvelope(content: Buffer): void {
  if (content.subarray(0, 5).toString('latin1') !== '%PDF-') throw unreadable();
  const lastEof = content.lastIndexOf(EOF);
  if (lastEof < 0) throw unreadable();
  const trailing = content.subarray(lastEof + EOF.length);
  if (!/^[\s\0]*$/.test(trailing.toString('latin1'))) throw unreadable();
  if (HTML_MARKERS.test(content.subarray(0, 1024).toString('latin1'))) throw unreadable();
  // A ZIP reader looks for its end record in the last 64 KiB; a local header after %%EOF is
  // caught above, one inside the file right at its start is caught here too.
  if (content.subarray(Math.max(0, content.length - 65_557)).includes(ZIP_END)) throw unreadable();
  if (content.subarray(0, 1024).includes(ZIP_LOCAL)) throw unreadable();
}

const MAX_DEPTH = 64;

function hasActiveContent(object: PDFObject | undefined, depth: number): boolean {
  if (object === undefined || depth > MAX_DEPTH) return depth > MAX_DEPTH;
  if (object instanceof PDFName) return false;
  if (object instanceof PDFArray) {
    return object.asArray().some((item) => hasActiveContent(item, depth + 1));
  }
  const dict =
    object instanceof PDFDict
      ? object
      : object instanceof PDFStream || object instanceof PDFRawStream
        ? object.dict
        : undefined;
  if (!dict) return false;
  for (const [key, value] of dict.entries()) {
    const name = key.decodeText();
    if (ACTIVE_KEYS.has(name)) return true;
    if (name === 'S' && value instanceof PDFName && ACTIVE_ACTIONS.has(value.decodeText())) return true;
    // /Subtype /FileAttachment (annotation), /RichMedia, /Screen, /Movie, /Sound, /3D.
    if (
      name === 'Subtype' &&
      value instanceof PDFName &&
      ['FileAttachment', 'RichMedia', 'Screen', 'Movie', 'Sound', '3D'].includes(value.decodeText())
    )
      return true;
    // Indirect references are not followed: each referenced object is judged on its own above.
    if (hasActiveContent(value, depth + 1)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Images

/**
 * PNG by pngjs (pure JavaScript, zlib from Node): every chunk's CRC, the header, and the image
 * data inflated to exactly the size the header announces; nothing may follow IEND.
 */
function inspectPng(content: Buffer): void {
  try {
    const image = PNG.sync.read(content, { checkCRC: true });
    if (image.width < 1 || image.height < 1) throw unreadable();
  } catch {
    throw unreadable();
  }
  const iend = content.lastIndexOf(Buffer.from('IEND', 'latin1'));
  // IEND: length 0, type, CRC — and then the end of the file.
  if (iend < 4 || iend + 8 !== content.length) throw unreadable();
}

/**
 * JPEG by its markers: SOI, then segments each with its length, a frame header with a size, at
 * least one scan whose entropy-coded data holds only stuffed bytes and restart markers, and EOI
 * as the last two bytes. A structural walk rather than a decode: decoding a 10 MB photo in pure
 * JavaScript would hold the one event loop for seconds; what a truncated, spliced or
 * double-natured file gets wrong is in the markers.
 */
function inspectJpeg(data: Buffer): void {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) throw unreadable();
  let offset = 2;
  let frame = false;
  let scans = 0;
  for (;;) {
    if (offset + 2 > data.length) throw unreadable();
    if (data[offset] !== 0xff) throw unreadable();
    let marker = data[offset + 1] ?? 0;
    // Fill bytes: any number of 0xFF before a marker.
    while (marker === 0xff && offset + 2 < data.length) {
      offset += 1;
      marker = data[offset + 1] ?? 0;
    }
    offset += 2;
    if (marker === 0xd9) {
      // EOI: the end of the image must be the end of the file.
      if (!frame || scans === 0 || offset !== data.length) throw unreadable();
      return;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0x00 || marker === 0xd8) throw unreadable();
    if (offset + 2 > data.length) throw unreadable();
    const length = data.readUInt16BE(offset);
    if (length < 2 || offset + length > data.length) throw unreadable();
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC): height and width must not be zero.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8 || data.readUInt16BE(offset + 3) === 0 || data.readUInt16BE(offset + 5) === 0)
        throw unreadable();
      frame = true;
    }
    offset += length;
    if (marker === 0xda) {
      if (!frame) throw unreadable();
      scans += 1;
      // Entropy-coded data: runs until a marker other than a stuffed zero or a restart marker.
      for (;;) {
        const next = data.indexOf(0xff, offset);
        if (next < 0 || next + 1 >= data.length) throw unreadable();
        const after = data[next + 1] ?? 0;
        if (after === 0x00 || (after >= 0xd0 && after <= 0xd7) || after === 0xff) {
          offset = after === 0xff ? next + 1 : next + 2;
          continue;
        }
        offset = next;
        break;
      }
    }
  }
}

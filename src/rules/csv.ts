import { readFileSync } from 'node:fs';

/**
 * Just enough CSV for the reference files in ./data: comma-separated, fields optionally in double
 * quotes with "" as an escaped quote. A dependency would be heavier than the two files need.
 */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/** The non-empty lines of a data file beside this module, each split into fields. */
export function readCsv(fileName: string): string[][] {
  const text = readFileSync(new URL(`./data/${fileName}`, import.meta.url), 'utf8');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map(parseCsvLine);
}

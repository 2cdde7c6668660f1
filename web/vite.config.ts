import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { parseCsvLine } from '../src/rules/csv.js';

const RULES_DATA = fileURLToPath(new URL('../src/rules/data/', import.meta.url));
const VIRTUAL_CSV = '\0sw-rules-csv';

/**
 * The page validates with the server's own section schemas (src/dossier/sections.ts). They check
 * postcodes against bpost's list, which the server reads from disk with node:fs; in the browser the
 * same rows are compiled in instead (postcode and locality only: the coordinates are not needed).
 */
function rulesDataInBrowser(): Plugin {
  return {
    name: 'sw-rules-data-in-browser',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './csv.js' && importer?.replaceAll('\\', '/').includes('/src/rules/'))
        return VIRTUAL_CSV;
      return null;
    },
    load(id) {
      if (id !== VIRTUAL_CSV) return null;
      const postcodes = readFileSync(`${RULES_DATA}be-postcodes.csv`, 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line) => parseCsvLine(line).slice(0, 2));
      // The municipality table feeds no schema; an empty table keeps 70 kB out of the page.
      const files = { 'be-postcodes.csv': postcodes };
      return (
        `const FILES = ${JSON.stringify(files)};\n` +
        'export function readCsv(name) { return FILES[name] ?? []; }\n' +
        'export function parseCsvLine(line) { return line.split(","); }\n'
      );
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [rulesDataInBrowser(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});

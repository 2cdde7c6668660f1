// Regenerates the committed artefacts: database types, the OpenAPI document, the contract's postcodes.
import { writeFileSync } from 'node:fs';
import { generateArtefacts } from '../test/artefacts.js';

const artefacts = await generateArtefacts();
for (const [path, text] of Object.entries(artefacts)) {
  writeFileSync(new URL(`../${path}`, import.meta.url), text);
  console.log(`wrote ${path}`);
}

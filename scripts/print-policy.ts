// Writes docs/access-policy.md: the access policy printed from POLICY (src/access/policy.ts).
import { writeFileSync } from 'node:fs';
import { renderPolicyDocument } from '../src/access/policy-table.js';

const path = 'docs/access-policy.md';
writeFileSync(new URL(`../${path}`, import.meta.url), renderPolicyDocument());
console.log(`wrote ${path}`);

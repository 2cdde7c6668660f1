/**
 * What the browser tests (web/e2e) need from the platform's code: web/ imports nothing from src/
 * but src/contract/ (an ESLint rule says so), so these come through the test helpers instead.
 */

/** Where the server serves the portal's build (`npm run build:web`) from. */
export { WEB_ROOT } from '../src/app.js';

/** The fictitious enterprise numbers the demo directory and the fake KBO know. */
export { enterpriseNumberFrom } from '../src/demo/fixtures.js';

/** A whole one-page PDF (fictitious) that passes the upload checks. */
export { DEMO_PDF } from '../src/demo/fixtures.js';

/** The demo's dossiers, one in every state, as `npm start` seeds them. */
export { seedDemo } from '../src/demo/seed.js';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openPglite } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { generateSchemaTypes } from '../src/db/typegen.js';
import { postcodesModule } from '../src/rules/postcode-list.js';
import { localStorage } from '../src/documents/storage.js';
import { RecordingMessaging } from '../src/exchange/messaging.js';
import { sourcesFrom } from '../src/exchange/sources/index.js';
import { systemClock } from '../src/platform/clock.js';

/** Every generated file the repository commits, by path, as `npm run generate` would write it. */
export async function generateArtefacts(): Promise<Record<string, string>> {
  const database = await openPglite(undefined);
  const documents = mkdtempSync(join(tmpdir(), 'sw-gen-'));
  try {
    await migrate(database);
    const config = loadConfig({ LOG_LEVEL: 'silent' }, []);
    const app = await buildApp({
      db: database.db,
      clock: systemClock,
      config,
      storage: localStorage(documents),
      messaging: new RecordingMessaging(),
      sources: sourcesFrom(config.sources),
    });
    await app.ready();
    const openapi = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return {
      'src/db/schema.generated.ts': await generateSchemaTypes(database),
      'docs/api/openapi.json': openapi,
      'src/contract/postcodes.generated.ts': postcodesModule(),
    };
  } finally {
    await database.close();
    rmSync(documents, { recursive: true, force: true });
  }
}

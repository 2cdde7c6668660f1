import { openPglite } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { generateSchemaTypes } from '../src/db/typegen.js';

/** Every generated file the repository commits, by path, as `npm run generate` would write it. */
export async function generateArtefacts(): Promise<Record<string, string>> {
  const database = await openPglite(undefined);
  try {
    await migrate(database);
    return { 'src/db/schema.generated.ts': await generateSchemaTypes(database) };
  } finally {
    await database.close();
  }
}

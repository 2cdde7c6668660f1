import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { completeSinglePermitDraft } from '../../test/scenarios.js';
import { actorFor } from '../demo/parties.js';
import { submitDossier } from './drafting.js';

let platform: TestPlatform;
beforeAll(async () => (platform = await startPlatform()));
afterAll(() => platform.close());

/** The tables each SELECT names in its FROM clause, in the order they ran. */
function selectsOf(log: string[]): KyselyPlugin {
  const tableOf = (node: any): string | undefined =>
    node?.kind === 'AliasNode' ? tableOf(node.node) : node?.table?.identifier?.name;
  return {
    transformQuery: ({ node }: { node: RootOperationNode }) => {
      if (node.kind === 'SelectQueryNode') {
        for (const from of (node as any).from?.froms ?? []) log.push(tableOf(from) ?? '?');
      }
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
}

describe('a state change', () => {
  it('reads its dossier once: the action is folded onto the record it opened, not read back', async () => {
    const draft = await completeSinglePermitDraft(platform, await platform.login('employer'));
    const selects: string[] = [];
    const deps = { ...platform.deps, db: platform.deps.db.withPlugin(selectsOf(selects)) };
    const actor = await actorFor(platform.deps.db, 'employer');
    const command = { actor, idempotencyKey: undefined, route: 'submit', request: {} };
    const answer = await submitDossier(deps, command, draft.id);
    expect(answer.status).toBe(200);
    // The answer shows the dossier as it now stands, although nothing read it after the action.
    expect(answer.body.state).toBe('filed');
    expect(answer.body.filedAt).not.toBeNull();
    expect(answer.body.allowedActions).not.toContain('submit');
    expect(selects.filter((t) => t === 'dossier')).toHaveLength(1);
    expect(selects.filter((t) => t === 'dossier_action')).toHaveLength(1);
  });
});

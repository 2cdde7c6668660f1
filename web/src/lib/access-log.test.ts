import { describe, expect, it } from 'vitest';
import { SAME_VISIT_MS, byOrganisationAndDay, visits } from './access-log';
import type { AccessLogEntry } from './types';

const entry = (at: string, categories: AccessLogEntry['categories'], purpose = 'Control', org = 'o1') =>
  ({
    at,
    user: { id: 'u1', name: 'Someone (demo)' },
    organisation: { id: org, kind: 'inspection', name: 'Inspection (demo)' },
    categories,
    purpose,
  }) as AccessLogEntry;

describe('the worker’s access log in plain words', () => {
  it('shows a dossier and its history read together as one consultation with every category', () => {
    const lines = visits([
      entry('2026-11-23T10:00:00.000Z', ['identity', 'employment']),
      entry('2026-11-23T10:00:01.000Z', ['admin', 'identity']),
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.categories).toEqual(['identity', 'employment', 'admin']);
  });

  it('keeps apart another purpose, another organisation, or a read more than a minute later', () => {
    const at = Date.parse('2026-11-23T10:00:00.000Z');
    const later = new Date(at + SAME_VISIT_MS + 1000).toISOString();
    expect(
      visits([
        entry('2026-11-23T10:00:00.000Z', ['identity']),
        entry('2026-11-23T10:00:00.500Z', ['identity'], 'Another purpose'),
        entry('2026-11-23T10:00:00.600Z', ['identity'], 'Another purpose', 'o2'),
        entry(later, ['identity'], 'Another purpose', 'o2'),
      ]),
    ).toHaveLength(4);
  });
});

describe('the access log grouped by organisation and day', () => {
  it('shows each day once, newest first, with one line per organisation holding all it read', () => {
    const days = byOrganisationAndDay([
      entry('2026-11-23T10:00:00.000Z', ['identity']),
      entry('2026-11-23T15:00:00.000Z', ['employment'], 'Another purpose'),
      entry('2026-11-23T15:30:00.000Z', ['residence'], 'Control', 'o2'),
      entry('2026-11-25T08:00:00.000Z', ['admin']),
    ]);
    expect(days.map((d) => d.day)).toEqual(['2026-11-25', '2026-11-23']);
    const first = days[1]?.organisations ?? [];
    expect(first).toHaveLength(2);
    expect(first[0]?.categories).toEqual(['identity', 'employment']);
    expect(first[0]?.purposes).toEqual(['Control', 'Another purpose']);
    expect(first[0]?.times).toHaveLength(2);
  });

  it('counts the day in Brussels: a read just before midnight there is not the next day', () => {
    const days = byOrganisationAndDay([entry('2026-11-23T22:30:00.000Z', ['identity'])]);
    expect(days[0]?.day).toBe('2026-11-23');
  });
});

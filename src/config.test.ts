import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_PROFESSIONAL_CARD_FROM, loadConfig } from './config.js';

describe('the date procedure (c) enters into force (Art. 36, decision 0007)', () => {
  it('is unset by default, a past date in demo mode, and the configured date when given', () => {
    expect(loadConfig({}, []).professionalCardFrom).toBeUndefined();
    expect(loadConfig({}, ['--demo']).professionalCardFrom).toBe(DEMO_PROFESSIONAL_CARD_FROM);
    expect(loadConfig({ PROFESSIONAL_CARD_FROM: '2027-03-01' }, ['--demo']).professionalCardFrom).toBe(
      '2027-03-01',
    );
  });

  it('refuses a malformed date and the old switch, naming the setting', () => {
    expect(() => loadConfig({ PROFESSIONAL_CARD_FROM: '01/03/2027' }, [])).toThrow(/PROFESSIONAL_CARD_FROM/);
    expect(() => loadConfig({ PROFESSIONAL_CARD_ENABLED: 'true' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ PROFESSIONAL_CARD_ENABLED: 'true' }, [])).toThrow(
      /PROFESSIONAL_CARD_FROM=YYYY-MM-DD/,
    );
  });
});

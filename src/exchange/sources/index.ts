import type { SourceSetting, SourcesConfig } from '../../config.js';
import { fakeInasti, httpInasti, type InastiSource } from './inasti.js';
import { fakeKbo, httpKbo, type KboSource } from './kbo.js';
import { fakeLimosa, httpLimosa, type LimosaSource } from './limosa.js';
import { fakeOnss, httpOnss, type OnssSource } from './onss.js';

/** The authentic sources the platform reads instead of asking again (R-DATA-3, Art. 14). */
export interface Sources {
  kbo: KboSource;
  onss: OnssSource;
  limosa: LimosaSource;
  inasti: InastiSource;
  /** How long a check waits for one answer. */
  timeoutMs: number;
}

function pick<T>(setting: SourceSetting, fake: T, http: (url: string) => T): T {
  return setting.kind === 'fake' ? fake : http(setting.url);
}

/** Each source fake or real, as the configuration says: no code change swaps one. */
export function sourcesFrom(config: SourcesConfig): Sources {
  return {
    kbo: pick(config.kbo, fakeKbo, (url) => httpKbo(url, config.token)),
    onss: pick(config.onss, fakeOnss, (url) => httpOnss(url, config.token)),
    limosa: pick(config.limosa, fakeLimosa, (url) => httpLimosa(url, config.token)),
    inasti: pick(config.inasti, fakeInasti, (url) => httpInasti(url, config.token)),
    timeoutMs: config.timeoutMs,
  };
}

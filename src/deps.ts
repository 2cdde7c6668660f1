import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { DocumentStorage } from './documents/storage.js';
import type { Messaging } from './exchange/messaging.js';
import type { Sources } from './exchange/sources/index.js';
import type { Clock } from './platform/clock.js';

/**
 * What every module receives: the database, the clock, the configuration and the ports to the
 * world outside. Built once by src/server.ts (or a test) and handed down explicitly.
 */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  storage: DocumentStorage;
  messaging: Messaging;
  /** The authentic sources (KBO, ONSS, LIMOSA, INASTI), fake or real as configured. */
  sources: Sources;
}

/** Bundled (IIFE) into a test page so the same workload runs on Chromium's own IndexedDB. */
import { loadStoreBench, lookupStoreBench } from './store-workload.ts';

Object.assign(globalThis, { touchwiseStoreBench: { load: loadStoreBench, lookup: lookupStoreBench } });

/** Bundled (IIFE) into a test page so the same workload runs on Chromium's own IndexedDB. */
import { runStoreBench } from './store-workload.ts';

(globalThis as { touchwiseStoreBench?: typeof runStoreBench }).touchwiseStoreBench = runStoreBench;

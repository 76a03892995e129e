// Builds Touchwise: the Chrome and Firefox extensions from the one source
// manifest, and the Node library + CLI. `node scripts/build.mjs [--watch]`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconPng } from './icons.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const skipTypes = process.argv.includes('--no-types');

/** Entry points of the extension. Content scripts are IIFE: browsers cannot load them as modules. */
const extensionEntries = [
  { in: 'src/background/index.ts', out: 'background', format: 'esm' },
  { in: 'src/popup/index.tsx', out: 'popup/popup', format: 'esm' },
  { in: 'src/options/index.tsx', out: 'options/options', format: 'esm' },
  ...(manifest.content_scripts ?? []).flatMap((cs) => cs.js.map((js) => ({
    in: `src/content/${js.replace(/^content\//, '').replace(/\.js$/, '')}.ts`,
    out: js.replace(/\.js$/, ''),
    format: 'iife',
  }))),
];

function variant(browser) {
  const m = structuredClone(manifest);
  m.version = pkg.version;
  if (browser === 'chrome') {
    delete m.browser_specific_settings;
  } else {
    // Firefox runs MV3 backgrounds as event pages: `scripts`, not `service_worker`.
    m.background = { scripts: [m.background.service_worker], type: 'module' };
    delete m.minimum_chrome_version;
  }
  return m;
}

async function buildExtension(browser) {
  const out = join(dist, browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'icons'), { recursive: true });
  const target = browser === 'chrome' ? ['chrome110'] : ['firefox142'];
  for (const format of ['esm', 'iife']) {
    const entryPoints = extensionEntries.filter((e) => e.format === format).map((e) => ({ in: e.in, out: e.out }));
    if (!entryPoints.length) continue;
    await build({
      entryPoints,
      outdir: out,
      bundle: true,
      format,
      target,
      minify: true,
      sourcemap: 'linked',
      legalComments: 'none',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      define: { 'process.env.NODE_ENV': '"production"', __BROWSER__: JSON.stringify(browser) },
      logLevel: 'warning',
    });
  }
  for (const f of ['popup.html', 'popup.css']) cpSync(join(root, 'src/popup', f), join(out, 'popup', f));
  for (const f of ['options.html', 'options.css']) cpSync(join(root, 'src/options', f), join(out, 'options', f));
  for (const size of [16, 32, 48, 128]) writeFileSync(join(out, `icons/${size}.png`), iconPng(size));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(variant(browser), null, 2) + '\n');
}

async function buildLibrary() {
  const out = join(dist, 'lib');
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The CLI is an executable: give it a shebang.
  const cli = join(out, 'cli.js');
  writeFileSync(cli, '#!/usr/bin/env node\n' + readFileSync(cli, 'utf8'), { mode: 0o755 });
  if (!skipTypes) {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.lib.json'], { cwd: root, stdio: 'inherit' });
    writeFileSync(join(out, 'index.d.ts'), "export * from './types/index.js';\n");
  }
}

const t0 = performance.now();
process.chdir(root);
await Promise.all([buildExtension('chrome'), buildExtension('firefox'), buildLibrary()]);
if (!existsSync(join(dist, 'chrome/background.js'))) throw new Error('build produced no background script');
console.log(`built dist/chrome, dist/firefox, dist/lib in ${Math.round(performance.now() - t0)} ms`);

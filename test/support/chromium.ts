/**
 * Loads the built extension (dist/chrome) into headless Chromium through playwright-core,
 * for end-to-end tests. One call gives a fresh profile, the extension's id and service
 * worker, a record of every request the browser context makes, and every error its
 * pages and workers report; `close()` shuts the browser and deletes the profile.
 *
 *   const ext = await launchExtension({ serve: { 'https://mail.google.com': { '/mail/u/0/': html } } });
 *   const page = await ext.openExtensionPage('popup/popup.html');
 *   …
 *   expect(ext.externalRequests()).toEqual([]);
 *   await ext.close();
 *
 * The machine running the tests may have no network at all: Chromium gets the flags that
 * keep it from phoning home (it stalls otherwise), and every http(s)/ws(s) request that no
 * fixture serves is aborted by a catch-all route, after being recorded.
 */
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Request, type Route, type WebError, type Worker } from 'playwright-core';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's Chromium; `TOUCHWISE_CHROMIUM` points elsewhere. */
export const CHROMIUM_PATH = process.env.TOUCHWISE_CHROMIUM || '/usr/bin/chromium';

/** The unpacked Chrome extension `npm run build` writes (vitest's globalSetup builds it). */
export const EXTENSION_DIR = fileURLToPath(new URL('../../dist/chrome/', import.meta.url));

/**
 * Flags Chromium must run with on a machine without network: without them it keeps
 * trying to reach Google's update, sync and field-trial servers, and stalls.
 */
export const OFFLINE_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/**
 * Playwright defaults that must go: `--disable-extensions` would keep the extension from
 * loading, and `--headless` is replaced by the explicit `--headless=new` above.
 */
export const IGNORED_DEFAULT_ARGS = ['--disable-extensions', '--headless'] as const;

/** Whether a Chromium to run the end-to-end tests is installed. */
export function chromiumAvailable(path = CHROMIUM_PATH): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why the end-to-end tests are skipped, for a notice in the test output. */
export const SKIP_NOTICE = `Skipping the end-to-end tests: no Chromium at ${CHROMIUM_PATH} (install Debian's \`chromium\` package, or set TOUCHWISE_CHROMIUM to a Chromium binary).`;

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, first
 * 32 hex digits, written with the letters a–p.
 */
export function unpackedExtensionId(dir: string): string {
  const path = realpathSync(dir).replace(/\/+$/, '');
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** A fixture response: an HTML string, or a full response. */
export type FixtureBody = string | { body: string | Buffer; contentType?: string; status?: number; headers?: Record<string, string> };

/** Fixture sites: origin (`https://mail.google.com`) → path (`/mail/u/0/`) → response. Other paths get a 404. */
export type Fixtures = Record<string, Record<string, FixtureBody>>;

export interface LaunchOptions {
  /** The unpacked extension to test. Default: dist/chrome. */
  extensionDir?: string;
  /** More unpacked extensions to load beside it (say, one that tries to talk to it). */
  extraExtensions?: string[];
  executablePath?: string;
  /** Sites to serve from memory, so content scripts can run on their real origins. */
  serve?: Fixtures;
  /** Flags added after the offline ones. */
  extraArgs?: string[];
  /** Abort every http(s)/ws(s) request no fixture serves (it is still recorded). Default true. */
  blockUnserved?: boolean;
  /** Default timeout for Playwright actions and for the launch. Default 20 s. */
  timeoutMs?: number;
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The page (frame URL) or worker (script URL) that made it. */
  initiator: string;
  fromServiceWorker: boolean;
}

export interface Diagnostic {
  kind: 'console' | 'pageerror' | 'worker-exception';
  /** The URL of the page or worker that reported it. */
  source: string;
  text: string;
}

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path?: string): string;
  /** The id of another loaded extension, by its directory. */
  extensionIdFor(dir: string): string;
  /** The running service worker of a loaded extension, waited for. */
  serviceWorkerFor(extensionId: string): Promise<Worker>;
  /** Opens an extension page in a new tab and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  /** Serves another fixture site (on top of `serve`). */
  serve(origin: string, files: Record<string, FixtureBody>): Promise<void>;
  /** Every request made in the context so far, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests for anything but the extension's own files, data:/blob:/about: URLs and served fixture origins. */
  externalRequests(): RecordedRequest[];
  /** Console errors (and failed console.assert) and uncaught page errors seen so far, from every page and worker. */
  readonly errors: readonly Diagnostic[];
  /**
   * Everything a service worker has reported as an error since it started, uncaught
   * exceptions and unhandled rejections included, read back from the worker's own
   * DevTools message store: unlike `errors`, this covers the worker's first moments,
   * before the test could listen.
   */
  serviceWorkerErrors(worker?: Worker): Promise<Diagnostic[]>;
  /**
   * Stops the extension's service worker, as the browser does after 30 s idle; the next
   * event (a message, say) starts it again. The `serviceWorker` handle stays valid.
   */
  stopServiceWorker(): Promise<void>;
  /** Closes the browser and deletes the profile. Safe to call twice. */
  close(): Promise<void>;
}

const LOCAL_SCHEMES = new Set(['chrome-extension:', 'data:', 'blob:', 'about:']);

function fulfil(route: Route, f: FixtureBody | undefined): Promise<void> {
  if (f === undefined) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
  if (typeof f === 'string') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: f });
  return route.fulfill({ status: f.status ?? 200, contentType: f.contentType ?? 'text/html; charset=utf-8', headers: f.headers, body: f.body });
}

function describeRequest(req: Request): RecordedRequest {
  const worker = req.serviceWorker();
  let initiator = worker?.url() ?? '';
  if (!worker) {
    try {
      initiator = req.frame().url();
    } catch {
      initiator = '(no frame)';
    }
  }
  return { url: req.url(), method: req.method(), resourceType: req.resourceType(), initiator, fromServiceWorker: !!worker };
}

function consoleSource(msg: ConsoleMessage): string {
  return msg.worker()?.url() ?? msg.page()?.url() ?? msg.location().url;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extensionDir = realpathSync(opts.extensionDir ?? EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No extension at ${extensionDir}: run \`npm run build\` first.`);
  const extraDirs = (opts.extraExtensions ?? []).map((d) => realpathSync(d));
  const allDirs = [extensionDir, ...extraDirs].join(',');
  const timeout = opts.timeoutMs ?? 20_000;
  const profile = mkdtempSync(join(tmpdir(), 'touchwise-e2e-'));

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: opts.executablePath ?? CHROMIUM_PATH,
      headless: true,
      ignoreDefaultArgs: [...IGNORED_DEFAULT_ARGS],
      args: [...OFFLINE_FLAGS, `--disable-extensions-except=${allDirs}`, `--load-extension=${allDirs}`, ...(opts.extraArgs ?? [])],
      timeout: Math.max(timeout, 60_000),
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }

  // If the test process dies before close(), still delete the profile (Playwright kills the browser).
  const removeProfile = (): void => rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  process.once('exit', removeProfile);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      process.off('exit', removeProfile);
      removeProfile();
    }
  };

  try {
    context.setDefaultTimeout(timeout);
    const requests: RecordedRequest[] = [];
    const errors: Diagnostic[] = [];
    const servedOrigins = new Set<string>();

    context.on('request', (req) => requests.push(describeRequest(req)));
    context.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'assert') errors.push({ kind: 'console', source: consoleSource(msg), text: msg.text() });
    });
    context.on('weberror', (err: WebError) => {
      errors.push({ kind: 'pageerror', source: err.page()?.url() ?? '', text: err.error().stack ?? String(err.error()) });
    });

    // Routes registered later take precedence: the catch-all goes first, fixtures on top.
    if (opts.blockUnserved !== false) {
      await context.route(/^(https?|wss?):\/\//, (route) => route.abort('blockedbyclient'));
    }
    const serve = async (origin: string, files: Record<string, FixtureBody>): Promise<void> => {
      const o = new URL(origin).origin;
      servedOrigins.add(o);
      await context.route((url) => url.origin === o, (route) => fulfil(route, files[new URL(route.request().url()).pathname]));
    };
    for (const [origin, files] of Object.entries(opts.serve ?? {})) await serve(origin, files);

    const serviceWorkerFor = async (id: string): Promise<Worker> => {
      const prefix = `chrome-extension://${id}/`;
      const found = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
      if (found) return found;
      try {
        return await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout });
      } catch (e) {
        const seen = context.serviceWorkers().map((w) => w.url());
        throw new Error(`No service worker started for extension ${id} within ${timeout} ms (workers running: ${seen.join(', ') || 'none'}). Did the extension load? Check that --disable-extensions is not among Chromium's flags.`, { cause: e });
      }
    };

    const extensionId = unpackedExtensionId(extensionDir);
    const serviceWorker = await serviceWorkerFor(extensionId);
    // The id as the browser reports it, which must agree with the one derived from the path.
    const reportedId = new URL(serviceWorker.url()).host;

    const serviceWorkerErrors = async (worker: Worker = serviceWorker): Promise<Diagnostic[]> => {
      const browser = context.browser();
      if (!browser) throw new Error('serviceWorkerErrors needs the browser behind the context');
      const cdp = await browser.newBrowserCDPSession();
      const out: Diagnostic[] = [];
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        for (const target of targetInfos.filter((t) => t.type === 'service_worker' && t.url === worker.url())) {
          // A second DevTools client on the worker: enabling Runtime replays every console
          // message and uncaught exception the worker has stored, then answers the call.
          const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
          const replayed = new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`the worker ${worker.url()} did not answer Runtime.enable`)), timeout);
            const onMessage = (e: { sessionId: string; message: string }): void => {
              if (e.sessionId !== sessionId) return;
              const m = JSON.parse(e.message) as { id?: number; method?: string; params?: Record<string, unknown> };
              if (m.id === 1) {
                clearTimeout(timer);
                cdp.off('Target.receivedMessageFromTarget', onMessage);
                resolve();
              } else if (m.method === 'Runtime.exceptionThrown') {
                const d = (m.params as { exceptionDetails: { text: string; url?: string; exception?: { description?: string } } }).exceptionDetails;
                out.push({ kind: 'worker-exception', source: d.url || worker.url(), text: `${d.text} ${d.exception?.description ?? ''}`.trim() });
              } else if (m.method === 'Runtime.consoleAPICalled') {
                const p = m.params as { type: string; args: Array<{ value?: unknown; description?: string }> };
                if (p.type === 'error' || p.type === 'assert') {
                  out.push({ kind: 'console', source: worker.url(), text: p.args.map((a) => a.description ?? String(a.value)).join(' ') });
                }
              }
            };
            cdp.on('Target.receivedMessageFromTarget', onMessage);
          });
          await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.enable' }) });
          await replayed;
          await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
        }
      } finally {
        await cdp.detach().catch(() => undefined);
      }
      return out;
    };

    const stopServiceWorker = async (): Promise<void> => {
      // The ServiceWorker DevTools domain lives on pages: use a throwaway tab on the extension's origin.
      const page = await context.newPage();
      try {
        await page.goto(`chrome-extension://${reportedId}/manifest.json`);
        const cdp = await context.newCDPSession(page);
        type Version = { versionId: string; scriptURL: string; runningStatus: string; status: string };
        const latest = new Map<string, Version>();
        const waiters: Array<() => void> = [];
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          for (const v of versions) if (v.scriptURL === serviceWorker.url()) latest.set(v.versionId, v);
          for (const w of waiters.splice(0)) w();
        });
        const until = async (what: string, ok: (vs: Version[]) => boolean): Promise<Version[]> => {
          const deadline = Date.now() + timeout;
          while (!ok([...latest.values()])) {
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`service worker ${serviceWorker.url()}: ${what} (versions: ${JSON.stringify([...latest.values()])})`);
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, left);
              waiters.push(() => (clearTimeout(t), resolve()));
            });
          }
          return [...latest.values()];
        };
        await cdp.send('ServiceWorker.enable');
        const active = (await until('never activated and running', (vs) => vs.some((v) => v.status === 'activated' && v.runningStatus === 'running'))).filter((v) => v.runningStatus === 'running');
        for (const v of active) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
        await until('did not stop', (vs) => vs.every((v) => v.runningStatus === 'stopped'));
        await cdp.detach().catch(() => undefined);
      } finally {
        await page.close();
      }
    };

    const harness: ExtensionHarness = {
      context,
      extensionId: reportedId,
      serviceWorker,
      extensionUrl: (path = '') => `chrome-extension://${reportedId}/${path.replace(/^\//, '')}`,
      extensionIdFor: (dir) => unpackedExtensionId(dir),
      serviceWorkerFor,
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(harness.extensionUrl(path), { waitUntil: 'load' });
        return page;
      },
      serve,
      requests,
      externalRequests: () =>
        requests.filter((r) => {
          const url = new URL(r.url);
          return !LOCAL_SCHEMES.has(url.protocol) && !servedOrigins.has(url.origin);
        }),
      errors,
      serviceWorkerErrors,
      stopServiceWorker,
      close,
    };
    return harness;
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}

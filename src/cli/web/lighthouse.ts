/**
 * Lighthouse (the node API of `lighthouse@12`, which supports Node 20) against the same
 * headless Chromium as the e2e tests: the browser is launched with a remote-debugging port
 * and Lighthouse drives a tab of its own through it. Mobile runs use Lighthouse's default
 * mobile settings (Moto G Power screen, simulated slow 4G and 4× CPU slowdown), so the
 * performance score is comparable with PageSpeed's mobile figure.
 */
import { createServer } from 'node:net';
import { launchBrowser } from './browser';

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';

export interface LighthouseFigures {
  /** 0–100 per category (null when Lighthouse could not score it). */
  scores: Partial<Record<Category, number | null>>;
  /** Audits below full marks in the categories run, worst first, with what they found. */
  failing: { id: string; title: string; score: number; items: string[] }[];
  /** Mobile metrics in milliseconds (CLS unitless). */
  metrics: Record<string, number | null>;
  lighthouseVersion: string;
  formFactor: 'mobile' | 'desktop';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface AuditResult {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  details?: { items?: { node?: { snippet?: string; selector?: string } }[] };
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'] as const;

export async function runLighthouse(url: string, categories: readonly Category[], formFactor: 'mobile' | 'desktop' = 'mobile'): Promise<LighthouseFigures> {
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  try {
    const { default: lighthouse, desktopConfig } = await import('lighthouse');
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] }, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audits = lhr.audits as Record<string, AuditResult>;
    const scores: LighthouseFigures['scores'] = {};
    const failing: LighthouseFigures['failing'] = [];
    for (const category of categories) {
      const c = lhr.categories[category];
      scores[category] = c?.score === null || c?.score === undefined ? null : Math.round(c.score * 100);
      for (const ref of c?.auditRefs ?? []) {
        const audit = audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1 || ref.weight === 0 || audit.scoreDisplayMode === 'informative') continue;
        const items = (audit.details?.items ?? []).map((i) => i.node?.snippet ?? i.node?.selector ?? '').filter((s) => s !== '').slice(0, 5);
        failing.push({ id: audit.id, title: audit.title, score: audit.score, items });
      }
    }
    failing.sort((a, b) => a.score - b.score);
    const metrics: Record<string, number | null> = {};
    if (categories.includes('performance')) for (const id of METRICS) metrics[id] = audits[id]?.numericValue ?? null;
    return { scores, failing, metrics, lighthouseVersion: lhr.lighthouseVersion, formFactor };
  } finally {
    await browser.close();
  }
}

/**
 * A few workers that verify results in parallel, one result each at a time. Where workers
 * cannot start (an old browser, a page opened in an unusual way), the same code runs on the
 * page, yielding to the browser between results so that it stays responsive.
 */
import type { Level } from '../levels/schema';
import type { LevelLookup, VerifyRequest, VerifyResponse } from './verify';
import type { WorkerMessage } from './verify-worker';

interface Job {
  request: VerifyRequest;
  done: (response: VerifyResponse) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Workers for a machine of `cores`: one core is left to the page, so that it draws the rows
 * and charts and answers the instructor while results are checked (on a school laptop with
 * two cores, one worker; at most four).
 */
export const verifierCount = (cores: number): number => Math.max(1, Math.min(4, cores - 1));

export class VerifierPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private fallback = false;
  private fallbackRunning = false;

  constructor(private readonly levels: LevelLookup) {
    const size = verifierCount(navigator.hardwareConcurrency || 2);
    const entries: [string, Level | null][] = [...levels.entries()];
    try {
      for (let i = 0; i < size; i++) {
        const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module' });
        const slot: Slot = { worker, job: null };
        worker.addEventListener('message', (event: MessageEvent<VerifyResponse>) => this.finished(slot, event.data));
        // A worker that cannot load (or dies) hands its job and all later ones to the page.
        worker.addEventListener('error', (event) => {
          event.preventDefault();
          this.useFallback(slot);
        });
        worker.postMessage({ type: 'levels', levels: entries } satisfies WorkerMessage);
        this.slots.push(slot);
      }
    } catch {
      this.fallback = true;
    }
  }

  verify(request: VerifyRequest): Promise<VerifyResponse> {
    return new Promise((done) => {
      this.queue.push({ request, done });
      this.pump();
    });
  }

  private pump(): void {
    if (this.fallback) {
      void this.runFallback();
      return;
    }
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ type: 'verify', ...job.request } satisfies WorkerMessage);
    }
  }

  private finished(slot: Slot, response: VerifyResponse): void {
    const job = slot.job;
    slot.job = null;
    job?.done(response);
    this.pump();
  }

  private useFallback(slot: Slot): void {
    if (slot.job) this.queue.unshift(slot.job);
    slot.job = null;
    for (const other of this.slots) {
      if (other.job) this.queue.unshift(other.job);
      other.job = null;
      other.worker.terminate();
    }
    this.slots.length = 0;
    this.fallback = true;
    this.pump();
  }

  private async runFallback(): Promise<void> {
    if (this.fallbackRunning) return;
    this.fallbackRunning = true;
    const { verifyRequest } = await import('./verify');
    while (this.queue.length > 0) {
      await yieldToBrowser();
      const job = this.queue.shift()!;
      job.done(await verifyRequest(job.request, this.levels));
    }
    this.fallbackRunning = false;
  }

  destroy(): void {
    for (const slot of this.slots) slot.worker.terminate();
  }
}

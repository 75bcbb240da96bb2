import { parentPort, workerData } from 'node:worker_threads';
import { playSeeds, type RunsJob } from './runs';

parentPort?.postMessage(await playSeeds(workerData as RunsJob));

import { readFileSync } from 'node:fs';
import { level as levelSchema, type Level } from '../src/levels/schema';
import { buildContext, type LevelContext } from '../src/sim/context';

export const loadLevelFile = (file: string): Level => levelSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
export const shippedContext = (id: 'tutorial' | 'bamako-2025', days?: number): LevelContext => buildContext(loadLevelFile(`levels/${id}.json`), days);

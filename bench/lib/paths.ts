import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const RESULTS = join(ROOT, 'bench', 'results');

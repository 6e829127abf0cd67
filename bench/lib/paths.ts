import { path, REPO_ROOT } from '../../test/host';

export const ROOT = REPO_ROOT;
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'bench', 'results');

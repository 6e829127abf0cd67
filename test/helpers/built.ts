import type { INodeTypeDescription } from 'n8n-workflow';

import { assert, createRequire, fs, path, REPO_ROOT } from '../host';

const requireBuilt = createRequire(path.join(REPO_ROOT, 'package.json'));

/** The node's description as n8n loads it: from the BUILT dist/, not from the sources. */
export function loadBuiltDescription(): INodeTypeDescription {
	const file = path.join(REPO_ROOT, 'dist', 'nodes', 'Factomos', 'Factomos.node.js');
	assert.ok(fs.existsSync(file), `${file} is missing. Run \`npm run build\` first.`);
	const module = requireBuilt(file) as {
		Factomos: new () => { description: INodeTypeDescription };
	};
	return new module.Factomos().description;
}

import { childProcess, path, process, REPO_ROOT } from '../host';

import { isToleratedFinding } from '../../scripts/known-findings';
import { missingReleaseFields } from '../../scripts/release';

const validAuthor = { ruleId: '@n8n/community-nodes/valid-author', file: 'package.json', message: 'The "author" field must include a non-empty email.' };

describe('package => release', () => {
	it('should refuse to publish, naming repository and author.email, while package.json lacks them', () => {
		const run = childProcess.spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/release.js')], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
			env: { ...process.env, GITHUB_ACTIONS: 'true' },
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('Refusing to release: package.json has no repository and no author.email.');
		expect(run.stdout).toBe('');
	});

	it('should name each missing field, and treat the starter placeholder as missing', () => {
		const author = { name: 'Jane Maintainer', email: 'jane@example.org' };
		const repository = { type: 'git', url: 'https://github.com/example/n8n-nodes-factomos.git' };
		expect(missingReleaseFields({ author: { name: 'x' } })).toEqual(['repository', 'author.email']);
		expect(missingReleaseFields({ author, repository: { url: 'https://github.com/<...>/n8n-nodes-<...>.git' } })).toEqual(['repository']);
		expect(missingReleaseFields({ author: { name: 'x', email: ' ' }, repository })).toEqual(['author.email']);
		expect(missingReleaseFields({ author: 'Jane <jane@example.org>', repository: repository.url })).toEqual([]);
		expect(missingReleaseFields({ author, repository })).toEqual([]);
	});
});

describe('package => known lint finding', () => {
	it('should accept valid-author only for the missing email, only on package.json, only while no email is set', () => {
		expect(isToleratedFinding(validAuthor, { author: { name: 'x' } })).toBe(true);
		expect(isToleratedFinding(validAuthor, { author: { name: 'x', email: 'jane@example.org' } })).toBe(false);
		expect(isToleratedFinding({ ...validAuthor, message: 'The "author" field must include a non-empty name.' }, { author: {} })).toBe(false);
		expect(isToleratedFinding({ ...validAuthor, file: 'nodes/x/package.json', ruleId: 'no-console' }, { author: {} })).toBe(false);
		expect(isToleratedFinding({ ...validAuthor, file: 'nodes/Factomos/Factomos.node.ts' }, { author: {} })).toBe(false);
	});
});

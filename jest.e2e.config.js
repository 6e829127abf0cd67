/** @type {import('jest').Config} */
// Real n8n end-to-end suite (`npm run test:e2e`): installs n8n 1.x and 2.x once into .cache/.
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 180000,
	forceExit: true,
};

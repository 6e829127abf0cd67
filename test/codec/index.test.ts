import { loadGoldenVectors } from './support';
import { fs, path, REPO_ROOT } from '../host';

interface PackageMain {
	encrypt(secret: string, plaintext: string): string;
	decrypt(secret: string, payload: string): string;
	encodeForm(params: Record<string, unknown>): string;
}

const DIST_CODEC = path.join(REPO_ROOT, 'dist', 'nodes', 'Factomos', 'transport', 'codec.js');

/** index.js loads the compiled codec, so a missing dist/ must say how to fix it. */
async function loadPackageMain(): Promise<PackageMain> {
	if (!fs.existsSync(DIST_CODEC)) {
		throw new Error(
			`The package main (index.js) needs the compiled codec, but ${DIST_CODEC} is missing. Run \`npm run build\` first (\`npm test\` does it).`,
		);
	}
	// The repository as a package: its package.json main.
	return (await import(REPO_ROOT)) as PackageMain;
}

describe('codec => package main (index.js)', () => {
	const vector = loadGoldenVectors().find((v) => v.label === 'createInvoice' && v.iv === undefined);

	it('should export encrypt, decrypt and encodeForm', async () => {
		const main = await loadPackageMain();
		expect(typeof main.encrypt).toBe('function');
		expect(typeof main.decrypt).toBe('function');
		expect(typeof main.encodeForm).toBe('function');
	});

	it('should encrypt and decrypt a golden vector like PHP factomos_encode / factomos_decode', async () => {
		const main = await loadPackageMain();
		expect(vector).toBeDefined();
		if (!vector) return;
		expect(main.encrypt(vector.secret, vector.plaintext)).toBe(vector.base64);
		expect(main.decrypt(vector.secret, vector.encoded)).toBe(vector.plaintext);
		expect(main.decrypt(vector.secret, vector.base64)).toBe(vector.plaintext);
	});

	it('should encode forms with PHP array syntax', async () => {
		const main = await loadPackageMain();
		expect(main.encodeForm({ action: 'getClient', client_id: 766, line_price: [9.5, ''] })).toBe(
			'action=getClient&client_id=766&line_price[]=9.5&line_price[]=',
		);
	});
});

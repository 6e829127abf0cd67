/**
 * n8n's RSS under trigger floods, for BENCHMARKS.md: alternates 1,000-post floods between an
 * active "Factomos Trigger → No Operation" and "Webhook → No Operation" workflow in one n8n
 * (`MAJOR=1|2 npx ts-node --transpile-only bench/triggerMemory.ts`). Both grow on 2.x.
 */
import { startEmulator } from './lib/emulator';
import { BenchN8n } from './lib/n8n';
import { type BenchWorkflow, factomosTrigger, genericWebhook } from './lib/workflows';
import { TRIGGER_EVENTS } from './figures/trigger';
import { fs, http, print, process, setTimeout } from '../test/host';

const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
function post(url: string, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', agent, headers: { 'Content-Length': Buffer.byteLength(body) } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
		req.on('error', reject); req.end(body);
	});
}
const rss = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)![1]) / 1024;
(async () => {
	const emu = await startEmulator({ seed: true });
	const n8n = await BenchN8n.create(Number(process.env.MAJOR ?? 2), {});
	const t = factomosTrigger(TRIGGER_EVENTS); const w = genericWebhook();
	await n8n.setUp({ token: emu.token, secret: emu.secret, baseUrl: emu.baseUrl }, [t, w]);
	const pid = n8n.pid!;
	const flood = async (wf: BenchWorkflow, n: number) => {
		const bodies = Array.from({ length: n }, (_, i) => JSON.stringify({ company_id: '550', notification_type: TRIGGER_EVENTS[i % 3], result: { id: String(i), error: { code: 0, message: 'OK' } } }));
		let next = 0; const s = Date.now();
		await Promise.all(Array.from({ length: 10 }, async () => { while (next < bodies.length) await post(`${n8n.url}/webhook/${wf.path}`, bodies[next++]); }));
		await new Promise((r) => setTimeout(r, 3000));
		print(wf.file.name, n, 'posts', Date.now() - s - 3000, 'ms; RSS', rss(pid).toFixed(0), 'MB');
	};
	print('start RSS', rss(pid).toFixed(0));
	for (const [wf, n] of [[w, 200], [t, 200], [w, 1000], [t, 1000], [w, 1000], [t, 1000]] as const) await flood(wf, n);
	await n8n.dispose(); await emu.stop(); agent.destroy();
})();

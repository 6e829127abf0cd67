import { parseTolerantJson, repairJsonSlips } from '../../nodes/Factomos/transport/tolerantJson';
import { DOC_BODIES } from '../emulator/docExamples';

describe('transport => tolerant JSON', () => {
	it('should remove a comma before } or ], across whitespace', () => {
		expect(repairJsonSlips('{"a":1,}')).toBe('{"a":1}');
		expect(repairJsonSlips('[1,2 ,\n\t]')).toBe('[1,2 \n\t]');
		expect(repairJsonSlips('{"a":[1,],\r\n}')).toBe('{"a":[1]\r\n}');
	});

	it('should add the missing comma between two objects of an array, across whitespace', () => {
		expect(repairJsonSlips('[{"a":1}{"b":2}]')).toBe('[{"a":1},{"b":2}]');
		expect(repairJsonSlips('[{"a":1}\n   {"b":2},\n]')).toBe('[{"a":1},\n   {"b":2}\n]');
		expect(repairJsonSlips('{"x":[{"a":{"c":[]}} {"b":2}]}')).toBe('{"x":[{"a":{"c":[]}}, {"b":2}]}');
	});

	it('should not add a comma between objects outside an array', () => {
		expect(repairJsonSlips('{"a":{"b":1}{"c":2}}')).toBe('{"a":{"b":1}{"c":2}}');
		expect(parseTolerantJson('{"a":{"b":1}{"c":2}}')).toBeUndefined();
		expect(parseTolerantJson('{"a":1}{"b":2}')).toBeUndefined();
	});

	it('should keep commas and braces inside strings, including after escaped quotes and backslashes', () => {
		expect(repairJsonSlips('{"a":"x,}","b":"y,]",}')).toBe('{"a":"x,}","b":"y,]"}');
		expect(repairJsonSlips('{"a":"q\\",}",}')).toBe('{"a":"q\\",}"}');
		expect(repairJsonSlips('{"a":"\\\\",}')).toBe('{"a":"\\\\"}');
		expect(repairJsonSlips('["}{",{"a":"}  {"}]')).toBe('["}{",{"a":"}  {"}]');
	});

	it('should leave valid JSON untouched', () => {
		const text = JSON.stringify({ a: [1, 2, { b: 'c,}' }, { d: '}{' }], e: 'f' });
		expect(repairJsonSlips(text)).toBe(text);
		expect(parseTolerantJson(text)).toEqual({ value: JSON.parse(text) });
	});

	it('should parse the email template list of §23 as the documentation writes it', () => {
		expect(() => JSON.parse(DOC_BODIES.listEmailTemplates)).toThrow(SyntaxError);
		const parsed = parseTolerantJson(DOC_BODIES.listEmailTemplates)?.value as { 'email-templates': Array<{ id: string }> };
		expect(parsed['email-templates'].map((template) => template.id)).toEqual(['333', '335']);
		expect(parsed).toMatchObject({ error: { code: 0, message: 'OK' } });
	});

	it('should still refuse every other defect', () => {
		for (const text of [
			'[1 2]',
			'{"a":1 "b":2}',
			"{'a':1}",
			'{"a":1,,}',
			'{"a":}',
			'{"error":{"code":0,',
			'[{"a":1}{"b":2}',
			'{"a":"unterminated,}',
			'',
			',',
		]) {
			expect(parseTolerantJson(text)).toBeUndefined();
		}
	});
});

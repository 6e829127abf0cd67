import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, toDecimal } from './validation';

/** Service ID that marks a title line rather than a priced line (§17, §20, §31). */
export const TITLE_LINE_SERVICE_ID = '75';

export interface LineArrays {
	line_service_id: string[];
	line_description: string[];
	line_quantity: string[];
	line_price: string[];
}

interface RawLine {
	title?: unknown;
	serviceId?: unknown;
	description?: unknown;
	quantity?: unknown;
	price?: unknown;
}

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return String((value as IDataObject).value ?? '').trim();
	return String(value).trim();
}

/** Accepts both the UI's field names and the API's, so lines built by expressions can use either. */
function fromJson(entry: IDataObject): RawLine {
	return {
		title: entry.title ?? entry.isTitle,
		serviceId: entry.serviceId ?? entry.service_id ?? entry.line_service_id,
		description: entry.description ?? entry.line_description,
		quantity: entry.quantity ?? entry.line_quantity,
		price: entry.price ?? entry.line_price,
	};
}

function readRawLines(context: IExecuteFunctions, itemIndex: number): RawLine[] {
	const mode = context.getNodeParameter('linesInputMode', itemIndex, 'define') as string;
	if (mode !== 'json') {
		const lines = context.getNodeParameter('lines.line', itemIndex, []) as IDataObject[];
		return lines as RawLine[];
	}
	let value = context.getNodeParameter('linesJson', itemIndex, '[]') as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value || '[]');
		} catch {
			throw inputError(
				context,
				itemIndex,
				'Lines (JSON)',
				'is not valid JSON',
				'Give an array such as [{"serviceId": "104997", "quantity": 2, "price": 800}, {"title": true, "description": "Phase 2"}].',
			);
		}
	}
	if (!Array.isArray(value) || value.some((entry) => !entry || typeof entry !== 'object')) {
		throw inputError(
			context,
			itemIndex,
			'Lines (JSON)',
			'must be an array of line objects',
			'Each line is an object with serviceId, description, quantity and price, or {"title": true, "description": "…"} for a title line.',
		);
	}
	return (value as IDataObject[]).map(fromJson);
}

function isTrue(value: unknown): boolean {
	return value === true || value === 'true' || value === 1 || value === '1';
}

/**
 * Builds the four parallel line arrays. They always have equal length: PHP pairs them by
 * position, so a skipped value would shift every following line.
 */
export function buildLines(context: IExecuteFunctions, itemIndex: number): LineArrays {
	const json = context.getNodeParameter('linesInputMode', itemIndex, 'define') === 'json';
	const raw = readRawLines(context, itemIndex);
	if (raw.length === 0) {
		throw inputError(
			context,
			itemIndex,
			json ? 'Lines (JSON)' : 'Lines',
			json ? 'is an empty array' : 'are empty',
			json
				? 'Give at least one line with a serviceId and a quantity, e.g. [{"serviceId": "104997", "quantity": 1}].'
				: 'Add at least one line (Add Line) with a Service and a Quantity.',
		);
	}
	// The names the user sees: the fields of a line, or the keys of the JSON.
	const label = json
		? { service: 'serviceId', quantity: 'quantity', price: 'price' }
		: { service: 'Service Name or ID', quantity: 'Quantity', price: 'Unit Price' };
	const arrays: LineArrays = { line_service_id: [], line_description: [], line_quantity: [], line_price: [] };
	raw.forEach((line, index) => {
		const position = `Line ${index + 1}`;
		const given = text(line.serviceId);
		// The documentation's own rule: service 75 is a title, whether or not the line says so.
		const title = isTrue(line.title) || given === TITLE_LINE_SERVICE_ID;
		const serviceId = title ? TITLE_LINE_SERVICE_ID : given;
		const quantity = toDecimal(text(line.quantity));
		const price = text(line.price) === '' ? '' : toDecimal(text(line.price));
		if (!title) {
			if (!/^\d+$/.test(serviceId)) {
				throw inputError(
					context,
					itemIndex,
					`${position}: ${label.service}`,
					serviceId ? `is not a numeric service ID: "${serviceId.slice(0, 40)}"` : 'is required',
					json
						? 'Give the numeric ID of a Factomos service for each priced line, or "title": true for a title line.'
						: 'Pick a service for each priced line, or turn on Title Line.',
				);
			}
			if (quantity === undefined) {
				const typed = text(line.quantity);
				throw inputError(
					context,
					itemIndex,
					`${position}: ${label.quantity}`,
					typed ? `is not a number: "${typed.slice(0, 40)}"` : 'is required',
					`${label.quantity} must be a number, e.g. 2 or 1.5 (1,5 works too).`,
				);
			}
		}
		if (price === undefined) {
			throw inputError(
				context,
				itemIndex,
				`${position}: ${label.price}`,
				`is not a number: "${text(line.price).slice(0, 40)}"`,
				`${label.price} must be a number such as 800 or 12.50 (12,50 works too), or empty to send no price.`,
			);
		}
		arrays.line_service_id.push(serviceId);
		// The line text is free text: sent as typed, spaces and newlines included.
		arrays.line_description.push(typeof line.description === 'string' ? line.description : text(line.description));
		arrays.line_quantity.push(title ? '' : (quantity as string));
		arrays.line_price.push(title ? '' : price);
	});
	return arrays;
}

import { phpJsonEncode } from '../emulator';

/** The notification example of the API documentation (§8), trailing comma included. */
export const DOC_EXAMPLE = `{
	"company_id":"550",
	"notification_type":"create_estimate",
	"result":{
		"id":"5782",
		"error":{
			"code":0,
			"message":"OK"
		}
	},
	"custom":"id=3",
}`;

export const DOC_EXAMPLE_OBJECT = {
	company_id: '550',
	notification_type: 'create_estimate',
	result: { id: '5782', error: { code: 0, message: 'OK' } },
	custom: 'id=3',
};


export interface NotificationFields {
	company_id?: string | number;
	id?: string;
	invoice_id?: string;
	custom?: string;
	error?: { code: number; message: string };
}

/** A notification shaped like Factomos sends it (§8), as a JS object. */
export function notificationObject(type: string, fields: NotificationFields = {}): Record<string, unknown> {
	const result: Record<string, unknown> = { id: fields.id ?? '5782' };
	if (fields.invoice_id !== undefined) result.invoice_id = fields.invoice_id;
	result.error = fields.error ?? { code: 0, message: 'OK' };
	const body: Record<string, unknown> = { company_id: fields.company_id ?? '550', notification_type: type, result };
	if (fields.custom !== undefined) body.custom = fields.custom;
	return body;
}

/** The same notification as JSON text, as PHP's json_encode writes it. */
export function notification(type: string, fields: NotificationFields = {}): string {
	return phpJsonEncode(notificationObject(type, fields));
}

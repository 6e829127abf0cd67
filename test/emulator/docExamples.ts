/**
 * The answers the Factomos API documentation V1.31 gives as examples, as written there: same
 * spacing, same escapes, same slips (§23 has no comma between its two templates and a trailing
 * comma after the second). The emulator's `docExamples` mode answers every successful call of an
 * action that has an example with it, whatever its own data holds; createPayment, editPayment and
 * deleteAllPayments have no example (§24–§26) and keep the emulator's answer.
 */
export const DOC_BODIES = {
	/** §2 */
	createAccount: String.raw`{
    "company_id":"1",
    "password":"my_password_generated",
    "auth_token":"MY_TOKEN_GENERATED",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §2 */
	createAccountWithApp: String.raw`{
    "company_id":"1",
    "password":"my_password_generated",
    "auth_token":"MY_TOKEN_GENERATED",
    "api_key":"MY_API_KEY_GENERATED",
    "api_secret":"MY_API_SECRET_GENERATED",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §3 */
	deleteAccount: String.raw`{
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §4 */
	updateAccount: String.raw`{
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §5 */
	getConnectionToken: String.raw`{
    "auth_token":"MY_TOKEN_GENERATED",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §10 */
	listClient: String.raw`{
    "clients": [
        {
            "client_id":"86577",
            "exists":true,
            "company_id":"550",
            "client_company_name":"World Company",
            "client_business_category":"",
            "client_reference":"REF-WC",
            "description":"",
            "client_address":"1 infinite loop",
            "client_address_more":"",
            "client_zipcode":"75017",
            "client_city":"Paris",
            "client_country":"France",
            "number_tva":"",
            "number_siret":"",
            "client_website":"",
            "client_email":"ad@a.com",
            "client_contact_firstname":"John",
            "client_contact_lastname":"Doe",
            "client_phonenumber":"",
            "client_contact_title":"",
            "category":"client",
            "client_other":"",
            "client_lang":"",
            "client_keyword":"",
            "client_code_analytic":"41132XX1"
            ,"archived":"0",
            "accountancy_code_type":"standard"
        },
        {
            "client_id":"86577",
            "exists":true,
            "company_id":"550",
            "client_company_name":"Mini Company",
            "client_business_category":"",
            "client_reference":"REF-MD",
            "description":"",
            "client_address":"5 finite loop",
            "client_address_more":"",
            "client_zipcode":"75017",
            "client_city":"Paris",
            "client_country":"France",
            "number_tva":"",
            "number_siret":"",
            "client_website":"",
            "client_email":"ad@a.com",
            "client_contact_firstname":"Jane",
            "client_contact_lastname":"Doe",
            "client_phonenumber":"",
            "client_contact_title":"",
            "category":"client",
            "client_other":"",
            "client_lang":"",
            "client_keyword":"",
            "client_code_analytic":"41132XX1",
            "archived":"0",
            "accountancy_code_type":"standard"
        }
    ],
    "error": {
        "code":0,
        "message":"OK"
    }
}`,
	/** §11 */
	getClient: String.raw`{
    "client": {
        "client_id":"5782",
        "company_id":"1",
        "client_company_name":"name",
        "client_business_category":"",
        "client_reference":"reference",
        "description":"description",
        "client_address":"address",
        "client_address_more":"address more",
        "client_zipcode":"zipcode",
        "client_city":"city",
        "client_country":"country",
        "number_tva":"tva",
        "number_siret":"siret",
        "client_website":"website",
        "client_email":"email",
        "client_contact_firstname":"",
        "client_contact_lastname":"contact",
        "client_phonenumber":"phone",
        "client_contact_title":"",
        "category":"client",
        "client_other":"",
        "client_lang":"en",
        "client_keyword":"keyword",
        "client_code_analytic":"9NAMEFRO"
    },
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §12 */
	createClient: String.raw`{
    "client_id":"5782",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §13 */
	editClient: String.raw`{
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §14 */
	listService: String.raw`{
    "services": [
        {
            "service_id":"104997",
            "company_id":"550",
            "category":"services",
            "service_name":"Développement Web",
            "description":"",
            "unit":"jour",
            "price":"800",
            "supplier_price":"0",
            "is_with_vat":"0",
            "vat":"20",
            "service_code_analytic":"706180",
            "archived":"0",
            "stock":"0",
            "image":"",
            "reference":"",
            "accountancy_code_type":"standard"
        },
        {
            "service_id":"101117",
            "company_id":"550",
            "category":"services",
            "service_name":"Design",
            "description":"",
            "unit":"",
            "price":"800",
            "supplier_price":"0",
            "is_with_vat":"0",
            "vat":"20",
            "service_code_analytic":"706176",
            "archived":"0",
            "stock":"0",
            "image":"",
            "reference":"",
            "accountancy_code_type":"standard"
        }
    ],
    "error": {
        "code":0,
        "message":"OK"
    }
}`,
	/** §15 */
	getService: String.raw`{
    "service":{
        "service_id":"8",
        "company_id":"1",
        "category":"produits",
        "service_name":"Abonnement au service Pictomos",
        "description":"Abonnement au service Pictomos ",
        "unit":"mois",
        "price":"8.27758979797363",
        "vat":"19.6",
        "service_code_analytic":"706000001",
        "archived":"0"
    },
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §16 */
	createService: String.raw`{
    "service_id":"5782",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §17 */
	createInvoice: String.raw`{
    "invoice_id":"5782",
    "invoice_formated_number":"F1465",
    "invoice_document_key":"i5u5pHLyBI4pizucVdo6",
    "invoice_date":"2012-05-01",
    "client_id":"19",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §18 */
	getInvoice: String.raw`{
    "invoice":{
        "invoice_formated_number":"F09100013",
        "articleList":[
            {
                "service_id":"4017",
                "company_id":"550",
                "category":"services",
                "service_name":"Prise de son",
                "description":"- Mixette\r\n- Micro\r\n- Perche + bonette",
                "unit":"jour",
                "price":"950",
                "supplier_price":"0",
                "is_with_vat":"0",
                "vat":"5.5",
                "service_code_analytic":"706000003",
                "archived":"0",
                "invoice_id":"6829",
                "quantity":"10",
                "remise":"0",
                "invoice_price":"950",
                "comment":"- Mixette\r\n- Micro\r\n- Perche + bonette",
                "unitDiscount":"euro",
                "invoice_order":"0",
                "percent":"0",
                "total_ht":"9500"
            },
            {
                "service_id":"4017",
                "company_id":"550",
                "category":"services",
                "service_name":"Prise de son",
                "description":"- Mixette\r\n- Micro\r\n- Perche + bonette",
                "unit":"jour",
                "price":"950",
                "supplier_price":"0",
                "is_with_vat":"0",
                "vat":"5.5",
                "service_code_analytic":"706000003",
                "archived":"0",
                "invoice_id":"6829",
                "quantity":"12",
                "remise":"0",
                "invoice_price":"950",
                "comment":"- Mixette\r\n- Micro\r\n- Perche + bonette",
                "unitDiscount":"euro",
                "invoice_order":"1",
                "percent":"0",
                "total_ht":"11400"
            },
            {
                "service_id":"4024",
                "company_id":"550",
                "category":"services",
                "service_name":"Techniciens",
                "description":"- Production\r\n- R\u00e9alisation\r\n- Image\r\n- Son\r\n- Montage\r\n- R\u00e9gie\r\n- D\u00e9coration costume, maquillage",
                "unit":"semaine",
                "price":"1300",
                "supplier_price":"0",
                "is_with_vat":"0",
                "vat":"5.5",
                "service_code_analytic":"706000010",
                "archived":"0",
                "invoice_id":"6829",
                "quantity":"4",
                "remise":"0",
                "invoice_price":"1300",
                "comment":"- Production\r\n- R\u00e9alisation\r\n- Image\r\n- Son\r\n- Montage\r\n- R\u00e9gie\r\n- D\u00e9coration costume, maquillage",
                "unitDiscount":"euro",
                "invoice_order":"2",
                "percent":"0",
                "total_ht":"5200"
            }
        ],
        "client_id":"546",
        "invoice_status":"paid",
        "document_key":"ib2cVKO9u4svZxfLS790",
        "document_title":"Facture",
        "estimate_id":"0",
        "exists":true,
        "payment_term_fr":"00\/00\/00",
        "id":"6829",
        "client_company_name":"Extracrea",
        "unix_timestamp":"1284242400",
        "invoice_type":"invoice",
        "invoice_formated_year":"2010",
        "invoice_paid_mention":"0",
        "figures_total_withoutvat":"26100",
        "figures_total_vat":"5115.6",
        "figures_total_withvat":"31215.6",
        "figures_paid":"31215.6",
        "figures_due":"0",
        "invoice_format":"F%m%y%04d"
    },
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §19 */
	listInvoice: String.raw`{
    "pagination":{
        "first_row":"50",
        "last_row":53,
        "total_invoices":54
    },
        "invoices":[
        {
            "invoice_formated_number":"F06150193",
            "client_id":"76577",
            "articleList":[
            ],
            "invoice_status":"later",
            "document_key":false,
            "document_title":"Facture",
            "estimate_id":"0",
            "exists":true,
            "payment_amount_total":"0",
            "id":"154735",
            "invoice_type":"invoice",
            "invoice_formated_year":"2015",
            "client_company_name":"Bob",
            "invoice_paid_mention":"pay_before",
            "is_exported":"1",
            "is_recurring":"0",
            "figures_total_withoutvat":"-150",
            "figures_total_vat":"-30",
            "figures_total_withvat":"-180",
            "figures_paid":"0",
            "figures_due":"-180",
            "downpayment_percent":"0",
            "downpayment_amount":"0",
            "downpayment_paid_mention":"paid",
            "downpayment_term":null,
            "invoice_tags":"",
            "unix_timestamp":"1434664800",
            "payment_term_fr":"19\/07\/15"
        },
        {
            "invoice_formated_number":"F06150191",
            "client_id":"53037",
            "articleList":[
            ],
            "invoice_status":"later",
            "document_key":false,
            "document_title":"Facture",
            "estimate_id":"0",
            "exists":true,
            "payment_amount_total":"0",
            "id":"154718",
            "invoice_type":"invoice",
            "invoice_formated_year":"2015",
            "client_company_name":"Atelier du Sourcil",
            "invoice_paid_mention":"pay_before",
            "is_exported":"1",
            "is_recurring":"0",
            "figures_total_withoutvat":"18.43",
            "figures_total_vat":"3.69",
            "figures_total_withvat":"22.12",
            "figures_paid":"0",
            "figures_due":"22.12",
            "downpayment_percent":"0",
            "downpayment_amount":"0",
            "downpayment_paid_mention":"paid",
            "downpayment_term":null,
            "invoice_tags":"",
            "unix_timestamp":"1434664800",
            "payment_term_fr":"19\/07\/15"
        },
        {
            "invoice_formated_number":"F06150189",
            "client_id":"4458",
            "articleList":[
            ],
            "invoice_status":"later",
            "document_key":false,
            "document_title":"Facture",
            "estimate_id":"0",
            "exists":true,
            "payment_amount_total":"0",
            "id":"154714",
            "invoice_type":"invoice",
            "invoice_formated_year":"2015",
            "client_company_name":"Pampy",
            "invoice_paid_mention":"pay_before",
            "is_exported":"1",
            "is_recurring":"0",
            "figures_total_withoutvat":"400",
            "figures_total_vat":"80",
            "figures_total_withvat":"480",
            "figures_paid":"0",
            "figures_due":"480",
            "downpayment_percent":"0",
            "downpayment_amount":"0",
            "downpayment_paid_mention":"paid",
            "downpayment_term":null,
            "invoice_tags":"",
            "unix_timestamp":"1434664800",
            "payment_term_fr":"19\/07\/15"
        },
        {
            "invoice_formated_number":"F06150187",
            "client_id":"6230",
            "articleList":[
            ],
            "invoice_status":"later",
            "document_key":false,
            "document_title":"FACTURE D'ACOMPTE",
            "estimate_id":"41091",
            "exists":true,
            "payment_amount_total":"0",
            "id":"154251",
            "invoice_type":"down-payment",
            "invoice_formated_year":"2015",
            "client_company_name":"FMI",
            "invoice_paid_mention":"pay_before",
            "is_exported":"1",
            "is_recurring":"0",
            "figures_total_withoutvat":"416.67",
            "figures_total_vat":"83.33",
            "figures_total_withvat":"500",
            "figures_paid":"0",
            "figures_due":"500",
            "downpayment_percent":"0",
            "downpayment_amount":"0",
            "downpayment_paid_mention":"paid",
            "downpayment_term":null,
            "invoice_tags":"",
            "unix_timestamp":"1434492000",
            "payment_term_fr":"17\/07\/15"
        }
    ],
    "error":{
    "code":0,
    "message":"OK"
    }
}`,
	/** §20 */
	editInvoice: String.raw`{
    "invoice_id":"5782",
    "invoice_formated_number":"5782",
    "invoice_document_key":"5782",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §21 */
	sendInvoice: String.raw`{
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §22 */
	getInvoiceMailHistory: String.raw`{
    "invoice-emails":[
        {"id":"77","invoice_id":"555","template_type":"reminder3","email_to":"mail@example.com","email_subject":"my subject","email_content":"my content","email_date":"2015-11-02 12:49:31","email_attachment":"","email_viewed":"0"},
        {"id":"88","invoice_id":"555","template_type":"reminder3","email_to":"mail@example.com","email_subject":"my subject2","email_content":"my content 2","email_date":"2015-11-02 12:49:31","email_attachment":"","email_viewed":"0"}
    ],
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §23 */
	listEmailTemplates: String.raw`{
    "email-templates":[
        {"id":"333","company_id":"550","signature_id":"444","template_name":"Envoi devis","template_type":"estimate","template_subject":"xcvxvvxc","template_message":"sdfsfsdf","template_attachment_doc":"0"}
        {"id":"335","company_id":"550","signature_id":"445","template_name":"Envoi facture","template_type":"invoice","template_subject":"xcvxvvxc","template_message":"sdfsfsdf","template_attachment_doc":"0"},
    ],
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §27 */
	createExpense: String.raw`{
    "expense_id":"5782",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §28 */
	editExpense: String.raw`{
    "expense_id":"5782",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §29 */
	getExpense: String.raw`{
    "expense":{
        "exists":true,
        "expense_id":"25245",
        "date":"2014-02-25",
        "supplier_id":"15728",
        "invoice_number":"IN-81450-2",
        "vat":"0",
        "amount":"3.66",
        "payment_type":"check",
        "payment_reference":"ref",
        "comment":"CARTES DE VISITE 2"
    },
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §30 */
	getEstimate: String.raw`{
    "estimate":{
        "estimate_formated_number":"D14050050",
        "articleList":[
            {
            "service_id":"4023",
            "company_id":"550",
            "category":"services",
            "service_name":"D\u00e9cors, d\u00e9guisements",
            "description":"- Meubles\r\n- Maquillage\r\n- Costumes",
            "unit":"forfait",
            "price":"650",
            "supplier_price":"0",
            "is_with_vat":"0",
            "vat":"5.5",
            "service_code_analytic":"706000009",
            "archived":"0",
            "stock":"0",
            "image":"",
            "reference":"",
            "estimate_id":"19709",
            "quantity":"1",
            "remise":"0",
            "estimate_price":"650",
            "comment":"- Meubles\r\n- Maquillage\r\n- Costumes",
            "estimate_order":"0",
            "id":"19709",
            "template_id":"1247",
            "estimate_number":"50",
            "estimate_formated_number":"D14050050",
            "client_id":"8827",
            "client_company_name":"C.E.R.T.O.S",
            "estimate_status":"pending",
            "estimate_vat":"0",
            "document_title":"Devis",
            "several_vat":"1",
            "company_vat":"20",
            "tva_enable":"1",
            "estimate_date":"2014-05-13",
            "estimate_action_date":null,
            "estimate_attention":"David Ravalet",
            "objet":"",
            "estimate_comment":"",
            "estimate_sentmail":"1",
            "with_precompte":"0",
            "figures_total_withoutvat":"650",
            "figures_total_vat":"35.75",
            "figures_total_withvat":"685.75",
            "document_lang":"fr",
            "date_update":"0000-00-00 00:00:00",
            "percent":"0",
            "total_ht":"650"
            }
        ],
        "estimate_status":"pending",
        "document_title":"Devis",
        "document_key":"e2e8CSzakvh4DecbG9k5",
        "exists":true,
        "id":"19709",
        "estimate_number":"50",
        "unix_timestamp":"1399932000",
        "figures_total_withoutvat":"650",
        "figures_total_vat":"35.75",
        "figures_total_withvat":"685.75",
        "estimate_format":"D%y%m%04d"
    },
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §31 */
	createEstimate: String.raw`{
    "estimate_id":"5782",
    "estimate_formated_number":"F1465",
    "estimate_document_key":"e5u5pHLyBI4pizucVdo6",
    "estimate_date":"2012-05-01",
    "client_id":"19",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §32 */
	transformEstimate: String.raw`{
    "invoice_id":"5782",
    "invoice_formated_number":"F1465",
    "invoice_document_key":"i5u5pHLyBI4pizucVdo6",
    "invoice_date":"2012-05-01",
    "client_id":"19",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
	/** §33 */
	createCreditNote: String.raw`{
    "invoice_id":"5782",
    "invoice_formated_number":"F1465",
    "invoice_document_key":"i5u5pHLyBI4pizucVdo6",
    "invoice_date":"2012-05-01",
    "client_id":"19",
    "error":{
        "code":0,
        "message":"OK"
    }
}`,
} as const satisfies Record<string, string>;

/** The documentation's example answer for a call, or undefined when it has none. */
export function docExampleBody(action: string, params: Record<string, unknown>): string | undefined {
	if (action === 'createAccount' && typeof params.app_name === 'string' && params.app_name !== '') {
		return DOC_BODIES.createAccountWithApp;
	}
	return Object.prototype.hasOwnProperty.call(DOC_BODIES, action) ? DOC_BODIES[action as keyof typeof DOC_BODIES] : undefined;
}

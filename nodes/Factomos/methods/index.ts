import { factomosApiTest } from './credentialTest';
import { getServices } from './loadOptions';
import { searchClients, searchInvoiceEmailTemplates, searchServices, searchSuppliers } from './listSearch';

export const credentialTest = { factomosApiTest };
export const listSearch = { searchClients, searchSuppliers, searchServices, searchInvoiceEmailTemplates };
export const loadOptions = { getServices };

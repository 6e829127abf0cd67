import { factomosApiTest } from './credentialTest';
import { getServices } from './loadOptions';
import { searchClients, searchEmailTemplates, searchServices, searchSuppliers } from './listSearch';

export const credentialTest = { factomosApiTest };
export const listSearch = { searchClients, searchSuppliers, searchServices, searchEmailTemplates };
export const loadOptions = { getServices };

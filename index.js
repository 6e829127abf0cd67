'use strict';
// Package entry point: the Factomos codec, for tools and tests that talk to Factomos directly.
const codec = require('./dist/nodes/Factomos/transport/codec');

module.exports = {
	encrypt: codec.encrypt,
	decrypt: codec.decrypt,
	encodeForm: codec.encodeForm,
};

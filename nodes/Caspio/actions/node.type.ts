/** Every resource of the Caspio node and its operations; the router's map must cover each one. */
export type CaspioOperations = {
	record: 'create' | 'delete' | 'get' | 'getMany' | 'update' | 'upsert';
	table: 'getFields' | 'getMany';
	view: 'getMany';
};

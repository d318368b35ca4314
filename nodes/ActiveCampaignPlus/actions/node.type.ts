/** Every resource of the ActiveCampaign Plus node and its operations; the router's map must cover each one. */
export type ActiveCampaignPlusOperations = {
	contact: 'upsert' | 'get' | 'getMany' | 'update' | 'delete' | 'bulkImport';
	tag: 'add' | 'remove' | 'get' | 'getForContact' | 'findOrCreate' | 'getMany' | 'update' | 'delete';
	list: 'subscribe' | 'unsubscribe' | 'create' | 'getMany';
	customField: 'getMany' | 'create' | 'setValues';
	event: 'track';
	automation: 'addContact' | 'removeContact' | 'getMany';
	note: 'create' | 'getMany';
	connection: 'create' | 'get' | 'getMany' | 'update' | 'delete';
	ecommerceCustomer: 'create' | 'get' | 'getMany' | 'update' | 'delete';
	ecommerceOrder: 'create' | 'get' | 'getMany' | 'update' | 'delete';
	ecommerceOrderProduct: 'getMany' | 'get';
	deal: 'create' | 'update' | 'get' | 'getMany' | 'delete' | 'createNote' | 'updateNote';
	account: 'create' | 'findOrCreate' | 'get' | 'getMany' | 'update' | 'delete';
	accountContact: 'create' | 'getMany' | 'update' | 'delete';
};

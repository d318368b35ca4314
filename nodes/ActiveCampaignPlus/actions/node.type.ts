/** Every resource of the ActiveCampaign Plus node and its operations; the router's map must cover each one. */
export type ActiveCampaignPlusOperations = {
	contact: 'upsert' | 'get' | 'getMany' | 'delete' | 'bulkImport';
	tag: 'add' | 'remove' | 'getForContact' | 'findOrCreate' | 'getMany';
	list: 'subscribe' | 'unsubscribe' | 'create' | 'getMany';
	customField: 'getMany' | 'create' | 'setValues';
	event: 'track';
	automation: 'addContact' | 'removeContact' | 'getMany';
	note: 'create' | 'getMany';
	deal: 'create' | 'update' | 'get';
};

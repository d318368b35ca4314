/** Every resource of the ActiveCampaign Plus node and its operations; the router's map must cover each one. */
export type ActiveCampaignPlusOperations = {
	tag: 'getMany';
};

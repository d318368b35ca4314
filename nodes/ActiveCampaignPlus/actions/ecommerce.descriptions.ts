import type { INodeProperties } from 'n8n-workflow';

/** Parameters the connection and e-commerce resources share; each operation scopes them with updateDisplayOptions. */

/** A Deep Data connection by name or id: a dropdown of the account's connections, or a name from an expression. */
export function connectionField(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Connection Name or ID',
		name: 'connection',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getConnections' },
		required: true,
		default: '',
		description:
			'The Deep Data connection (your store); an expression may also give its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...extra,
	};
}

/** A numeric record id, e.g. `orderId`. */
export function recordIdField(name: string, displayName: string, what: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', description: `The numeric ActiveCampaign ID of the ${what}` };
}

/** An amount typed as the shop shows it, sent in cents. */
export function moneyField(name: string, displayName: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', placeholder: '49.99', description: `${description}, e.g. 49.99; sent to ActiveCampaign in cents`, ...extra };
}

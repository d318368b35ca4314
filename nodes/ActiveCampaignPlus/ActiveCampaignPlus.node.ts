import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as account from './actions/account';
import * as accountContact from './actions/accountContact';
import * as automation from './actions/automation';
import * as connection from './actions/connection';
import * as contact from './actions/contact';
import * as customField from './actions/customField';
import * as deal from './actions/deal';
import * as ecommerceCustomer from './actions/ecommerceCustomer';
import * as ecommerceOrder from './actions/ecommerceOrder';
import * as ecommerceOrderProduct from './actions/ecommerceOrderProduct';
import * as event from './actions/event';
import * as list from './actions/list';
import * as note from './actions/note';
import { router } from './actions/router';
import * as tag from './actions/tag';
import { accountLoadOptions, dealLoadOptions, ecommerceLoadOptions, loadOptions } from './methods';

export class ActiveCampaignPlus implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ActiveCampaign Plus',
		name: 'activeCampaignPlus',
		icon: { light: 'file:activeCampaignPlus.svg', dark: 'file:activeCampaignPlus.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Contacts, tags, lists, custom fields, events and automations in ActiveCampaign, by name',
		defaults: { name: 'ActiveCampaign Plus' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'activeCampaignPlusApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account', description: 'Accounts (companies) with their custom fields' },
					{ name: 'Account Contact', value: 'accountContact', description: 'Contacts on accounts, with their job titles' },
					{ name: 'Automation', value: 'automation', description: 'Start or stop automations for a contact' },
					{ name: 'Connection', value: 'connection', description: 'Deep Data connections to a store or service' },
					{ name: 'Contact', value: 'contact', description: 'Contacts with their tags, lists and field values' },
					{ name: 'Custom Field', value: 'customField', description: 'Custom contact fields and their values' },
					{ name: 'Deal', value: 'deal', description: 'Deals of a contact in a pipeline and stage' },
					{ name: 'E-Commerce Customer', value: 'ecommerceCustomer', description: 'Customers of a store connection' },
					{ name: 'E-Commerce Order', value: 'ecommerceOrder', description: 'Orders and abandoned carts with their products' },
					{ name: 'E-Commerce Order Product', value: 'ecommerceOrderProduct', description: 'The products of orders (read-only)' },
					{ name: 'Event', value: 'event', description: 'Tracked events of a contact' },
					{ name: 'List', value: 'list', description: 'Lists and subscriptions' },
					{ name: 'Note', value: 'note', description: 'Notes on a contact' },
					{ name: 'Tag', value: 'tag', description: 'Tags and the contacts that carry them' },
				],
				default: 'contact',
			},
			...contact.description,
			...tag.description,
			...list.description,
			...customField.description,
			...event.description,
			...automation.description,
			...note.description,
			...deal.description,
			...account.description,
			...accountContact.description,
			...connection.description,
			...ecommerceCustomer.description,
			...ecommerceOrder.description,
			...ecommerceOrderProduct.description,
		],
	};

	methods = { loadOptions: { ...loadOptions, ...dealLoadOptions, ...accountLoadOptions, ...ecommerceLoadOptions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

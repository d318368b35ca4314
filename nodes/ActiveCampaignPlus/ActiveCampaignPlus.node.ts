import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import * as tag from './actions/tag';

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
				options: [{ name: 'Tag', value: 'tag' }],
				default: 'tag',
			},
			...tag.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

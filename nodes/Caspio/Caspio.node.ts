import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as attachment from './actions/attachment';
import * as directoryUser from './actions/directoryUser';
import * as file from './actions/file';
import * as record from './actions/record';
import { router } from './actions/router';
import * as table from './actions/table';
import * as task from './actions/task';
import * as view from './actions/view';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import * as resourceMapping from './methods/resourceMapping';
import { searchTasks } from './methods/tasks';

export class Caspio implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Caspio',
		name: 'caspio',
		icon: { light: 'file:caspio.svg', dark: 'file:caspio.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and write Caspio tables, views, attachments and files; run data import/export tasks',
		defaults: { name: 'Caspio' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'caspioApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Attachment', value: 'attachment', description: 'Files stored in attachment fields of records' },
					{ name: 'Data Import/Export Task', value: 'task', description: 'Scheduled imports and exports: list them, run one now' },
					{ name: 'Directory User', value: 'directoryUser', description: 'Users of Caspio authentication directories' },
					{ name: 'File', value: 'file', description: 'Files and folders of the account\'s Files area' },
					{ name: 'Record', value: 'record', description: 'Rows of a table' },
					{ name: 'Table', value: 'table', description: 'Tables and their fields' },
					{ name: 'View', value: 'view', description: 'Rows of a view' },
				],
				default: 'record',
			},
			...attachment.description,
			...directoryUser.description,
			...file.description,
			...record.description,
			...table.description,
			...task.description,
			...view.description,
		],
	};

	methods = {
		listSearch: { searchTables: listSearch.searchTables, searchTasks, searchViews: listSearch.searchViews },
		loadOptions: {
			getAttachmentFields: loadOptions.getAttachmentFields,
			getDateFields: loadOptions.getDateFields,
			getDirectories: loadOptions.getDirectories,
			getDirectoryFilterFields: loadOptions.getDirectoryFilterFields,
			getDirectoryReadableFields: loadOptions.getDirectoryReadableFields,
			getDirectoryWritableFields: loadOptions.getDirectoryWritableFields,
			getFilterFields: loadOptions.getFilterFields,
			getReadableFields: loadOptions.getReadableFields,
			getSortFields: loadOptions.getSortFields,
		},
		resourceMapping: { getMappingColumns: resourceMapping.getMappingColumns },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

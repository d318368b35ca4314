import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
} from 'n8n-workflow';

import type { RequestContext } from '../../../shared/http';
import { fetchFields, isWritable, recordBody, tableFields, type CaspioField } from '../../helpers/fields';
import { caspioRequest, type CaspioResult } from '../../transport';
import { filterProperties } from '../common.descriptions';

/** A directory as `GET /directories` lists it (§2.1). */
export interface DirectoryInfo {
	Id: string;
	Name: string;
	NumberOfUsers?: number;
}

export const directoryProperty: INodeProperties = {
	displayName: 'Directory Name or ID',
	name: 'directoryId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getDirectories' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export async function fetchDirectories(this: RequestContext): Promise<DirectoryInfo[]> {
	const response = (await caspioRequest.call(this, { method: 'GET', path: '/directories', what: 'listing directories' })) as unknown as CaspioResult<DirectoryInfo>;
	return response.Result ?? [];
}

/** One `/directories` request per execution, however many items ask which directory an ID names. */
const perExecution = new WeakMap<object, Promise<DirectoryInfo[]>>();

function cachedDirectories(this: IExecuteFunctions): Promise<DirectoryInfo[]> {
	let directories = perExecution.get(this);
	if (!directories) {
		directories = fetchDirectories.call(this);
		perExecution.set(this, directories);
		// A failed read is not cached, so the next item asks again.
		directories.catch(() => perExecution.delete(this));
	}
	return directories;
}

export interface DirectoryTarget {
	id: string;
	name: string;
	/** `/directories/{id}/users`. */
	path: string;
}

/** The directory of this item, checked against the account's directories so a wrong ID gets a clear error. */
export async function directoryOf(this: IExecuteFunctions, itemIndex: number): Promise<DirectoryTarget> {
	const id = String(this.getNodeParameter('directoryId', itemIndex, '') ?? '').trim();
	if (id === '') {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: no directory chosen`, {
			itemIndex,
			description: 'Pick a directory from the list, or enter its ID with an expression.',
		});
	}
	const directories = await cachedDirectories.call(this);
	const directory = directories.find((d) => String(d.Id).toLowerCase() === id.toLowerCase());
	if (!directory) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: no directory with ID "${id}"`, {
			itemIndex,
			description: directories.length
				? `Pick one of the account's directories: ${directories.map((d) => `${d.Name} (${d.Id})`).join(', ')}.`
				: 'The account has no directories.',
		});
	}
	return { id: String(directory.Id), name: directory.Name, path: `/directories/${encodeURIComponent(String(directory.Id))}/users` };
}

/** The directory and its fields, which Caspio serves as those of the table named after the directory (§2.1). */
export async function directoryWithFields(this: IExecuteFunctions, itemIndex: number): Promise<DirectoryTarget & { fields: CaspioField[] }> {
	const directory = await directoryOf.call(this, itemIndex);
	return { ...directory, fields: await tableFields.call(this, 'tables', directory.name) };
}

export async function getDirectories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const directories = await fetchDirectories.call(this);
	return directories
		.map((d) => ({ name: d.Name, value: String(d.Id), description: d.NumberOfUsers === undefined ? undefined : `${d.NumberOfUsers} users` }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

async function currentDirectoryFields(this: ILoadOptionsFunctions): Promise<CaspioField[]> {
	const id = String(this.getCurrentNodeParameter('directoryId') ?? '');
	if (!id) return [];
	const directory = (await fetchDirectories.call(this)).find((d) => String(d.Id).toLowerCase() === id.toLowerCase());
	return directory ? await fetchFields.call(this, 'tables', directory.Name) : [];
}

/** Fields that can select users: not passwords, files or lists, which a where clause cannot compare (§6). */
export async function getDirectoryFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await currentDirectoryFields.call(this);
	return fields
		.filter((f) => !['PASSWORD', 'ATTACHMENT'].includes(f.Type.toUpperCase()) && !f.Type.toUpperCase().startsWith('LIST-'))
		.map((f) => ({ name: f.Name, value: f.Name, description: f.Type }));
}

/** Fields a user create (passwords included) or update may set. */
export async function getDirectoryWritableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const operation = this.getCurrentNodeParameter('operation') === 'createUser' ? 'create' : 'update';
	const fields = await currentDirectoryFields.call(this);
	return fields.filter((f) => isWritable(f, operation)).map((f) => ({ name: f.Name, value: f.Name, description: f.Type }));
}

/** The record filters, with the field list loaded from the chosen directory. */
export function userFilterProperties(description: string): INodeProperties[] {
	const [filters, combinator] = filterProperties('getDirectoryFilterFields', description);
	const [conditions] = filters.options as INodePropertyCollection[];
	const values = conditions.values.map((value) =>
		value.name === 'field' ? { ...value, typeOptions: { ...value.typeOptions, loadOptionsDependsOn: ['directoryId'] } } : value,
	);
	return [{ ...filters, options: [{ ...conditions, values }] }, combinator];
}

/** The user's field values, given as pairs (field from a list) or as one JSON object. */
export const userFieldsProperties: INodeProperties[] = [
	{
		displayName: 'Define Fields',
		name: 'fieldsInput',
		description: 'Whether to enter the user fields one by one or as one JSON object',
		type: 'options',
		options: [
			{ name: 'Field by Field', value: 'keyValue' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'keyValue',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsInput: ['keyValue'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getDirectoryWritableFields', loadOptionsDependsOn: ['directoryId', 'operation'] },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Value to store in the field' },
				],
			},
		],
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fieldsJson',
		type: 'json',
		default: '{\n  "Email": ""\n}',
		description: 'One object: field name → value',
		displayOptions: { show: { fieldsInput: ['json'] } },
	},
];

function givenValues(this: IExecuteFunctions, itemIndex: number): IDataObject {
	if (this.getNodeParameter('fieldsInput', itemIndex, 'keyValue') === 'json') {
		const raw = this.getNodeParameter('fieldsJson', itemIndex, '{}') as unknown;
		let parsed: unknown = raw;
		if (typeof raw === 'string') {
			try {
				parsed = JSON.parse(raw);
			} catch {
				parsed = undefined;
			}
		}
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Fields (JSON) is not a JSON object`, {
				itemIndex,
				description: 'Write one object of field names and values, e.g. {"Email": "ada@example.com", "First_Name": "Ada"}.',
			});
		}
		return parsed as IDataObject;
	}
	const pairs = (this.getNodeParameter('fields.field', itemIndex, []) ?? []) as Array<{ name?: string; value?: IDataObject[string] }>;
	return Object.fromEntries(pairs.map((p) => [String(p.name ?? '').trim(), p.value]));
}

/** The body of a user write, each value converted for its field; an unknown or read-only field is an error naming it. */
export function userBody(this: IExecuteFunctions, itemIndex: number, fields: CaspioField[], operation: 'create' | 'update'): IDataObject {
	const values = givenValues.call(this, itemIndex);
	let body: IDataObject;
	try {
		body = recordBody(this.getNode(), itemIndex, fields, values, operation, false);
	} catch (error) {
		// recordBody names the field; the message also names the item, as every other input error here does.
		const cause = error as NodeOperationError;
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: ${cause.message}`, { itemIndex, description: cause.description ?? undefined });
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: no field values to write`, {
			itemIndex,
			description: 'Add at least one field under Fields, or write them as a JSON object.',
		});
	}
	return body;
}

import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import {
	isAttachmentField,
	isDateField,
	isListField,
	isNumberValuedField,
	isPasswordField,
	isReadOnlyField,
	isYesNoField,
	type CaspioField,
} from '../helpers/fieldTypes';
import { fetchFields } from '../transport/fields';

function mapperType(field: CaspioField): FieldType {
	if (isNumberValuedField(field)) return 'number';
	if (isYesNoField(field)) return 'boolean';
	if (isDateField(field)) return 'dateTime';
	if (isListField(field)) return 'options';
	return 'string';
}

/**
 * The table's fields for the "Fields" mapper, built from `/fields`: types mapped, generated and formula fields
 * shown read-only and left out, attachments left out, passwords offered only when creating, required flagged.
 */
export async function getMappingColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const table = this.getCurrentNodeParameter('table', { extractValue: true }) as string;
	const operation = this.getCurrentNodeParameter('operation') as string;
	if (!table) return { fields: [], emptyFieldsNotice: 'Choose a table first' };
	const fields = await fetchFields.call(this, 'tables', table);
	const columns: ResourceMapperField[] = [];
	for (const field of fields) {
		const password = isPasswordField(field);
		if (isAttachmentField(field) || (password && operation !== 'create')) continue;
		const readOnly = isReadOnlyField(field);
		columns.push({
			id: field.Name,
			displayName: `${field.Name}${readOnly ? ' (read-only)' : ''}${password ? ' (password, write-only)' : ''}`,
			required: operation === 'create' && field.Required === true && !readOnly,
			// Upsert creates the record when no match is found, so its keys must be fields a write can set.
			canBeUsedToMatch: !readOnly && !password && !isListField(field),
			defaultMatch: operation === 'upsert' && field.Unique === true && !readOnly,
			display: true,
			type: mapperType(field),
			readOnly,
			removed: readOnly,
			...(isListField(field)
				? { options: Object.entries(field.ListField ?? {}).map(([id, label]) => ({ name: String(label), value: id })) }
				: {}),
		});
	}
	return { fields: columns };
}

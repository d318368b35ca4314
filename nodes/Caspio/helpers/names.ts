import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

/** Caspio object names: a letter, then letters, digits or underscores. */
const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Field names a filter takes when the table's field list is unknown: plain identifiers, a leading underscore allowed. */
const PLAIN_FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const isObjectName = (name: string) => OBJECT_NAME.test(name);

export const isPlainFieldName = (name: string) => PLAIN_FIELD_NAME.test(name);

/** The table (or view) chosen in the locator, or an error that says to choose one. */
export function chosenName(this: IExecuteFunctions, itemIndex: number, parameter = 'table'): string {
	const name = String(this.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (name === '') {
		throw inputError(this.getNode(), itemIndex, `no ${parameter} chosen`, `Pick a ${parameter} from the list or enter its name.`);
	}
	if (!isObjectName(name)) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`"${name}" is not a Caspio ${parameter} name`,
			`A ${parameter} name has letters, digits and underscores and starts with a letter. Pick the ${parameter} from the list.`,
		);
	}
	return name;
}

/**
 * Caspio's field types (the `Type` of a field definition) and what each allows: which a record write may set, which a
 * filter can compare and how, which a read returns. Every check of a type name in this package is here.
 * Types and their rules: Caspio's own node, https://github.com/CaspioInnovations/n8n-node-caspioofficial, and
 * https://howto.caspio.com/integrate-your-apps/web-services-api/special-considerations
 */

/** A field definition as `GET …/tables/{t}/fields` answers it; PK_ID is never listed. */
export interface CaspioField {
	Name: string;
	Type: string;
	Label?: string;
	Required?: boolean;
	IsFormula?: boolean;
	Editable?: boolean;
	Unique?: boolean;
	ListField?: Record<string, string | number>;
}

/** What the type checks read of a field: its type, and whether it is a formula. */
type Typed = Pick<CaspioField, 'Type'> & { IsFormula?: boolean };

/** Types Caspio fills in itself; a record write that names them is refused. */
export const GENERATED_TYPES = new Set(['AUTONUMBER', 'PREFIXED AUTONUMBER', 'GUID', 'RANDOM ID', 'TIMESTAMP']);
/** Types a write takes as a JSON number. */
export const NUMBER_TYPES = new Set(['NUMBER', 'INTEGER', 'CURRENCY']);
/** Types whose values read back as numbers: the number types and the plain counter. */
export const NUMBER_VALUED_TYPES = new Set([...NUMBER_TYPES, 'AUTONUMBER']);
/** Types a filter compares as numbers. */
export const NUMERIC_FILTER_TYPES = new Set([...NUMBER_VALUED_TYPES, 'PREFIXED AUTONUMBER']);
/** Types holding a date and time. */
export const DATE_TYPES = new Set(['DATE/TIME', 'TIMESTAMP']);
/** Types holding text, where "empty" may also be stored as ''. */
export const TEXT_TYPES = new Set(['STRING', 'TEXT']);
/** Types with no value a record read returns or a where clause can compare. */
export const UNFILTERABLE_TYPES = new Set(['PASSWORD', 'ATTACHMENT']);

const typeOf = (field: Typed) => field.Type.toUpperCase();

export const isListField = (field: Typed) => typeOf(field).startsWith('LIST-');
export const isPasswordField = (field: Typed) => typeOf(field) === 'PASSWORD';
export const isAttachmentField = (field: Typed) => typeOf(field) === 'ATTACHMENT';
export const isYesNoField = (field: Typed) => typeOf(field) === 'YES/NO';
export const isWholeNumberField = (field: Typed) => typeOf(field) === 'INTEGER';
export const isNumberField = (field: Typed) => NUMBER_TYPES.has(typeOf(field));
export const isNumberValuedField = (field: Typed) => NUMBER_VALUED_TYPES.has(typeOf(field));
export const isNumericFilterField = (field: Typed) => NUMERIC_FILTER_TYPES.has(typeOf(field));
export const isDateField = (field: Typed) => DATE_TYPES.has(typeOf(field));
export const isTextField = (field: Typed) => TEXT_TYPES.has(typeOf(field));
export const isReadOnlyField = (field: Typed) => field.IsFormula === true || GENERATED_TYPES.has(typeOf(field));

/** Whether a record write may set this field: attachments go through their own endpoints, passwords only on insert. */
export function isWritable(field: Typed, operation: 'create' | 'update'): boolean {
	if (isReadOnlyField(field) || isAttachmentField(field)) return false;
	return !isPasswordField(field) || operation === 'create';
}

/** Whether a where clause may compare this field: not passwords, files or lists. */
export const isFilterable = (field: Typed) => !UNFILTERABLE_TYPES.has(typeOf(field)) && !isListField(field);

/** Whether a read returns this field (and so a select may name it): everything but passwords. */
export const isReadable = (field: Typed) => !isPasswordField(field);

/** Whether a read can be ordered by this field: readable, and not a list. */
export const isSortable = (field: Typed) => isReadable(field) && !isListField(field);

/** A field known only by its name, typed as an update timestamp so that a filter compares it as a date. */
export const timestampField = (name: string): CaspioField => ({ Name: name, Type: 'TIMESTAMP' });

import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { directoryOf } from '../../lookups';
import { caspioRequest } from '../../transport';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const properties: INodeProperties[] = [
	{
		displayName: 'User GUID',
		name: 'userGuid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
		description: 'The UserGUID of the user to activate',
	},
	{
		displayName: 'Send Email',
		name: 'sendEmail',
		type: 'boolean',
		default: true,
		description: "Whether Caspio should send the user its built-in activation email; the activation URL is returned either way",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['directoryUser'], operation: ['activateUser'] } }, properties);

/** Activates one user per item and returns the activation URL Caspio issued. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userGuid = String(this.getNodeParameter('userGuid', itemIndex, '') ?? '').trim();
	if (!GUID.test(userGuid)) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`User GUID must be a GUID, got "${userGuid}"`,
			'Enter the UserGUID of the user, e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6 (Get Many Users lists them).',
		);
	}
	const sendEmail = this.getNodeParameter('sendEmail', itemIndex, true) as boolean;
	const directory = await directoryOf.call(this, itemIndex);
	const response = (await caspioRequest.call(this, {
		method: 'POST',
		path: `${directory.path}/activate`,
		body: { UserGUID: userGuid, SendEmail: sendEmail },
		what: `activating user ${userGuid} in directory "${directory.name}"`,
	})) as unknown as { ActivationUrl?: string };
	return { directory: directory.name, directoryId: directory.id, UserGUID: userGuid, emailSent: sendEmail, ActivationUrl: response.ActivationUrl ?? null };
}

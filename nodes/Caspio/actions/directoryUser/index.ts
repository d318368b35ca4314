import type { INodeProperties } from 'n8n-workflow';

import * as activateUser from './activateUser.operation';
import * as createUser from './createUser.operation';
import * as deleteUser from './deleteUser.operation';
import { directoryProperty } from './directoryUser.descriptions';
import * as getManyDirectories from './getManyDirectories.operation';
import * as getManyUsers from './getManyUsers.operation';
import * as updateUser from './updateUser.operation';

export { activateUser, createUser, deleteUser, getManyDirectories, getManyUsers, updateUser };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['directoryUser'] } },
		options: [
			{ name: 'Activate User', value: 'activateUser', description: 'Activate a user and get its activation URL', action: 'Activate a directory user' },
			{ name: 'Create User', value: 'createUser', description: 'Add a user to a directory', action: 'Create a directory user' },
			{ name: 'Delete User', value: 'deleteUser', description: 'Delete the users matching filters', action: 'Delete directory users' },
			{ name: 'Get Many Directories', value: 'getManyDirectories', description: 'List the directories of the account', action: 'Get many directories' },
			{ name: 'Get Many Users', value: 'getManyUsers', description: 'Get the users of a directory, filtered', action: 'Get many directory users' },
			{ name: 'Update User', value: 'updateUser', description: 'Update the users matching filters', action: 'Update directory users' },
		],
		default: 'getManyUsers',
	},
	{ ...directoryProperty, displayOptions: { show: { resource: ['directoryUser'] }, hide: { operation: ['getManyDirectories'] } } },
	...activateUser.description,
	...createUser.description,
	...deleteUser.description,
	...getManyUsers.description,
	...updateUser.description,
];

/** Every resource of the Caspio node and its operations; the router's map must cover each one. */
export type CaspioOperations = {
	attachment: 'delete' | 'download' | 'getProperties' | 'upload';
	directoryUser: 'activateUser' | 'createUser' | 'deleteUser' | 'getManyDirectories' | 'getManyUsers' | 'updateUser';
	file: 'delete' | 'download' | 'getFileProperties' | 'getFolderProperties' | 'upload';
	record: 'create' | 'delete' | 'get' | 'getMany' | 'update' | 'upsert';
	table: 'getFields' | 'getMany';
	task: 'get' | 'getMany' | 'run';
	view: 'getMany';
};

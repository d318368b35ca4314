import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type OperationMap } from '../../shared/router';
import * as attachment from './attachment';
import * as directoryUser from './directoryUser';
import * as file from './file';
import type { CaspioOperations } from './node.type';
import * as record from './record';
import * as table from './table';
import * as task from './task';
import * as view from './view';

const operations: OperationMap<CaspioOperations> = {
	attachment: {
		delete: attachment.deleteAttachment.execute,
		download: attachment.download.execute,
		getProperties: attachment.getProperties.execute,
		upload: attachment.upload.execute,
	},
	directoryUser: {
		activateUser: directoryUser.activateUser.execute,
		createUser: directoryUser.createUser.execute,
		deleteUser: directoryUser.deleteUser.execute,
		getManyDirectories: directoryUser.getManyDirectories.execute,
		getManyUsers: directoryUser.getManyUsers.execute,
		updateUser: directoryUser.updateUser.execute,
	},
	file: {
		delete: file.deleteFile.execute,
		download: file.download.execute,
		getFileProperties: file.getFileProperties.execute,
		getFolderProperties: file.getFolderProperties.execute,
		upload: file.upload.execute,
	},
	record: {
		create: record.create.execute,
		delete: record.deleteRecord.execute,
		get: record.get.execute,
		getMany: record.getMany.execute,
		update: record.update.execute,
		upsert: record.upsert.execute,
	},
	table: { getFields: table.getFields.execute, getMany: table.getMany.execute },
	task: { get: task.get.execute, getMany: task.getMany.execute, run: task.run.execute },
	view: { getMany: view.getMany.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}

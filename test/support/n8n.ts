/**
 * Runs this package's nodes inside n8n's real execution engine (n8n-core's WorkflowExecute), with a credentials
 * helper that behaves like n8n's own: expirable tokens are fetched by `preAuthentication` when empty, refreshed
 * when a request is refused, and saved back into the stored credential.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IRunExecutionData,
} from 'n8n-workflow';

import packageJson from '../../package.json';

export const PACKAGE = packageJson.name;

/** The TypeScript source behind a `dist/…js` path of package.json's `n8n` field, instantiated. */
function loadDeclared<T>(distPath: string): T {
	// With the extension: without it, a loader that tries .json before .ts (ts-node) finds the codex file beside it.
	const source = `../../${distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts')}`;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(source) as Record<string, new () => T>;
	return new (Object.values(exported)[0])();
}

/** Every node the package declares, by its short name (`caspio`, `caspioTrigger`, …). */
export const nodeClasses: Record<string, INodeType> = Object.fromEntries(
	packageJson.n8n.nodes.map((path) => {
		const node = loadDeclared<INodeType>(path);
		return [node.description.name, node];
	}),
);

/** Every credential type the package declares, by name. */
export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	packageJson.n8n.credentials.map((path) => {
		const credential = loadDeclared<ICredentialType>(path);
		return [credential.name, credential];
	}),
);

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeClasses[type.replace(`${PACKAGE}.`, '')],
	getByNameAndVersion: (type, version) =>
		NodeHelpers.getVersionedNodeType(nodeClasses[type.replace(`${PACKAGE}.`, '')], version),
	getKnownTypes: () => ({}),
};

class StoredCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private values: ICredentialDataDecryptedObject,
	) {
		super(details, type);
	}
	async getData() {
		return this.values;
	}
	getDataToSave() {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.values) };
	}
	async setData(data: ICredentialDataDecryptedObject) {
		this.values = data;
	}
	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>) {
		this.values = { ...this.values, ...toUpdate } as ICredentialDataDecryptedObject;
	}
}

/** Stored credentials by type, plus what n8n would have done with them. */
export class TestCredentials extends ICredentialsHelper {
	readonly store: Record<string, ICredentialDataDecryptedObject> = {};
	/** How often each type's preAuthentication ran (e.g. Caspio token requests). */
	readonly preAuthCalls: Record<string, number> = {};

	set(type: string, data: ICredentialDataDecryptedObject): this {
		this.store[type] = { ...data };
		return this;
	}

	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions) {
		const authenticate = credentialTypes[typeName].authenticate;
		if (typeof authenticate !== 'function') throw new Error(`test harness: ${typeName} has no function authenticate`);
		return await authenticate(credentials, requestOptions);
	}
	/** Same rule as n8n's CLI: only with a hidden expirable property, only when it is empty or was refused. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	) {
		const type = credentialTypes[typeName];
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!type.preAuthentication || !expirable) return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.preAuthCalls[typeName] = (this.preAuthCalls[typeName] ?? 0) + 1;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		this.store[typeName] = { ...this.store[typeName], ...output } as ICredentialDataDecryptedObject;
		return { ...credentials, ...output } as ICredentialDataDecryptedObject;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(details: INodeCredentialsDetails, type: string) {
		return new StoredCredentials(details, type, this.store[type]);
	}
	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, _details: INodeCredentialsDetails, type: string) {
		if (!this.store[type]) throw new Error(`test harness: no ${type} credential set`);
		return { ...this.store[type] };
	}
	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store[type] = data;
	}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type].properties;
	}
}

export interface NodeRun {
	run: IRun;
	/** Items on each output of the node (main[0] = success, main[1] = error output when enabled). */
	outputs: INodeExecutionData[][];
	/** Top-level error of the execution, when the node failed without Continue On Fail. */
	error?: { message: string; description?: string; [key: string]: unknown };
}

/** Executes one of our nodes on `items` with `parameters`, the way a workflow step would run it in n8n. */
export async function runNode(options: {
	/** Short node name, e.g. `caspio`. */
	type: string;
	parameters: IDataObject;
	items?: IDataObject[];
	/** Full input items (json and binary), instead of `items`. */
	input?: INodeExecutionData[];
	credentials: TestCredentials;
	onError?: INode['onError'];
}): Promise<NodeRun> {
	const credentialType = nodeClasses[options.type].description.credentials?.[0]?.name ?? '';
	const node: INode = {
		id: 'node-under-test',
		name: 'Under Test',
		type: `${PACKAGE}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { [credentialType]: { id: '1', name: 'test credential' } },
		...(options.onError ? { onError: options.onError } : {}),
	};
	const workflowData = { id: 'wf', name: 'wf', nodes: [node], connections: {}, active: false, settings: {} };
	const workflow = new Workflow({ ...workflowData, nodeTypes, settings: { executionOrder: 'v1' } });
	const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData as never);
	const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const additionalData = {
		credentialsHelper: options.credentials,
		hooks,
		executionId: '1',
		currentNodeExecutionIndex: 0,
		restApiUrl: '',
		instanceBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		formBaseUrl: '',
		formWaitingBaseUrl: '',
		formTestBaseUrl: '',
		mcpBaseUrl: '',
		mcpTestBaseUrl: '',
		variables: {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const input = options.input ?? (options.items ?? [{}]).map((json) => ({ json }));
	const runData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
	} as unknown as IRunExecutionData;
	await new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(workflow);
	const run = await done;
	const nodeRun = run.data.resultData.runData[node.name]?.[0];
	return {
		run,
		outputs: (nodeRun?.data?.main ?? []).map((items) => items ?? []),
		error: run.data.resultData.error as NodeRun['error'],
	};
}

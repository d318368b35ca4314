/** The workflow templates in `workflows/*.json`, loaded for the unit and e2e tests. */
import * as fs from 'fs';
import * as path from 'path';

import baseNodes from './n8n-nodes-base.json';

export const WORKFLOWS_DIR = path.resolve(__dirname, '../../workflows');

export interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface Template {
	file: string;
	text: string;
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export function loadTemplates(): Template[] {
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8');
			return { ...(JSON.parse(text) as Template), file, text };
		});
}

export function loadTemplate(file: string): Template {
	const found = loadTemplates().find((t) => t.file === file);
	if (!found) throw new Error(`workflows/${file} does not exist`);
	return found;
}

/** n8n-nodes-base type → the versions the templates may use (kept in n8n-nodes-base.json). */
export const BASE_NODE_VERSIONS: Record<string, number[]> = Object.fromEntries(
	Object.entries(baseNodes).filter(([key]) => key !== '//') as Array<[string, number[]]>,
);

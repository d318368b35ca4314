import type { HarnessClient, WorkflowNode } from './harness';

/** Steps as one chain of ActiveCampaign Plus nodes on the preset credential, each run once (on the first item it gets). */
export function acChain(h: HarnessClient, steps: Array<[string, Record<string, unknown>]>): { nodes: WorkflowNode[]; connections: Record<string, unknown> } {
	const nodes = steps.map(([name, parameters], i): WorkflowNode => ({
		name,
		type: `${h.info.packageName}.activeCampaignPlus`,
		typeVersion: 1,
		position: [200 * (i + 1), 0],
		parameters,
		executeOnce: true,
		credentials: { activeCampaignPlusApi: { id: h.credentials.activeCampaignPlusApi!, name: 'sandbox' } },
	}));
	const connections = Object.fromEntries(steps.slice(0, -1).map(([name], i) => [name, { main: [[{ node: steps[i + 1][0], type: 'main', index: 0 }]] }]));
	return { nodes, connections };
}

/** An expression for a field of the first item `node` emitted. */
export const first = (node: string, field = 'id') => `={{ $('${node}').first().json.${field} }}`;

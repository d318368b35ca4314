/**
 * `npm run schemas`: runs every operation of the Caspio and ActiveCampaign Plus nodes in n8n's engine against the
 * sandboxes' demo data (test/support/schemaScenarios.ts) and writes the schema of its output items to
 * nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json, where n8n's editor looks before the node has run.
 * `npm run schemas -- --check` writes nothing and fails when a committed schema differs from what the runs give.
 * `npm run schemas -- --only=<Node>/<resource>` (repeatable) runs only those resources.
 */
// First: n8n-core writes instance settings into the user folder as it loads; keep that in a temporary folder.
import '../test/support/env';

import * as fs from 'node:fs';
import * as path from 'node:path';

import { inferSchema } from '../test/support/jsonSchema';
import { SCENARIOS, ScenarioSandboxes, schemaFile, type NodeName } from '../test/support/schemaScenarios';

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	const only = process.argv.filter((arg) => arg.startsWith('--only=')).map((arg) => arg.slice('--only='.length));
	const wanted = (node: string, resource: string) => only.length === 0 || only.includes(`${node}/${resource}`);
	const sandboxes = await ScenarioSandboxes.start();
	const stale: string[] = [];
	try {
		for (const [node, resources] of Object.entries(SCENARIOS) as Array<[NodeName, (typeof SCENARIOS)[NodeName]]>) {
			for (const [resource, operations] of Object.entries(resources)) {
				if (!wanted(node, resource)) continue;
				for (const operation of Object.keys(operations)) {
					const items = await sandboxes.outputs(node, resource, operation);
					if (items.length === 0) throw new Error(`${node} ${resource} → ${operation} returned no items to describe`);
					// Binary outputs: the schema is of the JSON part, which is what expressions read.
					const text = `${JSON.stringify(inferSchema(items.map((item) => item.json)), null, '\t')}\n`;
					const file = schemaFile(node, resource, operation);
					const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
					if (!same) stale.push(path.relative(process.cwd(), file));
					if (!check && !same) {
						fs.mkdirSync(path.dirname(file), { recursive: true });
						fs.writeFileSync(file, text);
					}
					console.log(`${same ? 'unchanged' : check ? 'DIFFERS  ' : 'written  '} ${path.relative(process.cwd(), file)} (${items.length} items)`);
				}
			}
		}
	} finally {
		await sandboxes.close();
	}
	if (check && stale.length) throw new Error(`${stale.length} schema(s) differ from the sandbox outputs; run npm run schemas:\n${stale.join('\n')}`);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});

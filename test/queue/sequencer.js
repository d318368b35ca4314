/**
 * The templates first (their backfill test needs demo leads that are not in ActiveCampaign yet, which R1's backfill
 * would import), then R1 and R2, and the rate check last: it reads what the sandbox saw during all of them.
 */
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = ['templates.e2e.test.ts', 'r1-fault-soak.rel.test.ts', 'r2-webhook-loss.rel.test.ts'];
const rank = (test) => {
	const i = ORDER.findIndex((name) => test.path.endsWith(name));
	return i === -1 ? ORDER.length : i;
};

class QueueOrder extends Sequencer {
	sort(tests) {
		return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
	}
}

module.exports = QueueOrder;

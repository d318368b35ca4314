import type { INode } from 'n8n-workflow';

/** The node an error names, for unit tests of code that builds n8n's errors. */
export const NODE: INode = { id: 'n', name: 'Caspio', type: 'caspio', typeVersion: 1, position: [0, 0], parameters: {} };

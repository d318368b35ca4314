import js from '@eslint/js';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

/**
 * The house rules on who may import whom (docs/ARCHITECTURE.md). Each is a pattern on the import path and the
 * sentence a developer reads when it is broken.
 */
const layers = {
	caspio: { regex: '(^|/)Caspio(/|$)', message: 'Caspio and ActiveCampaign Plus never import each other: move what both need to nodes/shared.' },
	activeCampaign: {
		regex: '(^|/)ActiveCampaignPlus(/|$)',
		message: 'Caspio and ActiveCampaign Plus never import each other: move what both need to nodes/shared.',
	},
	transport: {
		regex: '(^|/)(transport|lookups|associations)(/|$)|shared/(http|transport)$',
		message: 'helpers/ is pure: no requests. Put I/O in transport/ or a module named for what it does, and pass its results in.',
	},
	serviceFromShared: {
		regex: '^\\.\\./(Caspio|ActiveCampaignPlus)(/|$)|/nodes/(Caspio|ActiveCampaignPlus)(/|$)',
		message: 'nodes/shared is service-neutral: it imports nothing from a service folder; pass the service in as data.',
	},
	nodesFromCredentials: {
		regex: '^\\.\\./nodes/(?!shared/)',
		message: 'Credentials import only from nodes/shared.',
	},
};
const restrict = (...rules) => ({ 'no-restricted-imports': ['error', { patterns: rules }] });

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },

	// Everything in TypeScript: ordinary recommended rules.
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},

	// What ships to n8n: n8n's community rules (Cloud profile) and the nodes-base rules for nodes and credentials.
	{
		files: shipped,
		...communityNodes.configs.recommended,
		ignores: [],
		rules: { ...communityNodes.configs.recommended.rules, 'no-console': 'error' },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Off, as in n8n's scanner and node-cli: a community credential's documentationUrl is a URL, which
			// @n8n/community-nodes/credential-documentation-url requires.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Off, as in n8n's scanner and node-cli: they want the string 'main', while
			// @n8n/community-nodes/node-connection-type-literal wants NodeConnectionTypes.Main, as n8n's own nodes use.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},

	// Who may import whom; the most specific folders come last, so their list is the one that applies.
	{ files: ['nodes/Caspio/**/*.ts'], rules: restrict(layers.activeCampaign) },
	{ files: ['nodes/ActiveCampaignPlus/**/*.ts'], rules: restrict(layers.caspio) },
	{ files: ['nodes/Caspio/helpers/**/*.ts'], rules: restrict(layers.activeCampaign, layers.transport) },
	{ files: ['nodes/ActiveCampaignPlus/helpers/**/*.ts'], rules: restrict(layers.caspio, layers.transport) },
	{ files: ['nodes/shared/**/*.ts'], rules: restrict(layers.serviceFromShared) },
	{ files: ['credentials/**/*.ts'], rules: restrict(layers.nodesFromCredentials) },

	// package.json: the community package rules of both plugins.
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, '@n8n/community-nodes': communityNodes.configs.recommended.plugins['@n8n/community-nodes'] },
		rules: { ...n8nNodesBase.configs.community.rules, ...communityNodes.configs.recommended.rules },
	},
);

/**
 * The console's browser script, inlined into the page. Plain DOM: every value from the sandboxes is written as text
 * (textContent, text nodes, attributes), never parsed as markup. Polls both sandboxes every 1.5 s and redraws a side
 * only when its JSON changed, so a half-filled form is never reset by a refresh.
 */
export const CONSOLE_SCRIPT = String.raw`
'use strict';
(() => {
	const BASE = location.pathname.replace(/[/]$/, '');
	const AC_URL = document.querySelector('meta[name="sandbox-activecampaign"]').getAttribute('content');
	const POLL_MS = 1500;
	const FRESH_MS = 4000;
	const LIST_STATUS = { 0: 'unconfirmed', 1: 'active', 2: 'unsubscribed', 3: 'bounced' };
	const INPUT_TYPES = { NUMBER: 'number', INTEGER: 'number', CURRENCY: 'number', 'DATE/TIME': 'datetime-local' };
	const state = { tables: [], current: '', editing: null, formSig: '', tablesText: '', contactsText: '', known: null, freshUntil: {} };
	const $ = (id) => document.getElementById(id);

	/** An element whose string children become text nodes; attributes are set as text too. */
	function el(tag, attrs, children) {
		const node = document.createElement(tag);
		for (const [key, value] of Object.entries(attrs || {})) {
			if (value === undefined || value === null || value === false) continue;
			if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
			else node.setAttribute(key, value === true ? '' : String(value));
		}
		for (const child of children || []) if (child !== null && child !== undefined) node.append(child);
		return node;
	}

	function show(value) {
		if (value === null || value === undefined) return '';
		if (typeof value === 'boolean') return value ? 'Yes' : 'No';
		if (typeof value === 'object') return Object.values(value).join(', ');
		return String(value);
	}

	function setStatus(id, text, bad) {
		$(id).textContent = text;
		$(id).classList.toggle('bad', !!bad);
	}

	async function getText(url) {
		const res = await fetch(url, { cache: 'no-store' });
		if (!res.ok) throw new Error('HTTP ' + res.status);
		return res.text();
	}

	// ---- Caspio ----

	const currentTable = () => state.tables.find((t) => t.name === state.current);

	function renderCaspio() {
		if (!currentTable()) {
			state.current = state.tables.length ? state.tables[0].name : '';
			state.editing = null;
		}
		const table = currentTable();
		if (state.editing !== null && !(table && table.records.some((r) => r.PK_ID === state.editing))) state.editing = null;
		if (JSON.stringify([state.current, state.editing, table && table.fields]) !== state.formSig) renderForm();
		renderTabs();
		renderRecords();
	}

	function renderTabs() {
		const select = (name) => {
			state.current = name;
			state.editing = null;
			$('form-result').textContent = '';
			renderCaspio();
		};
		$('table-tabs').replaceChildren(
			...state.tables.map((t) =>
				el('button', { type: 'button', 'aria-pressed': String(t.name === state.current), 'data-table': t.name, onclick: () => select(t.name) }, [
					t.name + ' · ' + t.records.length,
				]),
			),
		);
	}

	function control(field, value) {
		const id = 'field-' + field.name;
		const common = { id, name: field.name, required: field.required };
		if (field.type === 'YES/NO') {
			return el('label', { class: 'check', for: id }, [el('input', { type: 'checkbox', ...common, checked: value === true }), field.label]);
		}
		let input;
		if (field.type === 'TEXT') input = el('textarea', { rows: 1, ...common }, [show(value)]);
		else if (field.type.startsWith('LIST-')) {
			const chosen = Object.keys(value || {});
			const items = Object.entries(field.items || {});
			input = el('select', { multiple: true, size: Math.min(4, items.length), ...common }, items.map(([key, label]) =>
				el('option', { value: key, selected: chosen.includes(key) }, [String(label)])));
		} else {
			const type = INPUT_TYPES[field.type] || 'text';
			const text = value === null || value === undefined ? '' : type === 'datetime-local' ? String(value).slice(0, 19) : String(value);
			const step = type === 'number' ? (field.type === 'INTEGER' ? '1' : 'any') : type === 'datetime-local' ? '1' : undefined;
			input = el('input', { type, value: text, step, ...common });
		}
		return el('label', { for: id }, [field.label, input]);
	}

	function renderForm() {
		const table = currentTable();
		const record = table && state.editing !== null ? table.records.find((r) => r.PK_ID === state.editing) : undefined;
		const fields = table ? table.fields : [];
		state.formSig = JSON.stringify([state.current, state.editing, table && table.fields]);
		$('form-title').textContent = !table ? 'No tables' : record ? 'Change record ' + record.PK_ID + ' of ' + table.name : 'Add a record to ' + table.name;
		$('form-fields').replaceChildren(...fields.filter((f) => f.editable).map((f) => control(f, record ? record[f.name] : undefined)));
		const fixed = ['PK_ID', ...fields.filter((f) => !f.editable).map((f) => f.name)];
		$('form-readonly').textContent = 'Set by Caspio: ' + fixed.join(', ') + '. Submitting fires the outgoing webhooks subscribed to DataPages.';
		$('form-submit').textContent = record ? 'Save changes' : 'Submit';
		$('form-submit').disabled = !table;
		$('form-cancel').hidden = !record;
	}

	function formValues() {
		const values = {};
		for (const input of $('form-fields').querySelectorAll('input, textarea, select')) {
			if (input.type === 'checkbox') values[input.name] = input.checked;
			else if (input.multiple) values[input.name] = Array.from(input.selectedOptions, (o) => o.value);
			else values[input.name] = input.value;
		}
		return values;
	}

	function edit(pk) {
		state.editing = pk;
		$('form-result').textContent = '';
		renderCaspio();
		$('record-form').scrollIntoView({ block: 'start' });
	}

	function renderRecords() {
		const table = currentTable();
		$('records-title').textContent = table ? table.name + ' records (' + table.records.length + ')' + (table.note ? ' · ' + table.note : '') : 'Records';
		if (!table) return $('records').replaceChildren();
		const columns = ['PK_ID', ...table.fields.map((f) => f.name)];
		const head = el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['']), ...columns.map((c) => el('th', { scope: 'col' }, [c]))])]);
		const rows = [...table.records]
			.sort((a, b) => b.PK_ID - a.PK_ID)
			.map((record) =>
				el('tr', { 'data-pk': record.PK_ID, class: record.PK_ID === state.editing ? 'editing' : null }, [
					el('td', {}, [el('button', { type: 'button', 'aria-label': 'Edit record ' + record.PK_ID, onclick: () => edit(record.PK_ID) }, ['Edit'])]),
					...columns.map((c) => el('td', { title: show(record[c]), 'data-field': c }, [show(record[c])])),
				]),
			);
		$('records').replaceChildren(head, el('tbody', {}, rows));
	}

	async function pollCaspio() {
		try {
			const text = await getText(BASE + '/tables');
			if (text !== state.tablesText) {
				state.tablesText = text;
				state.tables = JSON.parse(text).tables;
				renderCaspio();
			}
			setStatus('caspio-status', 'live · ' + new Date().toLocaleTimeString());
		} catch (error) {
			setStatus('caspio-status', 'Caspio sandbox unreachable: ' + error.message, true);
		}
	}

	$('record-form').addEventListener('submit', async (event) => {
		event.preventDefault();
		const body = { table: state.current, values: formValues(), ...(state.editing === null ? {} : { pk: state.editing }) };
		const result = $('form-result');
		result.className = '';
		result.textContent = 'Sending…';
		try {
			const res = await fetch(BASE + '/records', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			const answer = await res.json().catch(() => ({}));
			if (!res.ok) throw new Error(answer.Message || answer.message || 'HTTP ' + res.status);
			result.className = 'ok';
			result.textContent = (body.pk ? 'Saved record ' : 'Added record ') + answer.record.PK_ID + ' to ' + body.table + ', as a DataPage would.';
			state.editing = null;
			renderForm();
			await pollCaspio();
		} catch (error) {
			result.className = 'bad';
			result.textContent = error.message;
		}
	});

	$('form-cancel').addEventListener('click', () => {
		state.editing = null;
		$('form-result').textContent = '';
		renderCaspio();
	});

	// ---- ActiveCampaign ----

	const none = () => el('span', { class: 'none' }, ['none']);
	const pills = (items) => (items.length ? el('div', { class: 'pills' }, items.map((i) => el('span', { class: 'pill ' + (i.cls || '') }, [i.text]))) : none());
	const row = (label, content) => el('div', { class: 'row' }, [el('span', {}, [label]), content]);
	/** Multi-value fields are stored as ||a||b||. */
	const fieldText = (value) => (String(value).startsWith('||') ? String(value).split('||').filter(Boolean).join(', ') : String(value));

	function contactCard(c, titles) {
		const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
		const values = Object.entries(c.fieldValues).filter(([, v]) => v !== '' && v !== null);
		const fresh = (state.freshUntil[c.id] || 0) > Date.now();
		return el('article', { class: 'contact' + (fresh ? ' fresh' : ''), 'data-email': c.email, 'data-id': c.id }, [
			el('div', { class: 'contact-head' }, [
				el('div', {}, [el('span', { class: 'who' }, [name || c.email]), el('span', { class: 'email' }, [name ? c.email : ''])]),
				el('span', { class: 'hint', title: 'updated ' + c.udate }, ['#' + c.id + ' · updated ' + c.udate.slice(11, 19)]),
			]),
			row('Tags', pills(c.tags.map((t) => ({ text: t, cls: 'tag' })))),
			row('Lists', pills(c.lists.map((l) => ({ text: l.name + ' · ' + (LIST_STATUS[l.status] || l.status), cls: l.status === 1 ? '' : 'off' })))),
			row('Fields', pills(values.map(([key, v]) => ({ text: (titles[key] || key) + ': ' + fieldText(v) })))),
			row('Automations', pills(c.automations.map((a) => ({ text: a.name })))),
			row('Events', pills(c.events.map((e) => ({ text: e.event + (e.eventdata ? ' (' + e.eventdata + ')' : '') + ' · ' + e.date.slice(0, 16).replace('T', ' ') })))),
		]);
	}

	function renderContacts(data) {
		const contacts = [...data.contacts].sort((a, b) => Number(b.id) - Number(a.id));
		for (const c of contacts) if (state.known && !state.known.has(c.id)) state.freshUntil[c.id] = Date.now() + FRESH_MS;
		state.known = new Set(contacts.map((c) => c.id));
		$('ac-title').textContent = 'ActiveCampaign contacts (' + contacts.length + ')';
		$('contacts').replaceChildren(...contacts.map((c) => contactCard(c, data.fieldTitles || {})));
	}

	async function pollContacts() {
		if (!AC_URL) {
			setStatus('ac-status', 'not connected: start both sandboxes with npm run sandbox or npm start', true);
			return;
		}
		try {
			const text = await getText(AC_URL + BASE + '/contacts');
			if (text !== state.contactsText) {
				state.contactsText = text;
				renderContacts(JSON.parse(text));
			}
			setStatus('ac-status', 'live · ' + new Date().toLocaleTimeString());
		} catch (error) {
			setStatus('ac-status', 'ActiveCampaign sandbox unreachable: ' + error.message, true);
		}
	}

	async function loop() {
		await Promise.all([pollCaspio(), pollContacts()]);
		setTimeout(loop, POLL_MS);
	}
	loop();
})();
`;

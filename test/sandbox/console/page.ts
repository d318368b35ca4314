import { CONSOLE_SCRIPT } from './script';

/** Text safe inside an HTML attribute or element. */
const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STYLE = `
:root { --ink: #1f2430; --muted: #6b7280; --line: #e3e6ec; --bg: #f5f6f8; --card: #fff; --accent: #2f5bea; --ok: #16794c; --bad: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { padding: 16px 24px 12px; background: var(--card); border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 20px; }
h2 { margin: 0; font-size: 16px; }
h3 { margin: 0 0 8px; font-size: 14px; }
header p { margin: 0; color: var(--muted); max-width: 980px; }
main { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 20px; padding: 20px 24px; }
section.side { min-width: 0; }
.side-head { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; margin-bottom: 10px; }
.status { color: var(--muted); font-size: 12px; }
.status.bad { color: var(--bad); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin-bottom: 14px; }
.tabs { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 12px; }
.tabs button { border: 1px solid var(--line); background: var(--card); border-radius: 999px; padding: 4px 12px; cursor: pointer; font: inherit; }
.tabs button[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
form .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px 14px; }
form label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: var(--muted); }
form label.check { flex-direction: row; align-items: center; gap: 8px; padding-top: 18px; color: var(--ink); font-size: 13px; }
form input, form textarea, form select { font: inherit; color: var(--ink); border: 1px solid #cfd4dc; border-radius: 6px; padding: 5px 8px; background: #fff; }
form textarea { resize: vertical; min-height: 34px; }
.actions { display: flex; align-items: center; gap: 10px; margin-top: 12px; flex-wrap: wrap; }
.actions button { font: inherit; border-radius: 6px; padding: 6px 14px; cursor: pointer; border: 1px solid var(--accent); }
.actions button.primary { background: var(--accent); color: #fff; }
.actions button.secondary { background: #fff; color: var(--accent); }
.hint { color: var(--muted); font-size: 12px; }
#form-result.ok { color: var(--ok); }
#form-result.bad { color: var(--bad); }
.records { overflow: auto; max-height: 420px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
th { position: sticky; top: 0; background: #fafbfc; font-weight: 600; }
td button { font: inherit; font-size: 12px; border: 1px solid var(--line); background: #fff; border-radius: 4px; cursor: pointer; padding: 1px 8px; }
tr.editing td { background: #eef3ff; }
.contact { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 10px; }
.contact.fresh { animation: fresh 4s ease-out; border-color: var(--accent); }
@keyframes fresh { from { background: #e4ebff; } to { background: var(--card); } }
.contact-head { display: flex; justify-content: space-between; gap: 10px; margin-bottom: 6px; }
.contact-head .who { font-weight: 600; }
.contact-head .email { color: var(--muted); margin-left: 6px; font-weight: 400; }
.contact-head > div { min-width: 0; overflow-wrap: anywhere; }
.contact-head .hint { white-space: nowrap; flex-shrink: 0; }
.row { display: grid; grid-template-columns: 92px minmax(0, 1fr); gap: 8px; padding: 3px 0; font-size: 13px; }
.row > span:first-child { color: var(--muted); }
.pills { display: flex; flex-wrap: wrap; gap: 4px; }
.pill { border-radius: 999px; padding: 0 8px; font-size: 12px; background: #eef1f6; border: 1px solid var(--line); }
.pill.tag { background: #eaf2ff; border-color: #c9dafc; }
.pill.off { text-decoration: line-through; color: var(--muted); }
.none { color: var(--muted); font-size: 12px; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
`;

/**
 * The console page: inline CSS and script, nothing fetched from elsewhere. The ActiveCampaign sandbox's URL is the
 * only server value in the markup (escaped); everything else arrives as JSON and is written with textContent.
 */
export function consolePage(activeCampaignUrl: string | undefined): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<meta name="sandbox-activecampaign" content="${escapeHtml(activeCampaignUrl ?? '')}">
<title>Sandbox console · Caspio ↔ ActiveCampaign</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Sandbox console</h1>
<p>The local Caspio and ActiveCampaign sandboxes. The form adds or changes a Caspio record the way a DataPage does, so
outgoing webhooks subscribed to DataPages fire. With <code>npm start</code>, a new <b>Leads</b> record runs the
lead-nurture template and the contact appears on the right with its tags.</p>
</header>
<main>
<section class="side" aria-labelledby="caspio-title">
<div class="side-head"><h2 id="caspio-title">Caspio tables</h2><span id="caspio-status" class="status">Loading…</span></div>
<div id="table-tabs" class="tabs" role="group" aria-label="Tables"></div>
<form id="record-form" class="card" autocomplete="off" novalidate>
<h3 id="form-title">Add a record</h3>
<div id="form-fields" class="grid"></div>
<p id="form-readonly" class="hint"></p>
<div class="actions">
<button type="submit" class="primary" id="form-submit">Submit</button>
<button type="button" class="secondary" id="form-cancel" hidden>Cancel</button>
<span id="form-result" role="status"></span>
</div>
</form>
<div class="card"><h3 id="records-title">Records</h3><div class="records"><table id="records"></table></div></div>
</section>
<section class="side" aria-labelledby="ac-title">
<div class="side-head"><h2 id="ac-title">ActiveCampaign contacts</h2><span id="ac-status" class="status">Loading…</span></div>
<div id="contacts"></div>
</section>
</main>
<script>${CONSOLE_SCRIPT}</script>
</body>
</html>
`;
}

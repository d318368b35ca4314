import type { SandboxRequest } from '../server';
import { CaspioError } from './errors';

/** One part of a multipart/form-data body, its bytes untouched. */
export interface Part {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

const bad = (message: string) => new CaspioError(400, 'IncorrectBodyParameter', message);

function dispositionParam(header: string, key: string): string | undefined {
	const extended = new RegExp(`;\\s*${key}\\*=UTF-8''([^;\\r\\n]*)`, 'i').exec(header);
	if (extended) return decodeURIComponent(extended[1]);
	const plain = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${key}=([^;\\r\\n]*)`, 'i').exec(header);
	return plain?.[1];
}

/** Splits a multipart/form-data request into its parts (RFC 7578), reading `filename*` before `filename`. */
export function parseMultipart(req: SandboxRequest): Part[] {
	const type = String(req.headers['content-type'] ?? '');
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
	if (!/^multipart\/form-data/i.test(type) || !match) throw bad('The request body must be multipart/form-data.');
	const delimiter = Buffer.from(`--${(match[1] ?? match[2]).trim()}`);
	const body = req.rawBytes;
	const parts: Part[] = [];
	let at = body.indexOf(delimiter);
	if (at === -1) throw bad('The multipart body has no parts.');
	for (;;) {
		const after = at + delimiter.length;
		if (body.subarray(after, after + 2).toString('latin1') === '--') return parts;
		const headerEnd = body.indexOf('\r\n\r\n', after);
		const next = headerEnd === -1 ? -1 : body.indexOf(delimiter, headerEnd + 4);
		if (next === -1) throw bad('The multipart body is cut short.');
		const headers = body.subarray(after + 2, headerEnd).toString('utf8');
		const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
		const name = dispositionParam(disposition, 'name');
		if (name === undefined) throw bad('A multipart part has no name.');
		parts.push({
			name,
			fileName: dispositionParam(disposition, 'filename'),
			contentType: /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim(),
			// The CRLF before the next delimiter belongs to the delimiter, not to the data.
			data: Buffer.from(body.subarray(headerEnd + 4, next - 2)),
		});
		at = next;
	}
}

/** The file parts named `field` (any case), each with a file name. */
export function fileParts(req: SandboxRequest, field: string): Part[] {
	const parts = parseMultipart(req).filter((p) => p.name.toLowerCase() === field.toLowerCase());
	for (const part of parts) if (!part.fileName) throw bad(`The '${field}' part has no file name.`);
	return parts;
}

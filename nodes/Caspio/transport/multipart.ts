import { randomBytes } from 'node:crypto';

/** One file part of a multipart/form-data body. */
export interface MultipartFile {
	/**
	 * The form field: `File` or `Files`, the part names Caspio's own node sends
	 * (https://github.com/CaspioInnovations/n8n-node-caspioofficial).
	 */
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** Header values cannot hold quotes or line breaks; a file name is only a label there. */
const headerSafe = (value: string) => value.replace(/["\r\n\\]/g, '_');

/**
 * A multipart/form-data body as one Buffer, so it can be sent again (n8n-core does not resend a stream or a
 * FormData body after it refreshes a token).
 */
export function multipartBody(files: MultipartFile[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nCaspio${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const file of files) {
		const name = headerSafe(file.fileName);
		const head =
			`--${boundary}\r\n` +
			`Content-Disposition: form-data; name="${headerSafe(file.field)}"; filename="${name}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}\r\n` +
			`Content-Type: ${headerSafe(file.mimeType)}\r\n\r\n`;
		chunks.push(Buffer.from(head, 'utf8'), file.data, Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

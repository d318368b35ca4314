const { parallel, src, dest } = require('gulp');

/** Copies node and credential icons next to the compiled files, where n8n looks for `file:` icons. */
function copyIcons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist'));
}

/** Copies the output schemas beside the compiled node files, where n8n's editor asks for `__schema__/v1.0.0/<resource>/<operation>.json`. */
function copySchemas() {
	return src(['nodes/**/__schema__/**/*.json'], { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = copyIcons;
exports['build:schemas'] = copySchemas;
exports['build:assets'] = parallel(copyIcons, copySchemas);

const fs = require('fs');
const path = require('path');
const { task, src, dest } = require('gulp');

// A clean dist/: a file removed from the sources must not linger in the next package.
task('clean', async () => fs.rmSync(path.resolve('dist'), { recursive: true, force: true }));

// tsc does not copy assets: icons and codex files must sit next to the built nodes.
task('build:icons', copyIcons);

function copyIcons() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg}');
	const nodeDestination = path.resolve('dist', 'nodes');
	src(nodeSource).pipe(dest(nodeDestination));

	const credSource = path.resolve('credentials', '**', '*.{png,svg}');
	const credDestination = path.resolve('dist', 'credentials');
	return src(credSource).pipe(dest(credDestination));
}

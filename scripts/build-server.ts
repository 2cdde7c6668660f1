// Compiles the server to dist/ for production (node, no run-time transpiler) and copies the data
// files the rule tables read beside the compiled code.
import { cpSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

rmSync('dist', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('src/rules/data', 'dist/rules/data', { recursive: true });

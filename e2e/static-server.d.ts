import { type Server } from 'node:http';
/** The repository root. */
export declare const REPO: string;
/** Runs `pnpm <args>` in the repository (a build), unless E2E_SKIP_BUILD is set and `output` exists. */
export declare function build(output: string, ...args: string[]): void;
/** Serves a folder on 127.0.0.1 (index.html for folders); `extra` maps more URL paths to files. */
export declare function serveDirectory(root: string, extra?: Record<string, string>): Promise<{
    url: string;
    server: Server;
}>;
//# sourceMappingURL=static-server.d.ts.map
/**
 * The Node.js content's configuration: the use cases that must each have a
 * threat model (from the Node.js Security Model Strategy), and the Node.js
 * security features that threats may cite.
 *
 * Adding a use case is one entry in `useCases` plus one file,
 * `threat-models/<id>.md` (`npm run new -- <id>` writes it).
 */
import fs from 'node:fs';
import path from 'node:path';
import {defineConfig} from './plugins/threat-model/lib/define-config';

/**
 * The Node.js vulnerability database snapshot is not in the repository: it
 * is the security working group's data, and a clone fetches it with
 * `npm run refresh-cve-db -- /path/to/security-wg`. Where it is, every cited
 * CVE is checked against it and the pages show each CVE's severity and fixed
 * releases; where it is not, the site builds as it did without evidence.
 */
const CVE_DATABASE = 'data/nodejs-vuln-core';
const hasCveDatabase = fs.existsSync(path.join(__dirname, CVE_DATABASE, 'snapshot.json'));

export default defineConfig({
  runtime: 'Node.js',
  dir: 'threat-models',
  // SECURITY.md wins where a model differs; each model names the revision it was checked against.
  policy: {label: 'SECURITY.md', url: 'https://github.com/nodejs/node/blob/{revision}/SECURITY.md'},
  // Each severity badge links to the rubric that defines the levels.
  severityRubric: '/docs/contributing#severity-rubric',
  // Every cited CVE is looked up in a dated snapshot of the Node.js vulnerability database
  // (`npm run refresh-cve-db` writes it); CVEs of other products are declared with their product.
  ...(hasCveDatabase ? {evidence: {
    cveDatabase: CVE_DATABASE,
    otherProducts: {
      'CVE-2025-30066': 'tj-actions/changed-files (GitHub Action)',
      'CVE-2025-30154': 'reviewdog/action-setup (GitHub Action)',
      'CVE-2026-45321': '@tanstack/* npm packages',
    },
  }} : {}),
  // Removed threat IDs stay reserved: {id, reason, replacedBy?} (see "What a change does to the models" in docs/contributing.md).
  retiredIds: [],
  useCases: [
    {id: 'server', label: 'Server', prefix: 'SRV'},
    {id: 'desktop', label: 'Desktop application', prefix: 'DSK'},
    {id: 'cli', label: 'Command-line tool', prefix: 'CLI'},
    {id: 'sea', label: 'Single executable application', prefix: 'SEA'},
    {id: 'ci-cd', label: 'CI/CD pipeline component', prefix: 'CICD'},
  ],
  features: [
    {id: '--permission', label: 'Permission model', description: 'Restricts file system, child process, worker, native addon and WASI access for the whole process, and also network access (from v25.0.0), the inspector (from v25.0.0 and v24.12.0), FFI (from v26.1.0) and OpenSSL STORE loaders (from v26.7.0); the current documentation adds environment variables. Stable from v22.13.0 and v23.5.0.', url: 'https://nodejs.org/api/permissions.html#permission-model'},
    {id: '--allow-fs-read', label: 'Allow file system reads', description: 'Grants read access to the listed paths when the permission model is on.', url: 'https://nodejs.org/api/cli.html#--allow-fs-read'},
    {id: '--allow-fs-write', label: 'Allow file system writes', description: 'Grants write access to the listed paths when the permission model is on.', url: 'https://nodejs.org/api/cli.html#--allow-fs-write'},
    {id: '--allow-child-process', label: 'Allow child processes', description: 'Lets a process under the permission model spawn child processes.', url: 'https://nodejs.org/api/cli.html#--allow-child-process'},
    {id: '--allow-worker', label: 'Allow worker threads', description: 'Lets a process under the permission model create worker threads.', url: 'https://nodejs.org/api/cli.html#--allow-worker'},
    {id: '--allow-addons', label: 'Allow native addons', description: 'Lets a process under the permission model load native addons.', url: 'https://nodejs.org/api/cli.html#--allow-addons'},
    {id: '--allow-wasi', label: 'Allow WASI', description: 'Lets a process under the permission model create WASI instances.', url: 'https://nodejs.org/api/cli.html#--allow-wasi'},
    {id: '--allow-net', label: 'Allow network access', description: 'Grants network access under the permission model (added in v25.0.0).', url: 'https://nodejs.org/api/cli.html#--allow-net'},
    {id: '--permission-audit', label: 'Permission audit mode', description: 'Reports permission-model violations on diagnostics channels without denying them (added in v25.8.0).', url: 'https://nodejs.org/api/cli.html#--permission-audit'},
    {id: '--allow-inspector', label: 'Allow the inspector', description: 'Lets a process under the permission model connect through the inspector protocol (added in v25.0.0 and v24.12.0; Stability 1.0, early development).', url: 'https://nodejs.org/api/cli.html#--allow-inspector'},
    {id: '--allow-ffi', label: 'Allow FFI', description: 'Lets a process under the permission model use the FFI APIs of node:ffi, which exists only in builds with FFI support (added in v26.1.0; Stability 1.1, active development).', url: 'https://nodejs.org/api/cli.html#--allow-ffi'},
    {id: '--allow-openssl-store', label: 'Allow OpenSSL STORE loaders', description: 'Lets a process under the permission model use OpenSSL STORE loaders, whose own access to files, devices, tokens or the network is not limited by the fs or net scopes (added in v26.7.0; Stability 1.1, active development).', url: 'https://nodejs.org/api/cli.html#--allow-openssl-store'},
    {id: '--allow-fs-vfs', label: 'Allow virtual file system mounts', description: 'Lets a process under the permission model mount a virtual file system with vfs.mount() (added in v26.9.0; Stability 1.1, active development).', url: 'https://nodejs.org/api/cli.html#--allow-fs-vfs'},
    {id: '--allow-env', label: 'Allow environment variables', description: 'Under the permission model, keeps only the environment variables it names and removes the rest at startup (Stability 1.1, active development; in the current documentation, not yet in the v26.10.0 documentation).', url: 'https://nodejs.org/api/cli.html#--allow-env'},
    {id: '--disable-proto', label: 'Disable __proto__', description: 'Removes Object.prototype.__proto__ or makes access to it throw.', url: 'https://nodejs.org/api/cli.html#--disable-protomode'},
    {id: '--frozen-intrinsics', label: 'Frozen intrinsics', description: 'Experimental: freezes built-in objects such as Array and Object in the main context.', url: 'https://nodejs.org/api/cli.html#--frozen-intrinsics'},
    {id: '--disallow-code-generation-from-strings', label: 'No code from strings', description: 'Makes eval and new Function throw; does not affect node:vm.', url: 'https://nodejs.org/api/cli.html#--disallow-code-generation-from-strings'},
    {id: '--max-http-header-size', label: 'Maximum HTTP header size', description: 'Caps the size of HTTP headers the parser accepts (16 KiB by default).', url: 'https://nodejs.org/api/cli.html#--max-http-header-sizesize'},
    {id: 'headersTimeout', label: 'server.headersTimeout', description: 'Limits how long an HTTP server waits for the complete request headers.', url: 'https://nodejs.org/api/http.html#serverheaderstimeout'},
    {id: 'requestTimeout', label: 'server.requestTimeout', description: 'Limits how long an HTTP server waits for the complete request.', url: 'https://nodejs.org/api/http.html#serverrequesttimeout'},
    {id: '--disable-sigusr1', label: 'Disable SIGUSR1 inspector activation', description: 'Stops SIGUSR1 from opening the inspector in a running process.', url: 'https://nodejs.org/api/cli.html#--disable-sigusr1'},
    {id: 'execArgvExtension', label: 'SEA execArgvExtension', description: 'Controls whether NODE_OPTIONS or --node-options can add runtime flags to a single executable application.', url: 'https://nodejs.org/api/single-executable-applications.html#execution-argument-extension'},
    {id: '--secure-heap', label: 'OpenSSL secure heap', description: 'Allocates an OpenSSL secure heap for sensitive key material (not on Windows).', url: 'https://nodejs.org/api/cli.html#--secure-heapn'},
    {id: '--report-exclude-env', label: 'Diagnostic reports without the environment', description: 'Leaves the environmentVariables section out of diagnostic reports (added in v23.3.0 and v22.13.0).', url: 'https://nodejs.org/api/cli.html#--report-exclude-env'},
  ],
});

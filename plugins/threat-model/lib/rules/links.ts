/**
 * Cross-file rule: every local link and image of a threat model reaches a
 * page, anchor or file that the build will have. `../read/links.ts` has
 * already refused targets outside the site.
 */
import {diagnostic, propose, type Diagnostic} from '../diagnostics';
import type {Config} from '../config';
import {canonicalId, typoOf} from '../ids';
import {featureAnchor, useCaseAnchor} from '../present';
import type {SiteFiles} from '../site';
import type {ThreatModel} from '../types';
import {visible} from '../visible';

export function checkLinks(models: ThreatModel[], config: Config, site: SiteFiles | undefined, files: readonly string[]): Diagnostic[] {
  const byFile = new Map(models.map((m) => [m.file, m]));
  const byUseCase = new Map(models.map((m) => [m.useCase, m]));
  const base = `/${config.site.routeBasePath.replace(/^\/+|\/+$/g, '')}`;
  const referenceAnchors = new Set([...config.features.map((f) => featureAnchor(f.id)), ...config.useCases.map((u) => useCaseAnchor(u.id))]);
  const out: Diagnostic[] = [];
  for (const model of models) {
    const broken = (link: {line: number; column: number}, rule: 'broken-link' | 'broken-anchor', message: string, hint: string, guess?: string, actual?: string) =>
      out.push(diagnostic(model.file, link, rule, message, hint, guess !== undefined && actual !== undefined ? {expected: [guess], actual} : undefined));
    for (const link of model.links) {
      const {target} = link;
      const what = link.image ? 'Image' : 'Link';
      const shown = `"${visible(link.url)}"`;
      if (target.kind === 'model' || (target.kind === 'route' && target.path.startsWith(`${base}/`))) {
        const other = target.kind === 'model'
          ? byFile.get(target.file)
          : byUseCase.get(target.path.slice(base.length + 1).replace(/\/+$/, ''));
        if (!other) {
          const exists = target.kind === 'model' && files.includes(target.file);
          broken(link, 'broken-link', `${what} ${shown} points at ${exists ? 'a threat model that has errors' : 'no threat model'}`,
            exists ? 'Fix the errors in that file first.' : `Threat models: ${models.map((m) => `./${m.file.split('/').pop()}`).join(', ') || 'none yet'}.`);
          continue;
        }
        if (target.anchor !== undefined && !other.anchors.includes(target.anchor)) {
          broken(link, 'broken-anchor', `${what} ${shown}: ${other.file} has no anchor "#${visible(target.anchor)}"`,
            anchorHint(target.anchor, other));
        }
        continue;
      }
      if (target.kind !== 'route') continue;
      if (!site) continue;
      const route = target.path.replace(/\/+$/, '');
      if (route === config.site.referencePath.replace(/\/+$/, '')) {
        if (target.anchor !== undefined && target.anchor !== '' && !referenceAnchors.has(target.anchor)) {
          const guess = propose(target.anchor, [...referenceAnchors]);
          broken(link, 'broken-anchor', `${what} ${shown}: the reference page has no anchor "#${visible(target.anchor)}"`,
            guess ? `Did you mean "#${guess}"?` : 'Link to a feature as `#feature-<id>` or to a use case as `#use-case-<id>`.', guess, target.anchor);
        }
        continue;
      }
      if (route === config.site.triagePath.replace(/\/+$/, '')) {
        // The triage page has one section per use case.
        const anchors = config.useCases.map((u) => useCaseAnchor(u.id));
        if (target.anchor !== undefined && target.anchor !== '' && !anchors.includes(target.anchor)) {
          const guess = propose(target.anchor, anchors);
          broken(link, 'broken-anchor', `${what} ${shown}: the triage page has no anchor "#${visible(target.anchor)}"`,
            guess ? `Did you mean "#${guess}"?` : 'Link to a use case\'s section as `#use-case-<id>`.', guess, target.anchor);
        }
        continue;
      }
      // The Changes page's anchors are commits (`#commit-<hash>`), which the files cannot know in advance.
      if (route === config.site.changesPath.replace(/\/+$/, '')) continue;
      if (!link.image && site.routes.has(route)) {
        const anchors = site.anchors(route);
        if (anchors && target.anchor !== undefined && target.anchor !== '' && !anchors.has(target.anchor)) {
          const guess = propose(target.anchor, [...anchors]);
          broken(link, 'broken-anchor', `${what} ${shown}: the page ${route || '/'} has no anchor "#${visible(target.anchor)}"`,
            guess ? `Did you mean "#${guess}"?` : anchors.size > 0 ? `Its anchors: ${[...anchors].slice(0, 12).map((a) => `#${a}`).join(', ')}.` : 'That page has no headings to link to.', guess, target.anchor);
        }
        continue;
      }
      if (site.isStaticFile(target.path)) continue;
      const routes = [...site.routes].filter(Boolean);
      const guess = propose(route, routes);
      broken(link, 'broken-link', `${what} ${shown} is neither a page of the site nor a file in ${config.site.staticDirectories.join(', ')}`,
        guess ? `Did you mean "${guess}"?` : link.image ? 'Put the image in `static/img/` and write `/img/<name>`.' : 'Check the URL; pages of the site are linked by their route, e.g. `/docs/…`.', guess, route);
    }
  }
  return out;
}

/** A typo of a threat ID or of a heading's anchor; never a neighbouring threat. */
export function anchorHint(anchor: string, model: ThreatModel): string {
  const ids = model.threats.map((t) => t.id);
  const typo = typoOf(anchor, ids) ?? (canonicalId(anchor) ? undefined : propose(anchor, model.anchors.filter((a) => !ids.includes(a))));
  if (typo) return `Did you mean "#${typo}"?`;
  return ids.length > 0 ? `Threats of ${model.file}: ${ids.join(', ')}.` : 'Link to a heading of that page.';
}

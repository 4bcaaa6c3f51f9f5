import {loadConfig, loadThreatModels} from '../plugins/threat-model';
import c from '../threat-model.config';
const config = loadConfig(c);
const {index} = loadThreatModels(config.dir, config, process.cwd());
for (const m of index.models) for (const t of m.threats) {
  const refs = (index.backlinks[t.id] ?? []);
  const crossRefs = refs.filter((id) => index.locations[id]?.useCase !== t.useCase);
  const cross = t.related.filter((id) => index.locations[id]?.useCase !== t.useCase);
  if (crossRefs.length === 0 && cross.length) console.log(t.id, JSON.stringify(t.title), '->', cross.join(','), 'refs', refs.join(','));
}

import {VFile} from 'vfile';
import {reporter} from 'vfile-reporter';
import {diagnostic} from '../plugins/threat-model/lib/diagnostics';
const d = diagnostic('threat-models/web.md', {start: {line: 36, column: 22}, end: {line: 36, column: 30}}, 'invalid-value', 'Invalid Severity "critcal" in WEB-03 (did you mean "critical"?)', 'Allowed values: low, medium, high, critical.', {expected: ['critical'], actual: 'critcal'});
const w = diagnostic('threat-models/web.md', {line: 28, column: 1}, 'section-order', 'Section out of order', 'Move it.');
const file = new VFile({path: 'threat-models/web.md'});
file.messages.push(d, w);
console.log(reporter([file], {color: false}));
console.log(reporter([file], {color: false, verbose: true}));

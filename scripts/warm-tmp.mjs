import '/work/main/scripts/corpus/rethrow.js';
import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import { configFor, LINTER_CWD, loadPlugin, modesFor, strictestConfig } from '/work/main/scripts/corpus/lint-file.js';
const plugin = await loadPlugin();
const files = Object.values(JSON.parse(readFileSync('/tmp/analyzed.json','utf8'))).flat();
const uniq=[...new Set(files)];
const rules=[{ ...strictestConfig(plugin), settings: { 'shared-client': { project: false } } }];
const linter = new Linter({ cwd: LINTER_CWD });
for (let round=0; round<40; round++){ let ms=0; const per={};
 for (const filename of uniq){ const text=readFileSync(filename,'utf8'); for (const mode of modesFor(filename)) { if (mode !== modesFor(filename)[0]) break;
  linter.verifyAndFix(text, configFor(mode, rules), {filename, fix:false, stats:true, allowInlineConfig:false});
  const p=linter.getTimes().passes[0]??{};
  for (const [id,v] of Object.entries(p.rules??{})) if (id.startsWith('shared-client')) { ms+=v.total; per[filename]=(per[filename]||0)+v.total; }
 }}
 const top=Object.entries(per).sort((a,b)=>b[1]-a[1]).slice(0,4).map(([f,v])=>f.split('/').pop()+' '+v.toFixed(2)).join(', ');
 console.log('round',round,'files',uniq.length,'plugin ms',ms.toFixed(1), top);
}

const fs=require('fs');const dir=process.argv[2];const f=fs.readdirSync(dir).map(x=>dir+'/'+x)[0];
const p=JSON.parse(fs.readFileSync(f));const byId=new Map(p.nodes.map(n=>[n.id,n]));
const parent=new Map();for(const n of p.nodes)for(const c of n.children||[])parent.set(c,n.id);
const cnt=new Map();for(const s of p.samples)cnt.set(s,(cnt.get(s)||0)+1);
const interval=(p.endTime-p.startTime)/p.samples.length/1000;
const incl=new Map(), self=new Map();
for(const [id,c] of cnt){const seen=new Set();let cur=id;let first=true;while(cur!==undefined){const n=byId.get(cur);const k=n.callFrame.functionName+" "+n.callFrame.url.replace("file:///work/main/","").replace(/.*node_modules\//,"nm/")+":"+n.callFrame.lineNumber;if(first){self.set(k,(self.get(k)||0)+c);first=false;}if(!seen.has(k)){seen.add(k);incl.set(k,(incl.get(k)||0)+c);}cur=parent.get(cur);}}
const filt=process.argv[3];
console.log('INCLUSIVE');for(const [k,v] of [...incl].sort((a,b)=>b[1]-a[1]).filter(([k])=>k.includes(filt)&&!k.includes("nm/")).slice(0,30)) console.log((v*interval).toFixed(0)+'ms '+k);
console.log('SELF');for(const [k,v] of [...self].sort((a,b)=>b[1]-a[1]).filter(([k])=>k.includes(filt)&&!k.includes("nm/")).slice(0,15)) console.log((v*interval).toFixed(0)+'ms '+k);

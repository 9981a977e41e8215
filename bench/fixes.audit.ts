// Every fix over a folder of real code, applied in memory as `mldebt check --fix --unsafe-fixes`
// applies them (Fix All, every rule), and held to what a fix must do:
// - leave valid Python: no cell or file that parsed before stops parsing;
// - remove its finding: after Fix All, no finding is left with a fix (one a check refused is counted apart);
// - be idempotent: Fix All on the fixed text applies nothing;
// - touch nothing else: findings of rules whose fixes did not run in that file should not
//   disappear. Some may rightly go (a seed fix gives an estimator its first argument, which
//   MLD604 counts), so these are printed for a reader to judge, not counted as failures.
// Run: npm run bench:fixes -- DIR   (exits 1 when a fix broke one of the first three)
import { fixAll } from '../server/src/fixAll';
import { defaultConfig } from '../server/src/config/settings';
import { initParser } from '../server/src/parsing/parser';
import { buildDocument } from '../server/src/documents/source';
import { analyzeDocument } from '../server/src/analyze';
import type { Finding } from '../server/src/engine/types';
import { folderSources } from './folder';

/** A finding by rule and message, numbers left out: a fix that inserts a line moves the lines messages name. */
const key = (finding: Finding) => `${finding.code} ${finding.message.replace(/\d+/g, '#')}`;

function countBy(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return counts;
}

async function main(folder: string): Promise<number> {
  const parser = await initParser();
  const config = { ...defaultConfig(), select: ['ALL'] };
  const failures: string[] = [];
  const gone: string[] = [];
  let files = 0;
  let fixed = 0;
  let applied = 0;
  let refused = 0;
  const started = performance.now();
  for (const { file, source } of folderSources(folder, config.maxFileSize)) {
    files++;
    const first = analyzeDocument(buildDocument(source), config, { parser });
    if (!first.findings.some((finding) => finding.fix)) continue;
    const result = fixAll(parser, source, config, { includeUnsafe: true, remaining: true });
    if (result.applied.length === 0) continue;
    fixed++;
    applied += result.applied.length;
    const broken = [...first.cleanSegments].filter((uri) => !result.remaining!.cleanSegments.has(uri));
    if (broken.length > 0) failures.push(`${file}: no longer parses in ${broken.length} segment(s)`);
    const left = result.remaining!.findings.filter((finding) => finding.fix);
    // Fixes a check refused (they would break a cell) are left for the user by design.
    const again = fixAll(parser, result.source, config, { includeUnsafe: true });
    refused += left.length - again.applied.length;
    if (again.applied.length > 0) failures.push(`${file}: a second Fix All applied ${again.applied.length} more (${[...new Set(again.applied.map((f) => f.code))].join(', ')})`);
    const fixedRules = new Set(result.applied.map((finding) => finding.code));
    const after = countBy(result.remaining!.findings);
    for (const [finding, count] of countBy(first.findings.filter((f) => !fixedRules.has(f.code)))) {
      if ((after.get(finding) ?? 0) < count) gone.push(`${file}: ${finding.slice(0, 160)}`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${folder}: ${files} files, ${fixed} changed by ${applied} fixes (${refused} refused by the parse check), ${seconds} s`);
  console.log(`fixes that broke a rule of fixing: ${failures.length}`);
  for (const failure of failures) console.log(`  ${failure}`);
  console.log(`findings of rules that fixed nothing in their file, gone after the fixes (judge each): ${gone.length}`);
  for (const line of gone) console.log(`  ${line}`);
  return failures.length > 0 ? 1 : 0;
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: npm run bench:fixes -- DIR');
  process.exit(2);
}
main(folder).then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(2);
});

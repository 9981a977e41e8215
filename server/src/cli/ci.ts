// Formats for CI services: GitHub Actions workflow commands (annotations on the pull request)
// and JUnit XML (test dashboards: one test case per file, a failure per finding).
import type { Report } from './formats';
import { isErrorProblem } from './read';

const GITHUB_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

// Workflow command escaping: data escapes %, CR and LF; property values also ':' and ','.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: Report): string {
  const lines = report.findings.map((f) => {
    const at = f.ipynb ?? f;
    const props = `file=${escapeProperty(report.rootRelative(f.file))},line=${at.line},col=${at.column},endLine=${at.endLine},endColumn=${at.endColumn},title=${escapeProperty(`${f.code} ${f.name}`)}`;
    const where = f.cell !== undefined ? `cell ${f.cell}, line ${f.line}: ` : '';
    return `::${GITHUB_LEVEL[f.severity] ?? 'warning'} ${props}::${escapeData(where + f.message)}`;
  });
  for (const p of report.notAnalysed) {
    const line = p.cell === undefined && p.line !== undefined ? `,line=${p.line}` : '';
    lines.push(`::${isErrorProblem(p) ? 'error' : 'notice'} file=${escapeProperty(report.rootRelative(p.file))}${line},title=${escapeProperty(`mldebt: not analysed (${p.kind})`)}::${escapeData(p.reason)}`);
  }
  return lines.join('\n');
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // XML 1.0 cannot hold most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');

export function formatJunit(report: Report): string {
  const problems = new Map(report.notAnalysed.map((p) => [p.file, p]));
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const file of report.files) {
    const findings = report.findings.filter((f) => f.file === file);
    const problem = problems.get(file);
    const name = xml(file);
    if (problem && problem.kind !== 'syntax-error') {
      if (isErrorProblem(problem)) {
        errors++;
        cases.push(`    <testcase classname="${name}" name="${name}" file="${name}"><error type="${problem.kind}" message="${xml(problem.reason)}"/></testcase>`);
      } else {
        skipped++;
        cases.push(`    <testcase classname="${name}" name="${name}" file="${name}"><skipped message="${xml(problem.reason)}"/></testcase>`);
      }
      continue;
    }
    if (problem) {
      errors++;
      cases.push(`    <testcase classname="${name}" name="${name}: syntax" file="${name}"><error type="syntax-error" message="${xml(problem.reason)}"/></testcase>`);
    }
    if (findings.length === 0 && !problem) cases.push(`    <testcase classname="${name}" name="${name}" file="${name}"/>`);
    for (const f of findings) {
      failures++;
      const at = `${f.cell !== undefined ? `cell ${f.cell}, ` : ''}${f.line}:${f.column}`;
      const detail = `${f.file}:${at}: ${f.code} ${f.name} (${f.section})\n${f.message}${f.snippet ? `\n\n    ${f.snippet.trim()}` : ''}`;
      cases.push(`    <testcase classname="${name}" name="${xml(`${f.code} ${f.name} at ${at}`)}" file="${name}" line="${f.ipynb?.line ?? f.line}"><failure type="${f.code}" message="${xml(f.message)}">${xml(detail)}</failure></testcase>`);
    }
  }
  const tests = cases.length;
  const counts = `tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mldebt" ${counts}>`,
    `  <testsuite name="mldebt check" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}

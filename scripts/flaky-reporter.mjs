// A vitest reporter that writes the tests that failed and then passed on a retry (`--retry`) to
// the JSON file named by FLAKY_REPORT, with the first error of the failed attempt, so the summary
// of `npm test` can name them: a retry keeps CI from failing on a flake, not from showing it.
import { writeFileSync } from 'node:fs';

export default class FlakyReporter {
  flaky = [];

  onTestCaseResult(testCase) {
    if (!testCase.diagnostic()?.flaky) return;
    const error = testCase.result().errors?.[0];
    this.flaky.push({
      where: testCase.module.moduleId,
      name: testCase.fullName,
      why: error?.message ?? '',
    });
  }

  onTestRunEnd() {
    if (process.env.FLAKY_REPORT)
      writeFileSync(process.env.FLAKY_REPORT, JSON.stringify(this.flaky));
  }
}

import { describe, it, expect } from 'vitest';
import { isTestPath } from '../../../src/scan/extract.js';
import { rowsOf } from './rows.js';

describe('test files and fixtures', () => {
  it.each([
    // folders
    'tests/mail.py', 'app/tests/conftest.py', 'spec/notify_spec.rb', 'src/test/java/shop/LlmTest.java', '__tests__/a.ts', 'cypress/e2e/checkout.cy.ts',
    'pkg/testdata/config.yaml', 'fixtures/app.py', 'examples/quickstart.py', 'Tests/AppTests/AppTests.swift', 'MyApp.Tests/Notify.cs', 'src/Shop.UnitTests/Billing.cs', '__mocks__/stripe.js', 'nock/paymentsNock.js',
    // names
    'conftest.py', 'test_mail.py', 'mail_test.py', 'pkg/mail/mail_test.go', 'lib/notify_test.rb', 'test/mailer_test.exs', 'lib/mail_test.dart',
    'src/NotifyTest.php', 'src/main/java/shop/CheckoutIT.java', 'src/BillingTests.cs', 'src/a.test.ts', 'src/a.spec.js', 'src/Button.stories.tsx', 'Sources/AppSpec.scala',
    // a framework's settings for its test environment
    'config/test.exs', 'config/environments/test.rb', 'src/main/resources/application-test.yml', 'app/settings/test.py', '.env.test',
  ])('%s is a test file', (path) => {
    expect(isTestPath(path)).toBe(true);
  });

  it.each([
    'src/main/java/shop/Latest.java', 'src/Contest.php', 'app/testimonials.py', 'lib/attestation.rb', 'src/specification/rules.py', 'latest/app.py',
    'src/demo.py', 'app/notify.py', 'src/knock/client.js', 'cmd/server/main.go', 'src/Habit.java', 'internal/testing.go',
    'config/prod.exs', 'config/environments/production.rb', 'src/main/resources/application-prod.yml', 'app/settings/production.py', '.env.production',
  ])('%s is not a test file', (path) => {
    expect(isTestPath(path)).toBe(false);
  });

  it('marks every evidence from a test file as dev, with its usual confidence', () => {
    const src = 'import sentry_sdk\nOPENAI_API_KEY = "x"\nURL = "https://api.openai.com/v1"\n';
    expect(rowsOf('tests/test_llm.py', src)).toEqual(['1 import sentry high dev', '2 env openai low dev', '3 code-url openai medium dev']);
    expect(rowsOf('app/llm.py', src)).toEqual(['1 import sentry high', '2 env openai low', '3 code-url openai medium']);
  });
});

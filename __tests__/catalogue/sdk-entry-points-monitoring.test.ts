import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

// SDK entry points a file calls without an import of the SDK (autoloaded gems, global usings …).
describe('SDK entry points without an import (monitoring)', () => {
  it.each([
    // Sentry
    ['config/initializers/sentry.rb', 'Sentry.init do |config|\n  config.dsn = ENV["SENTRY_URL"]\n  config.breadcrumbs_logger = [:active_support_logger]\nend\n', ['sentry']],
    ['app/src/main/java/com/example/App.kt', 'class App : Application() {\n  override fun onCreate() {\n    super.onCreate()\n    Sentry.init { options ->\n      options.dsn = BuildConfig.DSN\n    }\n  }\n}\n', ['sentry']],
    ['app/jobs/import_job.rb', 'def perform\n  run!\nrescue => e\n  Sentry.capture_exception(e)\nend\n', ['sentry']],
    ['lib/my_app/worker.ex', 'try do\n  run()\nrescue\n  e -> Sentry.capture_message("import failed")\nend\n', ['sentry']],
    ['app/src/main/java/com/example/MainApplication.kt', 'override fun onCreate() {\n  super.onCreate()\n  SentryAndroid.init(this) { options ->\n    options.dsn = BuildConfig.DSN\n  }\n}\n', ['sentry']],
    ['ios/App/AppDelegate.swift', 'func application(_ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]?) -> Bool {\n  SentrySDK.start { options in\n    options.debug = true\n  }\n  return true\n}\n', ['sentry']],
    ['ios/App/AppDelegate.m', '- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {\n  [SentrySDK startWithConfigureOptions:^(SentryOptions *options) {\n    options.debug = YES;\n  }];\n  return YES;\n}\n', ['sentry']],
    ['src/Console/Program.cs', 'using var _ = SentrySdk.Init(options =>\n{\n    options.Debug = true;\n});\n', ['sentry']],
    ['src/Web/Program.cs', 'var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.UseSentry();\nvar app = builder.Build();\n', ['sentry']],
    ['config/config.exs', 'config :sentry,\n  environment_name: Mix.env(),\n  enable_source_code_context: true\n', ['sentry']],
    ['cmd/server/main.go', 'func main() {\n\terr := sentry.Init(sentry.ClientOptions{\n\t\tDebug: true,\n\t})\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n', ['sentry']],
    // Bugsnag
    ['config/initializers/bugsnag.rb', 'Bugsnag.configure do |config|\n  config.notify_release_stages = ["production"]\nend\n', ['bugsnag']],
    ['app/Http/Controllers/ImportController.php', '<?php\ntry {\n    $this->run();\n} catch (Exception $e) {\n    Bugsnag::notifyException($e);\n}\n', ['bugsnag']],
    ['src/Web/Startup.cs', 'public void ConfigureServices(IServiceCollection services)\n{\n    services.AddBugsnag(configuration => {\n        configuration.ReleaseStage = "production";\n    });\n}\n', ['bugsnag']],
    ['src/Worker/Program.cs', 'var client = new Bugsnag.Client(new Configuration(apiKey));\n', ['bugsnag']],
    // Rollbar
    ['config/initializers/rollbar.rb', 'Rollbar.configure do |config|\n  config.enabled = Rails.env.production?\nend\n', ['rollbar']],
    ['public/index.php', '<?php\nrequire_once "rollbar.php";\nRollbar::init($config);\n', ['rollbar']],
    ['src/Api/Program.cs', 'RollbarLocator.RollbarInstance.Configure(new RollbarConfig(token) { Environment = "production" });\n', ['rollbar']],
    // Honeybadger
    ['config/initializers/honeybadger.rb', 'Honeybadger.configure do |config|\n  config.exceptions.ignore += [CustomError]\nend\n', ['honeybadger']],
    ['config/prod.exs', 'config :honeybadger,\n  environment_name: :prod\n', ['honeybadger']],
    ['src/Web/Program.cs', 'var builder = WebApplication.CreateBuilder(args);\nbuilder.AddHoneybadger(configure =>\n{\n    configure.ReportData = true;\n});\n', ['honeybadger']],
    // Airbrake
    ['config/initializers/airbrake.rb', 'Airbrake.configure do |c|\n  c.root_directory = Rails.root\n  c.environment = Rails.env\nend\n', ['airbrake']],
    // AppSignal
    ['config/initializers/appsignal.rb', 'Appsignal.configure do |config|\n  config.ignore_actions = ["HealthController#show"]\nend\n', ['appsignal']],
    ['config/config.exs', 'config :appsignal, :config,\n  otp_app: :my_app,\n  active: true\n', ['appsignal']],
    // Raygun
    ['config/initializers/raygun.rb', 'Raygun.setup do |config|\n  config.filter_parameters = [:password]\n  config.enable_reporting = Rails.env.production?\nend\n', ['raygun']],
    ['src/Web/Program.cs', 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddRaygun(settings =>\n{\n    settings.ApiKey = builder.Configuration["Key"];\n});\n', ['raygun']],
    ['src/Desktop/ErrorReporter.cs', 'public static class ErrorReporter\n{\n    private static readonly RaygunClient Client = new RaygunClient(Settings.Key);\n}\n', ['raygun']],
    // Datadog
    ['config/initializers/datadog.rb', 'Datadog.configure do |c|\n  c.tracing.instrument :rails\n  c.service = "web"\nend\n', ['datadog']],
    // New Relic
    ['src/Handler.php', '<?php\nnewrelic_name_transaction("checkout");\ntry {\n    $cart->pay();\n} catch (Exception $e) {\n    newrelic_notice_error($e);\n}\n', ['new-relic']],
    ['config/runtime.exs', 'config :new_relic_agent,\n  app_name: "My App",\n  log: "stdout"\n', ['new-relic']],
    // Azure Application Insights
    ['src/Web/Program.cs', 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddApplicationInsightsTelemetry();\nvar app = builder.Build();\n', ['microsoft-azure']],
    ['src/Worker/Program.cs', 'IHost host = Host.CreateDefaultBuilder(args)\n    .ConfigureServices(services => services.AddApplicationInsightsTelemetryWorkerService())\n    .Build();\n', ['microsoft-azure']],
    ['src/Api/Program.cs', 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddOpenTelemetry().UseAzureMonitor();\n', ['microsoft-azure']],
    // Segment
    ['config/initializers/analytics.rb', 'Analytics = Segment::Analytics.new(write_key: ENV["WRITE_KEY"], on_error: proc { |_s, msg| Rails.logger.warn(msg) })\n', ['segment']],
    ['web/track.php', '<?php\nrequire_once("/path/to/analytics-php/lib/Segment.php");\nSegment::init($writeKey);\n', ['segment']],
    // Mixpanel
    ['web/track.php', '<?php\nrequire "vendor/autoload.php";\n$mp = Mixpanel::getInstance($token);\n$mp->track("button clicked");\n', ['mixpanel']],
    // PostHog
    ['config/initializers/posthog.rb', '$posthog = PostHog::Client.new({\n  api_key: ENV["PH_KEY"],\n  on_error: Proc.new { |status, msg| print msg }\n})\n', ['posthog']],
    ['src/Web/Program.cs', 'var builder = WebApplication.CreateBuilder(args);\nbuilder.AddPostHog();\n', ['posthog']],
    // LaunchDarkly
    ['config/initializers/launchdarkly.rb', 'Rails.configuration.ld_client = LaunchDarkly::LDClient.new(ENV["LD_KEY"])\n', ['launchdarkly']],
    ['src/Web/Program.cs', 'var ldConfig = Configuration.Default(sdkKey);\nvar client = new LdClient(ldConfig);\n', ['launchdarkly']],
    // Intercom
    ['config/initializers/intercom.rb', 'IntercomRails.config do |config|\n  config.include_for_logged_out_users = true\nend\n', ['intercom']],
    // Firebase
    ['ios/Runner/AppDelegate.swift', 'override func application(_ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]?) -> Bool {\n  FirebaseApp.configure()\n  return super.application(application, didFinishLaunchingWithOptions: launchOptions)\n}\n', ['firebase']],
    ['ios/App/AppDelegate.mm', '- (BOOL)application:(UIApplication *)application didFinishLaunchingWithOptions:(NSDictionary *)launchOptions\n{\n  [FIRApp configure];\n  return YES;\n}\n', ['firebase']],
    ['app/src/main/java/com/example/MyApp.kt', 'class MyApp : Application() {\n  override fun onCreate() {\n    super.onCreate()\n    FirebaseApp.initializeApp(this)\n  }\n}\n', ['firebase']],
    // OneSignal
    ['ios/App/AppDelegate.swift', 'func application(_ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]?) -> Bool {\n  OneSignal.initialize(appId, withLaunchOptions: launchOptions)\n  return true\n}\n', ['onesignal']],
    ['app/src/main/java/com/example/MainApplication.kt', 'override fun onCreate() {\n  super.onCreate()\n  OneSignal.initWithContext(this, appId)\n}\n', ['onesignal']],

    // near misses that must stay silent:
    ['app/models/user.rb', 'def init\n  @sentry = Guard.new\nend\n', []],
    ['config/initializers/monitoring.rb', '# Sentry.init do |config| was removed; Rollbar.configure do |c| too\nMonitor.configure do |config|\n  config.enabled = true\nend\n', []],
    ['lib/game/sentry.rb', 'class Sentry\n  def self.init(tower)\n    new(tower)\n  end\nend\nSentry.init(tower)\n', []],
    ['app/services/alerts.rb', 'Notifier.configure do |c|\n  c.channel = "#ops"\nend\n', []],
    ['src/Web/Program.cs', '// TODO: builder.Services.AddApplicationInsightsTelemetry();\nbuilder.Services.AddTelemetryConsumer();\nbuilder.Services.AddRazorPages();\n', []],
    ['src/Web/Program.cs', 'var client = new HttpClient();\nvar tracker = new Client(settings);\n', []],
    ['docs/README.md', 'We used Bugsnag and Raygun before; see Segment::init notes in the wiki.\n', []],
    ['lib/geometry/line.php', '<?php\n$seg = Segment::fromPoints($a, $b);\n$len = $seg->length();\n', []],
    ['config/config.exs', 'config :my_app, MyApp.Repo,\n  pool_size: 10\nconfig :logger, level: :info\n', []],
    ['ios/App/AppDelegate.swift', 'func application(_ application: UIApplication) {\n  AppConfig.configure()\n  Logger.start()\n}\n', []],
    ['src/Handler.php', '<?php\nfunction notice_error($e) { error_log($e->getMessage()); }\nnotice_error($e);\n', []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

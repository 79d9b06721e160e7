import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

// SDK entry points a file calls without an import of the SDK (autoloaded gems, global usings,
// PHP's global classes and facades, Rails initializers and storage.yml, framework registrations).
describe('SDK entry points without an import (services)', () => {
  it.each([
    // Stripe
    ['config/initializers/stripe.rb', "Stripe.api_key = ENV.fetch('SK')\n", ['stripe']],
    ['src/main/java/shop/PaymentConfig.java', 'class PaymentConfig {\n  static { Stripe.apiKey = System.getenv("SK"); }\n}\n', ['stripe']],
    ['Program.cs', 'StripeConfiguration.ApiKey = builder.Configuration["Payments:Secret"];\n', ['stripe']],
    ['app/Http/Controllers/CheckoutController.php', '<?php\n$stripe = new \\Stripe\\StripeClient($key);\n', ['stripe']],
    ['lib/billing.php', '<?php\n\\Stripe\\Stripe::setApiKey($secret);\n', ['stripe']],
    ['config/runtime.exs', 'import Config\nconfig :stripity_stripe, api_key: System.get_env("SK")\n', ['stripe']],
    // Braintree
    ['app/services/payments.rb', 'GATEWAY = Braintree::Gateway.new(\n  environment: :sandbox,\n  merchant_id: ENV["MID"]\n)\n', ['braintree']],
    ['routes/web.php', "<?php\n$gateway = new Braintree\\Gateway([\n  'environment' => 'sandbox',\n]);\n", ['braintree']],
    ['Services/PaymentService.cs', 'var gateway = new BraintreeGateway\n{\n    MerchantId = merchantId,\n};\n', ['braintree']],
    // PayPal
    ['config/initializers/paypal.rb', 'PayPal::SDK.configure(\n  mode: "sandbox",\n  client_id: ENV["ID"]\n)\n', ['paypal']],
    // Adyen
    ['app/controllers/checkouts_controller.rb', 'adyen = Adyen::Client.new\nadyen.env = :test\n', ['adyen']],
    ['src/Payment.php', '<?php\n$client = new \\Adyen\\Client();\n$client->setXApiKey($key);\n', ['adyen']],
    // Twilio
    ['app/jobs/sms_job.rb', '@client = Twilio::REST::Client.new(sid, token)\n', ['twilio']],
    ['Program.cs', 'TwilioClient.Init(accountSid, authToken);\n', ['twilio']],
    ['src/main/java/app/Sms.java', 'class Sms {\n  void init() { Twilio.init(sid, token); }\n}\n', ['twilio']],
    ['sms.php', '<?php\n$client = new Twilio\\Rest\\Client($sid, $token);\n', ['twilio']],
    // Twilio's REST API called by hand; SignalWire's compatible API serves the same path under /api/laml/.
    ['server/server_twilio.go', 'url := fmt.Sprintf("%s/2010-04-01/Accounts/%s/Messages.json", s.config.BaseURL, sid)\n', ['twilio']],
    ['sms.py', 'url = f"https://{space}.signalwire.com/api/laml/2010-04-01/Accounts/{project}/Messages.json"\n', []],
    // WordPress plugins' licensing and opt-in tracking SDKs, and a Godot game's backend addon.
    ['freemius-init.php', "<?php\nfunction acme_fs() {\n  require_once dirname( __FILE__ ) . '/freemius/start.php';\n  $fs = fs_dynamic_init( array( 'id' => '1234', 'slug' => 'acme' ) );\n}\n", ['freemius']],
    ['includes/appsero.php', "<?php\nfunction appsero_init_tracker_acme() {\n  $client = new Appsero\\Client( 'hash', 'Acme', __FILE__ );\n  $client->insights()->init();\n}\n", ['appsero']],
    ['src/Http.php', "<?php\n$guzzle = new GuzzleHttp\\Client();\nif ( $plan->is_premium() ) {}\n", []],
    ['Global.gd', 'extends Node\nfunc _ready():\n\tSilentWolf.configure({\n\t\t"api_key": "x",\n\t\t"game_id": "y"\n\t})\n', ['silentwolf']],
    // Auth.js providers, each a module of next-auth's (or @auth/*'s) own package.
    ['src/lib/auth.ts', 'import NextAuth from "next-auth";\nimport GitHub from "next-auth/providers/github";\nimport Google from "next-auth/providers/google";\nimport Resend from "next-auth/providers/resend";\nimport Credentials from "next-auth/providers/credentials";\nexport const { handlers } = NextAuth({ providers: [GitHub, Google, Resend, Credentials] });\n', ['github', 'google-identity-services', 'resend']],
    ['src/lib/auth.ts', 'import NextAuth from "next-auth";\nimport Credentials from "next-auth/providers/credentials";\n', []],
    // Data pipelines: Airflow's old contrib Snowflake operator, the async Fivetran provider, a Prefect Slack block.
    ['dags/snowflake_dag.py', 'from airflow import DAG\nfrom airflow.contrib.operators.snowflake_operator import SnowflakeOperator\n', ['snowflake']],
    ['dags/example_fivetran.py', 'from fivetran_provider_async.operators import FivetranOperator\n', ['fivetran']],
    ['flows/notify.py', 'def notify():\n    block = SlackWebhook.load("alerts")\n    block.notify("Hello from Prefect!")\n', ['slack']],
    // An ECS task definition: a container's logs to CloudWatch (awslogs), FireLens' Fluent Bit to Elastic Cloud.
    ['ecs/task-definition.json', '{"containerDefinitions": [{"logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "app"}}}]}', ['aws']],
    ['ecs/task-definition.json', '{"containerDefinitions": [{"logConfiguration": {"logDriver": "awsfirelens", "options": {"Name": "es", "Cloud_ID": "<id>"}}}]}', ['elastic-cloud']],
    // Elixir's Twilio client, called without an import.
    ['lib/inform/twilio_service.ex', 'defmodule Inform.TwilioService do\n  def send(to, body), do: ExTwilio.Message.create(to: to, from: @from, body: body)\nend\n', ['twilio']],
    // Social login: python-social-auth's backends (the old `social` package too) and django-allauth's providers.
    ['tweets/settings/social_settings.py', "AUTHENTICATION_BACKENDS = (\n    'social.backends.facebook.FacebookOAuth2',\n    'django.contrib.auth.backends.ModelBackend',\n)\n", ['facebook-sdk']],
    ['app/settings.py', "AUTHENTICATION_BACKENDS = ['social_core.backends.google.GoogleOAuth2', 'social_core.backends.github.GithubOAuth2']\n", ['github', 'google-identity-services']],
    ['app/settings.py', "INSTALLED_APPS = [\n    'allauth.socialaccount',\n    'allauth.socialaccount.providers.google',\n]\n", ['google-identity-services']],
    ['app/settings.py', "SOCIAL_AUTH_FACEBOOK_KEY = os.environ['FB_KEY']\n", ['facebook-sdk']],
    // SendGrid
    ['Services/EmailSender.cs', 'var client = new SendGridClient(apiKey);\n', ['sendgrid']],
    ['Program.cs', 'builder.Services.AddSendGrid(options => { options.ApiKey = key; });\n', ['sendgrid']],
    ['app/mailers/notifier.rb', 'sg = SendGrid::API.new(api_key: key)\n', ['sendgrid']],
    ['mail.php', "<?php\n$sendgrid = new \\SendGrid(getenv('MAIL_KEY'));\n", ['sendgrid']],
    // Mailgun
    ['app/services/mailer.rb', "mg_client = Mailgun::Client.new 'key'\n", ['mailgun']],
    ['config/initializers/mailgun.rb', 'Mailgun.configure do |config|\n  config.api_key = key\nend\n', ['mailgun']],
    ['config/environments/production.rb', 'Rails.application.configure do\n  config.action_mailer.delivery_method = :mailgun\nend\n', ['mailgun']],
    // Postmark
    ['app/services/receipts.rb', 'client = Postmark::ApiClient.new(token)\n', ['postmark']],
    ['config/application.rb', 'config.action_mailer.delivery_method = :postmark\n', ['postmark']],
    ['Services/Mail.cs', 'var client = new PostmarkClient(serverToken);\n', ['postmark']],
    // Amazon SES
    ['app/services/ses.rb', "ses = Aws::SESV2::Client.new(region: 'eu-west-1')\n", ['amazon-ses']],
    ['config/environments/production.rb', 'config.action_mailer.delivery_method = :ses_v2\n', ['amazon-ses']],
    ['jobs/mail.py', "import boto3\nses = boto3.client('ses')\n", ['amazon-ses', 'aws']],
    // AWS (fog/CarrierWave, Active Storage, Ruby and .NET SDKs, boto3)
    ['config/initializers/carrierwave.rb', "CarrierWave.configure do |config|\n  config.fog_credentials = {\n    provider: 'AWS',\n    region: 'eu-west-1'\n  }\nend\n", ['aws']],
    ['config/initializers/carrierwave.rb', "CarrierWave.configure do |config|\n  config.fog_provider = 'fog/aws'\nend\n", ['aws']],
    ['config/storage.yml', 'amazon:\n  service: S3\n  bucket: my-bucket\n', ['aws']],
    ['app/services/uploader.rb', 's3 = Aws::S3::Client.new(region: "eu-west-1")\n', ['aws']],
    ['Program.cs', 'builder.Services.AddAWSService<IAmazonS3>();\n', ['aws']],
    ['Startup.cs', 'services.AddDefaultAWSOptions(Configuration.GetAWSOptions());\n', ['aws']],
    ['jobs/export.py', "s3 = boto3.client('s3')\n", ['aws']],
    // Google Cloud Storage
    ['app/services/gcs.rb', 'storage = Google::Cloud::Storage.new(project_id: "p")\n', ['google-cloud']],
    ['config/storage.yml', 'google:\n  service: GCS\n  bucket: b\n', ['google-cloud']],
    ['Services/Blobs.cs', 'var storage = StorageClient.Create();\n', ['google-cloud']],
    // Cloudinary
    ['config/initializers/cloudinary.rb', "Cloudinary.config do |config|\n  config.cloud_name = 'sample'\nend\n", ['cloudinary']],
    ['app/models/photo.rb', 'Cloudinary::Uploader.upload(file)\n', ['cloudinary']],
    ['app/Http/Controllers/Upload.php', '<?php\n$cld = new \\Cloudinary\\Cloudinary($url);\n', ['cloudinary']],
    // Pusher
    ['config/initializers/pusher.rb', 'client = Pusher::Client.new(app_id: id, key: k, secret: s)\n', ['pusher']],
    ['config/initializers/pusher.rb', "Pusher.app_id = ENV['ID']\nPusher.key = ENV['K']\n", ['pusher']],
    // Ably
    ['app/services/realtime.rb', 'client = Ably::Rest.new(key: key)\n', ['ably']],
    ['Hubs/Notify.cs', 'var realtime = new AblyRealtime(key);\n', ['ably']],
    // Algolia
    ['config/initializers/algolia.rb', 'AlgoliaSearch.client = Algolia::SearchClient.create(app_id, key)\n', ['algolia']],
    ['app/models/contact.rb', 'class Contact < ApplicationRecord\n  include AlgoliaSearch\nend\n', ['algolia']],
    // OpenAI
    ['app/services/chat.rb', 'client = OpenAI::Client.new(access_token: token)\n', ['openai']],
    ['app/Services/Ai.php', '<?php\n$client = OpenAI::client($key);\n', ['openai']],
    ['Program.cs', 'var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId, apiKey).Build();\n', ['openai']],
    ['Services/Llm.cs', 'var client = new OpenAIClient(new ApiKeyCredential(key));\n', ['openai']],
    // Anthropic
    ['app/services/claude.rb', 'client = Anthropic::Client.new(access_token: token)\n', ['anthropic']],
    ['src/main/resources/application.properties', 'spring.ai.anthropic.api-key=${KEY}\n', ['anthropic']],
    // Slack
    ['app/services/notifier.rb', 'client = Slack::Web::Client.new\n', ['slack']],
    ['config/initializers/slack.rb', 'Slack.configure do |config|\n  config.token = token\nend\n', ['slack']],
    // Sign-in strategies (OmniAuth, Devise, ASP.NET Core, Passport, AuthenticationServices)
    ['config/initializers/omniauth.rb', "Rails.application.config.middleware.use OmniAuth::Builder do\n  provider :google_oauth2, ENV['GID'], ENV['GSECRET']\nend\n", ['google-identity-services']],
    ['config/initializers/devise.rb', "config.omniauth :google_oauth2, ENV['GID'], ENV['GSECRET']\n", ['google-identity-services']],
    ['Program.cs', 'builder.Services.AddAuthentication().AddGoogle(o => { o.ClientId = id; });\n', ['google-identity-services']],
    ['auth/passport.js', 'passport.use(new GoogleStrategy({ clientID: id }, verify));\n', ['google-identity-services']],
    ['config/initializers/omniauth.rb', "Rails.application.config.middleware.use OmniAuth::Builder do\n  provider :github, ENV['GHK'], ENV['GHS']\nend\n", ['github']],
    ['auth/passport.js', 'passport.use(new GitHubStrategy({ clientID: id }, verify));\n', ['github']],
    ['config/initializers/devise.rb', "config.omniauth :facebook, ENV['FBK'], ENV['FBS'], scope: 'email'\n", ['facebook-sdk']],
    ['Startup.cs', 'services.AddAuthentication().AddFacebook(facebookOptions => { facebookOptions.AppId = id; });\n', ['facebook-sdk']],
    ['auth/passport.js', 'passport.use(new FacebookStrategy({ clientID: id }, verify));\n', ['facebook-sdk']],
    ['config/initializers/omniauth.rb', "provider :apple, ENV['ACID'], '', { scope: 'email name' }\n", ['sign-in-with-apple']],
    ['App/LoginViewController.swift', 'let provider = ASAuthorizationAppleIDProvider()\nlet request = provider.createRequest()\n', ['sign-in-with-apple']],
    ['config/initializers/omniauth.rb', "provider :twitter, ENV['TK'], ENV['TS']\n", ['x-embeds']],
    ['Startup.cs', 'services.AddAuthentication().AddTwitter(twitterOptions => { twitterOptions.ConsumerKey = key; });\n', ['x-embeds']],
    ['config/initializers/omniauth.rb', "provider :linkedin, ENV['LK'], ENV['LS'], scope: 'openid profile email'\n", ['linkedin-widgets']],
    ['Program.cs', 'builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)\n    .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"));\n', ['microsoft-azure']],
    ['Program.cs', 'builder.Services.AddApplicationInsightsTelemetry();\n', ['microsoft-azure']],
    ['Program.cs', 'builder.Services.AddAuth0WebAppAuthentication(options => {\n    options.Domain = domain;\n});\n', ['auth0']],
    ['config/initializers/auth0.rb', "Rails.application.config.middleware.use OmniAuth::Builder do\n  provider :auth0, ENV['ACID'], ENV['ACS'], ENV['AD']\nend\n", ['auth0']],
    ['Startup.cs', 'services.AddAuthentication().AddCookie().AddOktaMvc(new OktaMvcOptions { OktaDomain = domain });\n', ['okta']],
    // near misses that must stay silent:
    ['app/models/identity.rb', 'Identity.find_by(provider: :github, uid: uid)\n', []],
    ['config/initializers/omniauth.rb', "# provider :github, ENV['K'], ENV['S']\n", []],
    ['config/storage.yml', '# amazon:\n#   service: S3\n#   bucket: b\n\nlocal:\n  service: Disk\n  root: storage\n', []],
    ['config/initializers/carrierwave.rb', "config.fog_credentials = { provider: 'Local', local_root: '/tmp' }\n", []],
    ['lib/billing.rb', "# Stripe.api_key = ENV['X']\nputs 'Stripe.api_key is set in the initializer'\n", []],
    ['Services/Mail.cs', 'var client = new SmtpClient(host);\nclient.Init();\n', []],
    ['Services/Ai.cs', 'var client = new OpenAIClient(new Uri(endpoint), new AzureKeyCredential(key));\n', []],
    ['app/services/openai_client.rb', 'class OpenAIClient\n  def initialize(key); end\nend\n', []],
    ['Startup.cs', 'var storage = LocalStorageClient.Create();\n', []],
    ['jobs/sync.py', "client = session.client('s3')\n", []],
    ['config/environments/production.rb', 'config.action_mailer.delivery_method = :smtp\n', []],
    ['app/models/pusher.rb', "pusher = Pusher.new\npusher.key = 'x'\n", []],
    ['app/services/notify.rb', 'Notifier.configure do |config|\nend\n', []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

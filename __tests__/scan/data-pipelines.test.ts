// Data pipelines move people's data between services without an SDK of the vendor's own: an
// Airflow provider's hook, a dbt profile's target, a Kafka Connect sink.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe('data pipelines name the services they move data between', () => {
  it.each([
    ['dags/leads.py', 'from airflow.providers.salesforce.hooks.salesforce import SalesforceHook\nfrom airflow.providers.google.cloud.transfers.gcs_to_bigquery import GCSToBigQueryOperator\n', ['google-cloud', 'salesforce']],
    ['dags/upload.py', 'from airflow.providers.amazon.aws.hooks.s3 import S3Hook\n', ['aws']],
    ['dags/alerts.py', 'from airflow.providers.slack.operators.slack import SlackAPIPostOperator\n', ['slack']],
    ['dags/ads.py', 'from airflow.providers.google.ads.hooks.ads import GoogleAdsHook\n', ['google-ads']],
    ['requirements.txt', 'apache-airflow-providers-snowflake==5.0\ndbt-databricks>=1.7\npandas-gbq\n', ['databricks', 'google-cloud', 'snowflake']],
    ['profiles.yml', 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: snowflake\n      account: "{{ env_var(\'SF_ACCOUNT\') }}"\n    prod:\n      type: bigquery\n      method: oauth\n', ['google-cloud', 'snowflake']],
    ['dbt/profiles.yml', 'default:\n  outputs:\n    dev:\n      type: redshift\n      host: "{{ env_var(\'HOST\') }}"\n', ['aws']],
    ['connect/sink.json', '{"name": "orders-sink", "config": {"connector.class": "com.snowflake.kafka.connector.SnowflakeSinkConnector", "topics": "orders"}}', ['snowflake']],
    // Airflow itself, a local database target and a word that only starts like a warehouse's name.
    ['dags/local.py', 'from airflow.providers.postgres.hooks.postgres import PostgresHook\nfrom airflow.operators.python import PythonOperator\n', []],
    ['profiles.yml', 'shop:\n  outputs:\n    dev:\n      type: duckdb\n      path: ./shop.duckdb\n', []],
    ['schema.yml', 'columns:\n  - name: flake\n    type: snowflake_id\n', []],
  ])('%s %j → %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

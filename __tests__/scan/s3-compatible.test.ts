// AWS's S3 clients pointed at other S3-compatible storage (MinIO, R2, Spaces) send nothing to
// AWS: their import and the client's constructor are kept at low confidence.
import { describe, it, expect } from 'vitest';
import { evidenceOf } from '../helpers/extract.js';

const awsConfidence = (path: string, text: string): string[] =>
  evidenceOf(path, text)
    .filter((e) => (e.kind === 'import' && ['boto3', '@aws-sdk/client-s3'].includes(e.package!)) || (e.kind === 'code-snippet' && e.serviceHint === 'aws'))
    .map((e) => `${e.kind}:${e.confidence}`)
    .sort();

describe('S3 clients of other storage', () => {
  it.each([
    ['remover/upload.py', "import boto3\ns3 = boto3.client('s3',\n    endpoint_url='http://minio:9000',\n    aws_access_key_id=key)\n", ['code-snippet:low', 'import:low']],
    ['app/storage.py', "import boto3\ns3 = boto3.client('s3', endpoint_url=f'https://{account_id}.r2.cloudflarestorage.com')\n", ['code-snippet:low', 'import:low']],
    ['src/s3.ts', "import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ endpoint: 'https://nyc3.digitaloceanspaces.com', region: 'us-east-1' })\n", ['import:low']],
    // AWS itself, named with a region placeholder or by default: the client stays a use.
    ['app/storage.py', "import boto3\ns3 = boto3.client('s3', endpoint_url=f'https://s3.{region}.amazonaws.com')\n", ['code-snippet:high', 'import:high']],
    ['app/storage.py', "import boto3\ns3 = boto3.client('s3', region_name='eu-west-1')\n", ['code-snippet:high', 'import:high']],
    ['src/s3.ts', "import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ region: process.env.AWS_REGION })\n", ['import:high']],
  ])('%s', (path, text, expected) => {
    expect(awsConfidence(path, text)).toEqual(expected);
  });
});

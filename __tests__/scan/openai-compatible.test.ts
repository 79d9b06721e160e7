// OpenAI's SDKs pointed at another OpenAI-compatible API send nothing to OpenAI: their import
// is kept at low confidence, and the base URL names the service used.
import { describe, it, expect } from 'vitest';
import { evidenceOf } from '../helpers/extract.js';

const openaiImports = (path: string, text: string): string[] =>
  evidenceOf(path, text).filter((e) => e.kind === 'import' && ['openai', '@ai-sdk/openai', 'langchain_openai', '@langchain/openai'].includes(e.package!)).map((e) => e.confidence);

describe('OpenAI clients of other APIs', () => {
  it.each([
    ['src/ai.ts', "import { createOpenAI } from '@ai-sdk/openai'\nexport const groq = createOpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY })\n", ['low']],
    ['app/llm.py', 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(base_url="https://openrouter.ai/api/v1", model="meta-llama/llama-3.1-8b-instruct")\n', ['low']],
    ['app/local.py', 'from openai import OpenAI\nclient = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")\n', ['low']],
    ['app/azure.py', 'from langchain_openai import AzureChatOpenAI\nllm = AzureChatOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"])\n', ['low']],
    // ruby-openai's uri_base, here a host built from a variable (a local Ollama)
    ['config/initializers/openai.rb', 'require "openai"\nOpenAI.configure do |config|\n  config.access_token = "not-needed"\n  config.uri_base = "http://#{ENV[\'OLLAMA_HOST\']}:11434/v1"\nend\n', ['low']],
    ['src/local.ts', "import OpenAI from 'openai'\nconst client = new OpenAI({ baseURL: `http://${process.env.LLM_HOST}/v1` })\n", ['low']],
    ['config/initializers/openai.rb', 'require "openai"\nOpenAI.configure do |config|\n  config.access_token = ENV.fetch("OPENAI_ACCESS_TOKEN")\nend\n', ['high']],
    // OpenAI itself, named or by default: the import stays a use.
    ['app/chat.py', 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.openai.com/v1")\n', ['high']],
    ['src/chat.ts', "import OpenAI from 'openai'\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY })\n", ['high']],
  ])('%s', (path, text, expected) => {
    expect(openaiImports(path, text)).toEqual(expected);
  });
});

// The constructor's snippet (`new OpenAI({`, `from openai import OpenAI`) is the same client: it goes where the base URL says.
const openaiSnippets = (path: string, text: string): string[] =>
  evidenceOf(path, text).filter((e) => e.kind === 'code-snippet' && e.serviceHint === 'openai').map((e) => e.confidence);

describe("OpenAI clients' constructors pointed elsewhere", () => {
  it.each([
    ['test/anthropic.ts', 'import OpenAI from "openai";\nconst client = new OpenAI({\n  baseURL: "http://localhost:8787/anthropic",\n  apiKey: key,\n});\n', ['low']],
    ['client.ts', "import OpenAI from 'openai';\nconst openai = new OpenAI({\n  apiKey: process.env.AI_GATEWAY_API_KEY,\n  baseURL: 'https://ai-gateway.vercel.sh/v1',\n});\n", ['low']],
    ['app/local.py', 'from openai import OpenAI\nclient = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")\n', ['low']],
    ['src/chat.ts', "import OpenAI from 'openai'\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY })\n", ['high']],
  ])('%s', (path, text, expected) => {
    expect(openaiSnippets(path, text)).toEqual(expected);
  });
});

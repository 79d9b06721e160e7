// LiteLLM, DSPy and the AI SDK's gateway name a hosted model as `provider/model`: the provider
// prefix is the service the prompt goes to.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe('provider-prefixed model names', () => {
  it.each([
    ['litellm_config.yaml', 'model_list:\n  - model_name: fast\n    litellm_params:\n      model: groq/llama-3.3-70b-versatile\n  - model_name: free\n    litellm_params:\n      model: openrouter/meta-llama/llama-3.1-8b-instruct:free\n  - model_name: big\n    litellm_params:\n      model: cerebras/llama3.3-70b\n', ['cerebras', 'groq', 'openrouter']],
    ['app/lm.py', "import dspy\nlm = dspy.LM('anthropic/claude-3-5-sonnet-20240620', api_key=key)\n", ['anthropic']],
    ['app/chat.py', 'from litellm import completion\nr = completion(model="gemini/gemini-2.5-flash", messages=m)\n', ['google-gemini']],
    ['app/api/chat/route.ts', "const r = streamText({ model: 'mistral/mistral-small-latest', prompt })\n", ['mistral-ai']],
    ['router.yaml', 'routes:\n  - model: cohere/command-r\n', ['cohere']],
    // A repository's or package's name with the vendor's name is no model.
    ['package.json', '{"repository": "groq/groq-typescript"}', []],
    ['app/links.py', 'REPO = "anthropics/claude-code"\nPKG = "@anthropic-ai/sdk/resources"\n', []],
    ['app/notes.py', '# model: groq/llama-3.3-70b-versatile was too slow\nx = 1\n', []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

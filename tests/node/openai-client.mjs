// Keyway's router as the official OpenAI SDK sees it. Run by TestOpenAiClient with
// KEYWAY_BASE_URL and KEYWAY_TOKEN; prints one JSON line per check and exits non-zero on the
// first that fails.
import OpenAI from "openai";

const client = new OpenAI({
    baseURL: process.env.KEYWAY_BASE_URL,
    apiKey: process.env.KEYWAY_TOKEN,
    maxRetries: 0,
});
const messages = [{ role: "user", content: "Hi" }];

function check(name, condition, detail) {
    console.log(JSON.stringify({ check: name, ok: !!condition, detail }));
    if (!condition) process.exit(1);
}

const plain = await client.chat.completions.create({ model: "gpt-4.1", messages });
check("plain answer", plain.choices[0].message.content === "Hello from the fake.", plain);

const { data, response } = await client.chat.completions
    .create({ model: "gpt-4.1", messages })
    .withResponse();
check("routing headers", response.headers.get("x-keyway-key") === "A"
    && response.headers.get("x-generation-id")?.startsWith("gen-"), data.id);

let text = "";
let usage = null;
const stream = await client.chat.completions.create({
    model: "gpt-4.1", messages, stream: true, stream_options: { include_usage: true } });
for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? "";
    if (chunk.usage) usage = chunk.usage;
}
check("streamed answer", text === "Hello from the fake.", text);
check("streamed usage when asked", usage?.completion_tokens === 4, usage);

const models = await client.models.list();
check("models", Array.isArray(models.data), models.data);

// A stream that breaks after its first event must raise, not end as if whole.
let raised = null;
let partial = "";
try {
    const broken = await client.chat.completions.create({ model: "gpt-broken", messages, stream: true });
    for await (const chunk of broken) partial += chunk.choices[0]?.delta?.content ?? "";
} catch (error) {
    raised = error;
}
check("a broken stream raises", raised !== null && partial === "Hello", String(raised));

// Errors come back in OpenAI's shape, as the SDK's own error classes.
try {
    await client.chat.completions.create({ model: "no-such-model-anywhere", messages });
    check("unknown model raises", false);
} catch (error) {
    check("unknown model raises", error instanceof OpenAI.NotFoundError
        && error.code === "model_not_found", error.message);
}
const stranger = new OpenAI({ baseURL: process.env.KEYWAY_BASE_URL, apiKey: "kw-nobody", maxRetries: 0 });
try {
    await stranger.models.list();
    check("unknown key raises", false);
} catch (error) {
    check("unknown key raises", error instanceof OpenAI.AuthenticationError, error.message);
}

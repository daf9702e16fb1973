// Keyway's /v1/messages as the official Anthropic SDK sees it, routed to an Anthropic-format
// upstream. Run by TestAnthropicClient with KEYWAY_BASE_URL (the router, without /v1) and
// KEYWAY_TOKEN; prints one JSON line per check and exits non-zero on the first that fails.
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic({
    baseURL: process.env.KEYWAY_BASE_URL,
    apiKey: process.env.KEYWAY_TOKEN,
    maxRetries: 0,
});
const messages = [{ role: "user", content: "Hi" }];
const tools = [{
    name: "get_weather",
    description: "The weather in a city",
    input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
}];

function check(name, condition, detail) {
    console.log(JSON.stringify({ check: name, ok: !!condition, detail }));
    if (!condition) process.exit(1);
}

const plain = await client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 256, messages, tools });
check("plain answer", plain.content[0]?.text === "Hello from the fake.", plain);
check("usage", plain.usage.input_tokens === 5 && plain.usage.output_tokens === 4, plain.usage);

const { data, response } = await client.messages
    .create({ model: "claude-sonnet-4-5", max_tokens: 256, messages })
    .withResponse();
check("routing headers", response.headers.get("x-keyway-key") === "Claude"
    && response.headers.get("x-generation-id")?.startsWith("gen-"), data.id);

const stream = client.messages.stream({ model: "claude-sonnet-4-5", max_tokens: 256, messages, tools });
let text = "";
stream.on("text", (delta) => { text += delta; });
const final = await stream.finalMessage();
check("streamed answer", text === "Hello from the fake." && final.stop_reason === "end_turn", text);
check("streamed usage", final.usage.output_tokens === 4, final.usage);

const counted = await client.messages.countTokens({ model: "claude-sonnet-4-5", messages });
check("count tokens", counted.input_tokens === 14, counted);

// A stream that breaks after its text began must raise, not end as if whole.
let raised = null;
try {
    await client.messages.stream({ model: "claude-broken", max_tokens: 256, messages }).finalMessage();
} catch (error) {
    raised = error;
}
check("a broken stream raises", raised !== null, String(raised));

// Errors come back in Anthropic's shape, as the SDK's own error classes.
try {
    await client.messages.create({ model: "claude-sonnet-4-5", messages });
    check("a missing max_tokens raises", false);
} catch (error) {
    check("a missing max_tokens raises", error instanceof Anthropic.BadRequestError
        && error.error?.error?.type === "invalid_request_error", error.message);
}
const stranger = new Anthropic({ baseURL: process.env.KEYWAY_BASE_URL, apiKey: "kw-nobody", maxRetries: 0 });
try {
    await stranger.messages.create({ model: "claude-sonnet-4-5", max_tokens: 16, messages });
    check("an unknown local key raises", false);
} catch (error) {
    check("an unknown local key raises", error instanceof Anthropic.AuthenticationError, error.message);
}

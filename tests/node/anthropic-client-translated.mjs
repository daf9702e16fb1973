// The official Anthropic SDK against Keyway's /v1/messages routed to an OpenAI-format upstream:
// Keyway translates the request, the answer and the stream. Run by TestAnthropicClient with
// KEYWAY_BASE_URL and KEYWAY_TOKEN; one JSON line per check, non-zero exit on the first failure.
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic({
    baseURL: process.env.KEYWAY_BASE_URL,
    apiKey: process.env.KEYWAY_TOKEN,
    maxRetries: 0,
});
const tools = [{
    name: "get_weather",
    description: "The weather in a city",
    input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
}];
const ask = { max_tokens: 256, system: "Be brief.", messages: [{ role: "user", content: "Hi" }] };

function check(name, condition, detail) {
    console.log(JSON.stringify({ check: name, ok: !!condition, detail }));
    if (!condition) process.exit(1);
}

const plain = await client.messages.create({ model: "gpt-4.1", ...ask });
check("plain answer", plain.type === "message" && plain.content[0]?.text === "Hello from the fake."
    && plain.stop_reason === "end_turn", plain);
check("usage", plain.usage.input_tokens === 5 && plain.usage.output_tokens === 4, plain.usage);

const stream = client.messages.stream({ model: "gpt-4.1", ...ask });
let text = "";
stream.on("text", (delta) => { text += delta; });
const final = await stream.finalMessage();
check("streamed answer", text === "Hello from the fake." && final.stop_reason === "end_turn", text);
check("streamed usage", final.usage.output_tokens === 4 && final.usage.input_tokens === 5, final.usage);

const called = await client.messages.create({ model: "gpt-tools", tools, ...ask });
const use = called.content.find((block) => block.type === "tool_use");
check("tool call", use?.name === "get_weather" && use.input.city === "Paris"
    && called.stop_reason === "tool_use", called.content);
check("tool call usage", called.usage.input_tokens === 20 && called.usage.output_tokens === 9, called.usage);

const streamedCall = await client.messages.stream({ model: "gpt-tools", tools, ...ask }).finalMessage();
const streamedUse = streamedCall.content.find((block) => block.type === "tool_use");
check("streamed tool call", streamedUse?.id === "call_fake1" && streamedUse.input.city === "Paris"
    && streamedCall.stop_reason === "tool_use", streamedCall.content);

// The tool's result goes back, and the conversation goes on.
const answered = await client.messages.create({
    model: "gpt-4.1", tools, max_tokens: 256,
    messages: [
        { role: "user", content: "Weather in Paris?" },
        { role: "assistant", content: [{ type: "tool_use", id: use.id, name: use.name, input: use.input }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: "Sunny, 21 °C" }] },
    ],
});
check("tool result round trip", answered.content[0]?.text === "Hello from the fake.", answered);

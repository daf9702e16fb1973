// The official OpenAI SDK against Keyway's /v1/chat/completions routed to an Anthropic-format
// upstream: Keyway translates the request, the answer and the stream. Run by TestOpenAiClient
// with KEYWAY_BASE_URL and KEYWAY_TOKEN; one JSON line per check, non-zero exit on a failure.
import OpenAI from "openai";

const client = new OpenAI({
    baseURL: process.env.KEYWAY_BASE_URL,
    apiKey: process.env.KEYWAY_TOKEN,
    maxRetries: 0,
});
const messages = [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }];
const tools = [{
    type: "function",
    function: {
        name: "get_weather",
        description: "The weather in a city",
        parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
}];

function check(name, condition, detail) {
    console.log(JSON.stringify({ check: name, ok: !!condition, detail }));
    if (!condition) process.exit(1);
}

const plain = await client.chat.completions.create({ model: "claude-sonnet-4-5", messages });
check("plain answer", plain.choices[0].message.content === "Hello from the fake."
    && plain.choices[0].finish_reason === "stop", plain);
check("usage", plain.usage.prompt_tokens === 7 && plain.usage.completion_tokens === 4
    && plain.usage.prompt_tokens_details?.cached_tokens === 2, plain.usage);

let text = "";
let usage = null;
const stream = await client.chat.completions.create({
    model: "claude-sonnet-4-5", messages, stream: true, stream_options: { include_usage: true } });
for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? "";
    if (chunk.usage) usage = chunk.usage;
}
check("streamed answer", text === "Hello from the fake.", text);
check("streamed usage, as the whole answer's", usage?.prompt_tokens === 7 && usage?.completion_tokens === 4
    && usage?.prompt_tokens_details?.cached_tokens === 2, usage);

const called = await client.chat.completions.create({ model: "claude-tools", messages, tools });
const call = called.choices[0].message.tool_calls?.[0];
check("tool call", call?.function.name === "get_weather"
    && JSON.parse(call.function.arguments).city === "Paris"
    && called.choices[0].finish_reason === "tool_calls"
    && called.choices[0].message.content === "Checking.", called.choices[0]);

const streamedCall = await client.chat.completions.create({ model: "claude-tools", messages, tools, stream: true });
let name = "";
let args = "";
let finish = null;
for await (const chunk of streamedCall) {
    const delta = chunk.choices[0]?.delta;
    name += delta?.tool_calls?.[0]?.function?.name ?? "";
    args += delta?.tool_calls?.[0]?.function?.arguments ?? "";
    finish = chunk.choices[0]?.finish_reason ?? finish;
}
check("streamed tool call", name === "get_weather" && JSON.parse(args).city === "Paris"
    && finish === "tool_calls", { name, args, finish });

// The tool's result goes back, and the conversation goes on.
const answered = await client.chat.completions.create({
    model: "claude-sonnet-4-5", tools,
    messages: [
        ...messages,
        { role: "assistant", content: null, tool_calls: [call] },
        { role: "tool", tool_call_id: call.id, content: "Sunny, 21 °C" },
    ],
});
check("tool result round trip", answered.choices[0].message.content === "Hello from the fake.", answered);

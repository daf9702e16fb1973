// The official OpenAI SDK's Responses API (client.responses) against Keyway's /v1/responses,
// whatever upstream the router sends it to. Run by TestSdkClients with KEYWAY_BASE_URL,
// KEYWAY_TOKEN and KEYWAY_MODEL; prints one JSON object of what the SDK made of the answers, for
// the test to judge, and exits non-zero only when the SDK itself raised.
import OpenAI from "openai";

const client = new OpenAI({
    baseURL: process.env.KEYWAY_BASE_URL,
    apiKey: process.env.KEYWAY_TOKEN,
    maxRetries: 0, // a failure must show, not be retried away
});
const request = {
    model: process.env.KEYWAY_MODEL,
    instructions: "Be brief.",
    input: "Hi",
    store: false, // Keyway keeps no responses
};

// The text of a response's message items. Not `output_text`: the stream helper's
// finalResponse() leaves it out unless the request asked for parsed output.
function textOf(response) {
    return response.output
        .filter((item) => item.type === "message")
        .flatMap((item) => item.content)
        .filter((part) => part.type === "output_text")
        .map((part) => part.text)
        .join("");
}

const whole = await client.responses.create(request);

// The stream helper: its events as they arrive, then the response it assembled from them.
const stream = client.responses.stream(request);
const eventTypes = [];
let deltas = 0;
let streamedText = "";
for await (const event of stream) {
    eventTypes.push(event.type);
    if (event.type === "response.output_text.delta") {
        deltas += 1;
        streamedText += event.delta;
    }
}
const streamed = await stream.finalResponse();

console.log(JSON.stringify({
    whole: {
        status: whole.status,
        text: whole.output_text,
        itemsText: textOf(whole),
        usage: whole.usage,
    },
    stream: {
        status: streamed.status,
        text: textOf(streamed),
        streamedText,
        deltas,
        usage: streamed.usage,
        first: eventTypes[0],
        last: eventTypes[eventTypes.length - 1],
    },
}));

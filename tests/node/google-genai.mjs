// Google's official Gen AI SDK (@google/genai) against Keyway's Gemini endpoint
// (/v1beta/models/{model}:generateContent and :streamGenerateContent?alt=sse), whatever upstream
// the router sends it to. Run by TestSdkClients with KEYWAY_BASE_URL (the router's root),
// KEYWAY_TOKEN and KEYWAY_MODEL; prints one JSON object of what the SDK made of the answers, for
// the test to judge, and exits non-zero only when the SDK itself raised.
import { GoogleGenAI } from "@google/genai";

const ai = new GoogleGenAI({
    apiKey: process.env.KEYWAY_TOKEN, // sent as x-goog-api-key
    httpOptions: { baseUrl: process.env.KEYWAY_BASE_URL },
});
const request = {
    model: process.env.KEYWAY_MODEL,
    contents: "Hi",
    config: { systemInstruction: "Be brief." },
};

const whole = await ai.models.generateContent(request);

let chunks = 0;
let streamedText = "";
let streamUsage = null;
let finishReason = null;
for await (const chunk of await ai.models.generateContentStream(request)) {
    chunks += 1;
    streamedText += chunk.text ?? "";
    streamUsage = chunk.usageMetadata ?? streamUsage;
    finishReason = chunk.candidates?.[0]?.finishReason ?? finishReason;
}

console.log(JSON.stringify({
    whole: {
        text: whole.text,
        finishReason: whole.candidates?.[0]?.finishReason,
        usage: whole.usageMetadata,
    },
    stream: { text: streamedText, chunks, finishReason, usage: streamUsage },
}));

#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target (tests/fuzz/corpus/<Target>/): small real
examples in the shapes the tests use, each with the leading bytes its target reads first (which
translator, how the stream is cut). libFuzzer grows its own corpus from these; run again after
changing an example."""
import json
import os
import struct
import zlib

here = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    folder = os.path.join(here, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def js(obj):
    return json.dumps(obj, separators=(",", ":"))


def sse(obj, event=None):
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {obj if isinstance(obj, str) else js(obj)}\n\n"


def es_headers(pairs):
    out = b""
    for name, value in pairs:
        out += bytes([len(name)]) + name.encode() + b"\x07" + struct.pack(">H", len(value)) + value.encode()
    return out


def es_message(headers, payload):
    total = 12 + len(headers) + len(payload) + 4
    prelude = struct.pack(">II", total, len(headers))
    message = prelude + struct.pack(">I", zlib.crc32(prelude)) + headers + payload
    return message + struct.pack(">I", zlib.crc32(message))


def es_event(kind, payload):
    return es_message(es_headers([(":event-type", kind), (":content-type", "application/json"),
                                  (":message-type", "event")]), js(payload).encode())


def framed(kind, payload, flags=0):
    headers = es_headers([(":event-type", kind), (":content-type", "application/json"),
                          (":message-type", "event")])
    body = js(payload).encode()
    return bytes([flags]) + struct.pack(">H", len(headers)) + headers + struct.pack(">H", len(body)) + body


# HTTP ------------------------------------------------------------------------------------------
chat = js({"model": "gpt-4.1", "messages": [{"role": "user", "content": "Hi"}]})
http = {
    "get": "GET /health HTTP/1.1\r\nHost: 127.0.0.1:4141\r\n\r\n",
    "head": "HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n",
    "post": f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(chat)}\r\n\r\n{chat}",
    "chunked": "POST /stream HTTP/1.1\r\nHost: [::1]:4141\r\nTransfer-Encoding: chunked\r\n\r\n"
               "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n",
    "pipelined": "GET /a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                 "GET /c HTTP/1.0\r\n\r\n",
    "smuggle": "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
               "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n",
    "origin": "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n\r\n",
    "refused": "POST /refused HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nbody",
    "obsfold": "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folded: a\r\n b\r\n\r\n",
    "expect": "POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
    "upgrade": "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
    "connect": "CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
}
for i, (name, text) in enumerate(http.items()):
    write("FuzzHttpConnection", name, b"\x00" + text.encode())
    write("FuzzHttpConnection", name + "-small-limits", bytes([2 * i + 3]) + text.encode())

# SSE -------------------------------------------------------------------------------------------
openai_chunks = (
    sse({"id": "c1", "object": "chat.completion.chunk", "model": "gpt-4.1",
         "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hel"}}]})
    + sse({"id": "c1", "choices": [{"index": 0, "delta": {"content": "lo"}}]})
    + sse({"id": "c1", "choices": [{"index": 0, "delta": {"tool_calls": [
        {"index": 0, "id": "call_1", "type": "function",
         "function": {"name": "get_weather", "arguments": "{\"ci"}}]}}]})
    + sse({"id": "c1", "choices": [{"index": 0, "delta": {"tool_calls": [
        {"index": 0, "function": {"arguments": "ty\":\"Paris\"}"}}]}}]})
    + sse({"id": "c1", "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]})
    + sse({"id": "c1", "choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 5,
                                                 "prompt_tokens_details": {"cached_tokens": 4}}})
    + "data: [DONE]\n\n")
anthropic_events = (
    sse({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant",
         "model": "claude-sonnet-4", "content": [], "usage": {"input_tokens": 12, "output_tokens": 1,
         "cache_read_input_tokens": 3}}}, "message_start")
    + sse({"type": "ping"}, "ping")
    + sse({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}},
          "content_block_start")
    + sse({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Hmm"}},
          "content_block_delta")
    + sse({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "sig"}},
          "content_block_delta")
    + sse({"type": "content_block_stop", "index": 0}, "content_block_stop")
    + sse({"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}},
          "content_block_start")
    + sse({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Hello"}},
          "content_block_delta")
    + sse({"type": "content_block_stop", "index": 1}, "content_block_stop")
    + sse({"type": "content_block_start", "index": 2, "content_block": {"type": "tool_use", "id": "toolu_1",
           "name": "get_weather", "input": {}}}, "content_block_start")
    + sse({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta",
           "partial_json": "{\"city\":\"Paris\"}"}}, "content_block_delta")
    + sse({"type": "content_block_stop", "index": 2}, "content_block_stop")
    + sse({"type": "message_delta", "delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 9}},
          "message_delta")
    + sse({"type": "message_stop"}, "message_stop"))
anthropic_error = sse({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}, "error")
gemini_chunks = (
    sse({"candidates": [{"content": {"role": "model", "parts": [{"text": "Thinking", "thought": True}]}}],
         "responseId": "r1"})
    + sse({"candidates": [{"content": {"role": "model", "parts": [{"text": "Hel"}]}}]})
    + sse({"candidates": [{"content": {"role": "model", "parts": [
        {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "c2ln"}]}}]})
    + sse({"candidates": [{"content": {"role": "model", "parts": [{"text": "lo"}]}, "finishReason": "STOP"}],
           "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 2, "thoughtsTokenCount": 3,
                             "cachedContentTokenCount": 1}}))
gemini_error = sse({"error": {"code": 429, "message": "Resource exhausted", "status": "RESOURCE_EXHAUSTED"}})
converse = [
    ("messageStart", {"role": "assistant"}),
    ("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": "Hel"}}),
    ("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": "lo"}}),
    ("contentBlockStop", {"contentBlockIndex": 0}),
    ("contentBlockStart", {"contentBlockIndex": 1, "start": {"toolUse": {"toolUseId": "t1", "name": "get_weather"}}}),
    ("contentBlockDelta", {"contentBlockIndex": 1, "delta": {"toolUse": {"input": "{\"city\":\"Paris\"}"}}}),
    ("contentBlockStop", {"contentBlockIndex": 1}),
    ("messageStop", {"stopReason": "tool_use"}),
    ("metadata", {"usage": {"inputTokens": 12, "outputTokens": 5, "totalTokens": 17}, "metrics": {"latencyMs": 100}}),
]
converse_raw = b"".join(es_event(k, p) for k, p in converse)
converse_framed = b"".join(framed(k, p) for k, p in converse)
exception = es_message(es_headers([(":exception-type", "throttlingException"),
                                   (":content-type", "application/json"), (":message-type", "exception")]),
                       js({"message": "Too many requests"}).encode())

write("FuzzSseParser", "openai", b"\x00" + openai_chunks.encode())
write("FuzzSseParser", "anthropic-cut", b"\x07" + anthropic_events.encode())
write("FuzzSseParser", "crlf-comments", b"\x03" + b"event: ping\r\ndata: {\"type\":\ndata: \"ping\"}\r\n\r\n: keep-alive\r\rid: 7\rretry: 10\n\n")

write("FuzzEventStreamDecoder", "converse-raw", b"\x00\x00" + converse_raw)
write("FuzzEventStreamDecoder", "converse-raw-cut", b"\x00\x05" + converse_raw + exception)
write("FuzzEventStreamDecoder", "converse-framed", b"\x01\x09" + converse_framed)
typed = es_headers([(":event-type", "x")]) + b"\x01b\x00" + b"\x01c\x01" + b"\x01d\x02\x7f" + b"\x01e\x03\x01\x02" \
    + b"\x01f\x04\x00\x00\x01\x00" + b"\x01g\x05" + b"\x00" * 7 + b"\x09" + b"\x01h\x06\x00\x02hi" \
    + b"\x01i\x08\x00\x00\x01\x8f\x00\x00\x00\x00" + b"\x01j\x09" + bytes(range(16))
write("FuzzEventStreamDecoder", "every-header-type", b"\x00\x00" + es_message(typed, b"{}"))

write("FuzzAnswerAssembler", "openai", b"\x00\x00" + openai_chunks.encode())
write("FuzzAnswerAssembler", "anthropic", b"\x01\x00" + anthropic_events.encode())
write("FuzzAnswerAssembler", "anthropic-error", b"\x01\x03" + anthropic_events[:400].encode() + anthropic_error.encode())

for name, choice, stream in [
    ("openai", 0, openai_chunks), ("openai-usage", 1, openai_chunks), ("anthropic", 2, anthropic_events),
    ("anthropic-error", 2, anthropic_error), ("openai-to-anthropic", 3, openai_chunks),
    ("anthropic-to-openai", 4 | 0x80, anthropic_events), ("gemini", 5, gemini_chunks),
    ("gemini-error", 5, gemini_chunks[:200] + gemini_error)]:
    write("FuzzStreamTranslators", name, bytes([choice, 0]) + stream.encode())
    write("FuzzStreamTranslators", name + "-cut", bytes([choice, 11]) + stream.encode())
write("FuzzStreamTranslators", "converse-raw", bytes([6, 0]) + converse_raw + exception)
write("FuzzStreamTranslators", "converse-framed", bytes([6 | 0x40, 5]) + converse_framed)
write("FuzzStreamTranslators", "chained-framed", bytes([7 | 0x40 | 0x80, 0]) + converse_framed)

# Requests --------------------------------------------------------------------------------------
tool = {"type": "function", "function": {"name": "get_weather", "description": "Weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string", "enum": ["Paris"]}},
                       "required": ["city"], "additionalProperties": False}}}
openai_requests = {
    "plain": {"model": "gpt-4.1", "messages": [{"role": "system", "content": "Be brief"},
              {"role": "user", "content": "Hi"}], "max_tokens": 100, "temperature": 0.5, "stop": ["x"]},
    "tools": {"model": "gpt-4.1", "stream": True, "stream_options": {"include_usage": True},
              "messages": [{"role": "user", "content": [{"type": "text", "text": "Weather?"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]},
                  {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function",
                      "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "Sunny"}],
              "tools": [tool], "tool_choice": "auto", "seed": 1, "response_format": {"type": "json_object"},
              "models": ["a", "b"]},
    "embeddings": {"model": "text-embedding-3-small", "input": ["a", "b"]},
}
anthropic_requests = {
    "plain": {"model": "claude-sonnet-4", "max_tokens": 100, "system": "Be brief",
              "messages": [{"role": "user", "content": "Hi"}], "stop_sequences": ["x"], "top_k": 3},
    "tools": {"model": "claude-sonnet-4", "max_tokens": 1024, "stream": True,
              "system": [{"type": "text", "text": "Be brief", "cache_control": {"type": "ephemeral"}}],
              "thinking": {"type": "enabled", "budget_tokens": 512},
              "messages": [{"role": "user", "content": [{"type": "text", "text": "Weather?"},
                  {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
                  {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBE"}}]},
                  {"role": "assistant", "content": [{"type": "thinking", "thinking": "Hmm", "signature": "sig"},
                      {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}]},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1",
                      "content": [{"type": "text", "text": "Sunny"}], "is_error": False}]}],
              "tools": [{"name": "get_weather", "description": "Weather", "input_schema":
                  tool["function"]["parameters"]}], "tool_choice": {"type": "tool", "name": "get_weather"},
              "metadata": {"user_id": "u"}},
}
for name, body in openai_requests.items():
    write("FuzzClientCallReader", "openai-" + name, bytes([1 if name == "embeddings" else 0]) + js(body).encode())
    write("FuzzRequestTranslators", "openai-" + name, b"\x80" + js(body).encode())
for name, body in anthropic_requests.items():
    write("FuzzClientCallReader", "anthropic-" + name, b"\x02\x0e" + b"interleaved-th" + js(body).encode())
    write("FuzzClientCallReader", "anthropic-count-" + name, b"\x03\x00" + js(body).encode())
    for choice in (1, 2, 3, 4):
        write("FuzzRequestTranslators", f"anthropic-{name}-{choice}", bytes([choice]) + js(body).encode())

# Answers ---------------------------------------------------------------------------------------
answers = {
    "anthropic": (0, {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4",
                      "content": [{"type": "thinking", "thinking": "Hmm", "signature": "s"},
                                  {"type": "text", "text": "Hello"},
                                  {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}],
                      "stop_reason": "tool_use", "usage": {"input_tokens": 12, "output_tokens": 5,
                                                            "cache_read_input_tokens": 2}}),
    "openai": (1, {"id": "c1", "object": "chat.completion", "model": "gpt-4.1",
                   "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello", "reasoning": "Hmm",
                       "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather",
                       "arguments": "{\"city\":\"Paris\"}"}}]}, "finish_reason": "tool_calls"}],
                   "usage": {"prompt_tokens": 12, "completion_tokens": 5, "prompt_tokens_details": {"cached_tokens": 2}}}),
    "gemini": (2, {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hmm", "thought": True},
                   {"text": "Hello"}, {"functionCall": {"id": "f1", "name": "get_weather", "args": {"city": "Paris"}}}]},
                   "finishReason": "STOP"}], "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 5},
                   "responseId": "r1"}),
    "converse": (3, {"output": {"message": {"role": "assistant", "content": [{"text": "Hello"},
                     {"toolUse": {"toolUseId": "t1", "name": "get_weather", "input": {"city": "Paris"}}},
                     {"reasoningContent": {"reasoningText": {"text": "Hmm", "signature": "s"}}}]}},
                     "stopReason": "tool_use", "usage": {"inputTokens": 12, "outputTokens": 5, "totalTokens": 17}}),
    "anthropic-error": (4, {"type": "error", "error": {"type": "invalid_request_error", "message": "Bad"}}),
    "openai-error": (5, {"error": {"message": "Bad", "type": "invalid_request_error", "code": "x"}}),
}
for name, (choice, body) in answers.items():
    write("FuzzAnswerTranslators", name, bytes([choice]) + js(body).encode())

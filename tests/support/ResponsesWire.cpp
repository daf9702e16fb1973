#include "tests/support/ResponsesWire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The events of one stream: each numbered after the one before, as strict clients require.
class Events
{
public:
    void add(const char* type, QJsonObject data)
    {
        data.insert("type", type);
        data.insert("sequence_number", int(m_events.size()));
        m_events += "event: " + QByteArray(type) + "\ndata: " + compact(data) + "\n\n";
    }
    QList<QByteArray> list() const { return m_events; }

private:
    QList<QByteArray> m_events;
};

QJsonObject usage(int input, int cached, int output)
{
    return { { "input_tokens", input },
        { "input_tokens_details", QJsonObject { { "cached_tokens", cached } } },
        { "output_tokens", output },
        { "output_tokens_details", QJsonObject { { "reasoning_tokens", 0 } } },
        { "total_tokens", input + output } };
}

const QJsonObject textUsage = usage(5, 2, 4);
const QJsonObject toolUsage = usage(20, 0, 9);

// Each answer its own id, as OpenAI's are: a client continuing one (previous_response_id)
// names that one.
QString newResponseId()
{
    static std::atomic<int> next { 1 };
    return QStringLiteral("resp_fake%1").arg(next++);
}

// What the response objects of one answer share: the model, the id, and `store` as the request
// said, which tells a client whether OpenAI keeps the response.
struct Answered
{
    QString model;
    bool store = false;
    QString id = newResponseId();
};

// The response object: every field the SDKs require, `output` and `usage` as far as known.
QJsonObject response(const Answered& answered, const char* status, const QJsonArray& output,
    const QJsonValue& usage = QJsonValue())
{
    const QString& model = answered.model;
    return { { "id", answered.id }, { "object", "response" },
        { "created_at", QDateTime::currentSecsSinceEpoch() }, { "status", status },
        { "background", false }, { "error", QJsonValue() }, { "incomplete_details", QJsonValue() },
        { "instructions", QJsonValue() }, { "max_output_tokens", QJsonValue() }, { "model", model },
        { "output", output }, { "parallel_tool_calls", true },
        { "previous_response_id", QJsonValue() },
        { "reasoning", QJsonObject { { "effort", QJsonValue() }, { "summary", QJsonValue() } } },
        { "store", answered.store }, { "temperature", 1.0 },
        { "text", QJsonObject { { "format", QJsonObject { { "type", "text" } } } } },
        { "tool_choice", "auto" }, { "tools", QJsonArray() }, { "top_p", 1.0 },
        { "truncation", "disabled" }, { "usage", usage }, { "user", QJsonValue() },
        { "metadata", QJsonObject() } };
}

QJsonObject completed(const Answered& answered, const QJsonObject& item, const QJsonObject& usage)
{
    QJsonObject done = response(answered, "completed", { item }, usage);
    done.insert("completed_at", QDateTime::currentSecsSinceEpoch());
    return done;
}

QJsonObject textPart(const QString& text)
{
    return { { "type", "output_text" }, { "text", text }, { "annotations", QJsonArray() },
        { "logprobs", QJsonArray() } };
}

QJsonObject message(const char* status, const QJsonArray& content)
{
    return { { "id", "msg_fake1" }, { "type", "message" }, { "status", status },
        { "role", "assistant" }, { "content", content } };
}

// A function_call item, or a custom_tool_call one.
QJsonObject callItem(const FakeToolCall& call, const char* status, bool whole)
{
    QJsonObject item { { "id", call.custom ? "ctc_fake1" : "fc_fake1" },
        { "type", call.custom ? "custom_tool_call" : "function_call" }, { "status", status },
        { "call_id", "call_fake1" }, { "name", call.name } };
    if (call.custom)
        item.insert("input", whole ? call.input : QString());
    else
        item.insert("arguments", whole ? QString::fromUtf8(call.argumentsJson()) : QString());
    return item;
}

// response.created and response.in_progress: the response begun, with no output yet.
void begin(Events& events, const Answered& answered)
{
    const QJsonObject begun = response(answered, "in_progress", {});
    events.add("response.created", { { "response", begun } });
    events.add("response.in_progress", { { "response", begun } });
}

} // namespace

QByteArray ResponsesWire::answer(const QString& model, bool store)
{
    return compact(completed(
        { model, store }, message("completed", { textPart("Hello from the fake.") }), textUsage));
}

QList<QByteArray> ResponsesWire::events(const QString& model, bool store)
{
    const QString text = QStringLiteral("Hello from the fake.");
    const QJsonObject where { { "item_id", "msg_fake1" }, { "output_index", 0 },
        { "content_index", 0 } };
    const auto with = [&where](const char* name, const QJsonValue& value) {
        QJsonObject data = where;
        data.insert(name, value);
        return data;
    };
    const Answered answered { model, store };
    Events events;
    begin(events, answered);
    events.add("response.output_item.added",
        { { "output_index", 0 }, { "item", message("in_progress", {}) } });
    events.add("response.content_part.added", with("part", textPart({})));
    for (const char* delta : { "Hello from", " the fake." }) {
        QJsonObject data = with("delta", delta);
        data.insert("logprobs", QJsonArray());
        events.add("response.output_text.delta", data);
    }
    QJsonObject textDone = with("text", text);
    textDone.insert("logprobs", QJsonArray());
    events.add("response.output_text.done", textDone);
    events.add("response.content_part.done", with("part", textPart(text)));
    const QJsonObject item = message("completed", { textPart(text) });
    events.add("response.output_item.done", { { "output_index", 0 }, { "item", item } });
    events.add("response.completed", { { "response", completed(answered, item, textUsage) } });
    return events.list();
}

QByteArray ResponsesWire::toolCallAnswer(const QString& model, const FakeToolCall& call, bool store)
{
    return compact(completed({ model, store }, callItem(call, "completed", true), toolUsage));
}

QList<QByteArray> ResponsesWire::toolCallEvents(
    const QString& model, const FakeToolCall& call, bool store)
{
    const char* prefix
        = call.custom ? "response.custom_tool_call_input" : "response.function_call_arguments";
    const QByteArray deltaType = prefix + QByteArray(".delta");
    const QByteArray doneType = prefix + QByteArray(".done");
    const Answered answered { model, store };
    Events events;
    begin(events, answered);
    events.add("response.output_item.added",
        { { "output_index", 0 }, { "item", callItem(call, "in_progress", false) } });
    for (const QString& piece : call.custom ? call.inputPieces() : call.argumentPieces()) {
        events.add(deltaType.constData(),
            { { "item_id", call.custom ? "ctc_fake1" : "fc_fake1" }, { "output_index", 0 },
                { "delta", piece } });
    }
    const QJsonObject item = callItem(call, "completed", true);
    QJsonObject done { { "item_id", item.value("id") }, { "output_index", 0 } };
    if (call.custom) {
        done.insert("input", call.input);
    } else {
        done.insert("name", call.name);
        done.insert("arguments", item.value("arguments"));
    }
    events.add(doneType.constData(), done);
    events.add("response.output_item.done", { { "output_index", 0 }, { "item", item } });
    events.add("response.completed", { { "response", completed(answered, item, toolUsage) } });
    return events.list();
}

QByteArray ResponsesWire::failed(
    const QString& model, int sequenceNumber, const char* code, const QString& message)
{
    QJsonObject failure = response({ model }, "failed", {});
    failure.insert("error", QJsonObject { { "code", code }, { "message", message } });
    const QJsonObject data { { "type", "response.failed" }, { "sequence_number", sequenceNumber },
        { "response", failure } };
    return "event: response.failed\ndata: " + compact(data) + "\n\n";
}

QByteArray ResponsesWire::errorEvent(
    int sequenceNumber, const char* type, const char* code, const QString& message)
{
    const QJsonObject data { { "type", "error" }, { "sequence_number", sequenceNumber },
        { "code", code }, { "message", message }, { "param", QJsonValue() },
        { "error",
            QJsonObject { { "type", type }, { "code", code }, { "message", message },
                { "param", QJsonValue() } } } };
    return "event: error\ndata: " + compact(data) + "\n\n";
}

QByteArray ResponsesWire::error(const char* type, const char* code, const QString& message)
{
    return compact({ { "error",
        QJsonObject { { "message", message }, { "type", type }, { "param", QJsonValue() },
            { "code", code } } } });
}

bool ResponsesWire::isResponses(const QByteArray& path)
{
    return path.endsWith("/v1/responses") || path == "/openai/responses";
}

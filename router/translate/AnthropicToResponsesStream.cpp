#include "router/translate/AnthropicToResponsesStream.h"

#include "router/translate/ResponsesEvents.h"
#include "router/translate/ResponsesToAnthropic.h"

#include <QDateTime>
#include <QJsonDocument>

namespace {

QJsonValue valueOr(const QJsonObject& request, const QString& key, const QJsonValue& fallback)
{
    const QJsonValue value = request.value(key);
    return value.isUndefined() || value.isNull() ? fallback : value;
}

// What a response repeats of its request, with OpenAI's defaults for what the request left
// out (temperature and top_p 1 are Anthropic's defaults too).
QJsonObject echoOf(const QJsonObject& request)
{
    const QJsonObject noReasoning { { QStringLiteral("effort"), QJsonValue() },
        { QStringLiteral("summary"), QJsonValue() } };
    const QJsonObject plainText { { QStringLiteral("format"),
        QJsonObject { { QStringLiteral("type"), QStringLiteral("text") } } } };
    return { { QStringLiteral("background"), false }, { QStringLiteral("error"), QJsonValue() },
        { QStringLiteral("incomplete_details"), QJsonValue() },
        { QStringLiteral("instructions"),
            valueOr(request, QStringLiteral("instructions"), QJsonValue()) },
        { QStringLiteral("max_output_tokens"),
            valueOr(request, QStringLiteral("max_output_tokens"), QJsonValue()) },
        { QStringLiteral("max_tool_calls"),
            valueOr(request, QStringLiteral("max_tool_calls"), QJsonValue()) },
        { QStringLiteral("metadata"), valueOr(request, QStringLiteral("metadata"), QJsonObject()) },
        { QStringLiteral("parallel_tool_calls"),
            valueOr(request, QStringLiteral("parallel_tool_calls"), true) },
        { QStringLiteral("previous_response_id"), QJsonValue() },
        { QStringLiteral("prompt_cache_key"),
            valueOr(request, QStringLiteral("prompt_cache_key"), QJsonValue()) },
        { QStringLiteral("reasoning"), valueOr(request, QStringLiteral("reasoning"), noReasoning) },
        // Keyway keeps no response, whatever the request asked (store: true is recorded as
        // dropped): a client must not count on fetching it later.
        { QStringLiteral("store"), false },
        { QStringLiteral("temperature"), valueOr(request, QStringLiteral("temperature"), 1.0) },
        { QStringLiteral("text"), valueOr(request, QStringLiteral("text"), plainText) },
        { QStringLiteral("tool_choice"),
            valueOr(request, QStringLiteral("tool_choice"), QStringLiteral("auto")) },
        { QStringLiteral("tools"), valueOr(request, QStringLiteral("tools"), QJsonArray()) },
        { QStringLiteral("top_p"), valueOr(request, QStringLiteral("top_p"), 1.0) },
        { QStringLiteral("truncation"),
            valueOr(request, QStringLiteral("truncation"), QStringLiteral("disabled")) },
        { QStringLiteral("user"), valueOr(request, QStringLiteral("user"), QJsonValue()) } };
}

// The Anthropic names of the request's custom (freeform) tools, namespace members included.
QSet<QString> freeformToolsOf(const QJsonArray& tools)
{
    QSet<QString> names;
    for (const QJsonValue& tool : tools) {
        const QString type = tool[QStringLiteral("type")].toString();
        if (type == u"custom") {
            names.insert(tool[QStringLiteral("name")].toString());
        } else if (type == u"namespace") {
            const QString nameSpace = tool[QStringLiteral("name")].toString();
            for (const QJsonValue& member : tool[QStringLiteral("tools")].toArray()) {
                if (member[QStringLiteral("type")].toString() == u"custom") {
                    names.insert(ResponsesToAnthropic::anthropicToolName(
                        { member[QStringLiteral("name")].toString(), nameSpace }));
                }
            }
        }
    }
    return names;
}

// "auto", "concise" or "detailed" (Codex asks "auto" of a model it does not know).
bool wantsSummary(const QJsonObject& request)
{
    const QString summary
        = request.value(QStringLiteral("reasoning"))[QStringLiteral("summary")].toString();
    return !summary.isEmpty() && summary != u"none";
}

QJsonObject textPart(const QString& text)
{
    return { { QStringLiteral("type"), QStringLiteral("output_text") },
        { QStringLiteral("text"), text }, { QStringLiteral("annotations"), QJsonArray() },
        { QStringLiteral("logprobs"), QJsonArray() } };
}

QJsonObject summaryPart(const QString& text)
{
    return { { QStringLiteral("type"), QStringLiteral("summary_text") },
        { QStringLiteral("text"), text } };
}

// A function call as ResponsesToAnthropic::toolCallItem writes it, with the arguments as the
// client got them in pieces: the item's arguments are byte for byte what it joined.
QJsonObject functionCallItem(QJsonObject toolUse, const QString& arguments)
{
    toolUse.insert(QStringLiteral("input"), QJsonObject()); // never read as freeform input
    QJsonObject item = ResponsesToAnthropic::toolCallItem(toolUse);
    item.insert(QStringLiteral("arguments"), arguments);
    return item;
}

} // namespace

AnthropicToResponsesStream::AnthropicToResponsesStream(const QJsonObject& responsesRequest)
    : m_echo(echoOf(responsesRequest))
    , m_freeformTools(freeformToolsOf(responsesRequest.value(QStringLiteral("tools")).toArray()))
    , m_wantsSummary(wantsSummary(responsesRequest))
    , m_createdAt(QDateTime::currentSecsSinceEpoch())
{ }

void AnthropicToResponsesStream::messageStarted(const QJsonObject& /*data*/)
{
    open();
}

// Kept for the terminal event, which closing() writes.
void AnthropicToResponsesStream::stopped(const QString& stopReason)
{
    m_stopReason = stopReason;
}

// response.created and response.in_progress: written before the answer has started, they wait
// in the client bytes until it has, and go with the attempt when it fails over.
void AnthropicToResponsesStream::open()
{
    if (m_opened)
        return;
    m_opened = true;
    const QJsonObject inProgress = response(QStringLiteral("in_progress"));
    write({ { QStringLiteral("type"), QStringLiteral("response.created") },
        { QStringLiteral("response"), inProgress } });
    write({ { QStringLiteral("type"), QStringLiteral("response.in_progress") },
        { QStringLiteral("response"), inProgress } });
}

void AnthropicToResponsesStream::blockStarted(const QJsonObject& data)
{
    const QJsonObject block = data.value(QStringLiteral("content_block")).toObject();
    const QString type = block.value(QStringLiteral("type")).toString();
    Item item;
    if (type == u"text") {
        item.kind = Kind::Text;
    } else if (type == u"thinking") {
        item.kind = Kind::Thinking;
    } else if (type == u"tool_use") {
        item.kind = m_freeformTools.contains(block.value(QStringLiteral("name")).toString())
            ? Kind::FreeformCall
            : Kind::FunctionCall;
        item.toolUse = block;
    } else {
        return; // redacted thinking, and what a Responses client has no item for
    }
    open(); // should the stream have had no message_start
    item.outputIndex = m_outputItems++;
    if (item.kind == Kind::Text)
        textStarted(item, block.value(QStringLiteral("text")).toString());
    else if (item.kind == Kind::Thinking)
        thinkingStarted(item, block.value(QStringLiteral("thinking")).toString());
    else
        callStarted(item);
    m_itemOfBlock.insert(data.value(QStringLiteral("index")).toInt(), item);
}

void AnthropicToResponsesStream::textStarted(Item& item, const QString& text)
{
    item.id = itemId("msg", item.outputIndex);
    write({ { QStringLiteral("type"), QStringLiteral("response.output_item.added") },
        { QStringLiteral("output_index"), item.outputIndex },
        { QStringLiteral("item"),
            QJsonObject { { QStringLiteral("id"), item.id },
                { QStringLiteral("type"), QStringLiteral("message") },
                { QStringLiteral("status"), QStringLiteral("in_progress") },
                { QStringLiteral("role"), QStringLiteral("assistant") },
                { QStringLiteral("content"), QJsonArray() } } } });
    write({ { QStringLiteral("type"), QStringLiteral("response.content_part.added") },
        { QStringLiteral("item_id"), item.id },
        { QStringLiteral("output_index"), item.outputIndex },
        { QStringLiteral("content_index"), 0 }, { QStringLiteral("part"), textPart({}) } });
    textDelta(item, text); // a start with text already in it; usually empty, then its deltas
}

void AnthropicToResponsesStream::thinkingStarted(Item& item, const QString& thinking)
{
    item.id = itemId("rs", item.outputIndex);
    write({ { QStringLiteral("type"), QStringLiteral("response.output_item.added") },
        { QStringLiteral("output_index"), item.outputIndex },
        { QStringLiteral("item"),
            QJsonObject { { QStringLiteral("id"), item.id },
                { QStringLiteral("type"), QStringLiteral("reasoning") },
                { QStringLiteral("summary"), QJsonArray() } } } });
    thinkingDelta(item, thinking);
}

// A function call streams its arguments as they come. A freeform call waits for its block's
// end: its raw input is a string inside Anthropic's JSON ({"freeform_input": "..."}), known
// whole only then, so it goes out whole then, in one delta. Announced earlier it could also be
// the wrong item type, should the model answer a freeform tool with other input.
void AnthropicToResponsesStream::callStarted(Item& item)
{
    m_started = true;
    if (item.kind == Kind::FunctionCall)
        announceFunctionCall(item);
}

void AnthropicToResponsesStream::announceFunctionCall(Item& item)
{
    QJsonObject added = functionCallItem(item.toolUse, {});
    added.insert(QStringLiteral("status"), QStringLiteral("in_progress"));
    item.id = added.value(QStringLiteral("id")).toString();
    write({ { QStringLiteral("type"), QStringLiteral("response.output_item.added") },
        { QStringLiteral("output_index"), item.outputIndex }, { QStringLiteral("item"), added } });
}

void AnthropicToResponsesStream::blockDelta(const QJsonObject& data)
{
    const auto found = m_itemOfBlock.find(data.value(QStringLiteral("index")).toInt());
    if (found == m_itemOfBlock.end())
        return;
    Item& item = *found;
    const QJsonObject delta = data.value(QStringLiteral("delta")).toObject();
    const QString type = delta.value(QStringLiteral("type")).toString();
    if (type == u"text_delta" && item.kind == Kind::Text) {
        textDelta(item, delta.value(QStringLiteral("text")).toString());
    } else if (type == u"thinking_delta" && item.kind == Kind::Thinking) {
        thinkingDelta(item, delta.value(QStringLiteral("thinking")).toString());
    } else if (type == u"input_json_delta" && !item.toolUse.isEmpty()) {
        const QString piece = delta.value(QStringLiteral("partial_json")).toString();
        item.text += piece;
        if (item.kind == Kind::FunctionCall && !piece.isEmpty()) {
            write({ { QStringLiteral("type"),
                        QStringLiteral("response.function_call_arguments.delta") },
                { QStringLiteral("item_id"), item.id },
                { QStringLiteral("output_index"), item.outputIndex },
                { QStringLiteral("delta"), piece } });
        }
    }
}

void AnthropicToResponsesStream::textDelta(Item& item, const QString& text)
{
    if (text.isEmpty())
        return;
    m_started = true;
    item.text += text;
    write({ { QStringLiteral("type"), QStringLiteral("response.output_text.delta") },
        { QStringLiteral("item_id"), item.id },
        { QStringLiteral("output_index"), item.outputIndex },
        { QStringLiteral("content_index"), 0 }, { QStringLiteral("delta"), text },
        { QStringLiteral("logprobs"), QJsonArray() } });
}

void AnthropicToResponsesStream::thinkingDelta(Item& item, const QString& thinking)
{
    if (thinking.isEmpty())
        return;
    // The model answers even when its thinking is not shown: a long hidden thinking must not
    // pass for an upstream that never answered.
    m_started = true;
    item.text += thinking;
    if (!m_wantsSummary)
        return;
    if (!item.summaryOpen) {
        item.summaryOpen = true;
        write({ { QStringLiteral("type"), QStringLiteral("response.reasoning_summary_part.added") },
            { QStringLiteral("item_id"), item.id },
            { QStringLiteral("output_index"), item.outputIndex },
            { QStringLiteral("summary_index"), 0 }, { QStringLiteral("part"), summaryPart({}) } });
    }
    write({ { QStringLiteral("type"), QStringLiteral("response.reasoning_summary_text.delta") },
        { QStringLiteral("item_id"), item.id },
        { QStringLiteral("output_index"), item.outputIndex },
        { QStringLiteral("summary_index"), 0 }, { QStringLiteral("delta"), thinking } });
}

void AnthropicToResponsesStream::blockStopped(const QJsonObject& data)
{
    const auto found = m_itemOfBlock.find(data.value(QStringLiteral("index")).toInt());
    if (found == m_itemOfBlock.end())
        return;
    Item item = *found;
    m_itemOfBlock.erase(found);
    switch (item.kind) {
    case Kind::Text:
        textDone(item);
        break;
    case Kind::Thinking:
        thinkingDone(item);
        break;
    case Kind::FunctionCall:
        functionCallDone(item);
        break;
    case Kind::FreeformCall:
        freeformCallDone(item);
        break;
    }
}

void AnthropicToResponsesStream::textDone(const Item& item)
{
    write({ { QStringLiteral("type"), QStringLiteral("response.output_text.done") },
        { QStringLiteral("item_id"), item.id },
        { QStringLiteral("output_index"), item.outputIndex },
        { QStringLiteral("content_index"), 0 }, { QStringLiteral("text"), item.text },
        { QStringLiteral("logprobs"), QJsonArray() } });
    write({ { QStringLiteral("type"), QStringLiteral("response.content_part.done") },
        { QStringLiteral("item_id"), item.id },
        { QStringLiteral("output_index"), item.outputIndex },
        { QStringLiteral("content_index"), 0 }, { QStringLiteral("part"), textPart(item.text) } });
    itemDone(item,
        { { QStringLiteral("id"), item.id }, { QStringLiteral("type"), QStringLiteral("message") },
            { QStringLiteral("status"), QStringLiteral("completed") },
            { QStringLiteral("role"), QStringLiteral("assistant") },
            { QStringLiteral("content"), QJsonArray { textPart(item.text) } } });
}

// The summary is Claude's thinking, readable text; no encrypted_content, whose state would be
// another account's.
void AnthropicToResponsesStream::thinkingDone(const Item& item)
{
    QJsonArray summary;
    if (item.summaryOpen) {
        write({ { QStringLiteral("type"), QStringLiteral("response.reasoning_summary_text.done") },
            { QStringLiteral("item_id"), item.id },
            { QStringLiteral("output_index"), item.outputIndex },
            { QStringLiteral("summary_index"), 0 }, { QStringLiteral("text"), item.text } });
        write({ { QStringLiteral("type"), QStringLiteral("response.reasoning_summary_part.done") },
            { QStringLiteral("item_id"), item.id },
            { QStringLiteral("output_index"), item.outputIndex },
            { QStringLiteral("summary_index"), 0 },
            { QStringLiteral("part"), summaryPart(item.text) } });
        summary.append(summaryPart(item.text));
    }
    itemDone(item,
        { { QStringLiteral("id"), item.id },
            { QStringLiteral("type"), QStringLiteral("reasoning") },
            { QStringLiteral("summary"), summary } });
}

void AnthropicToResponsesStream::functionCallDone(const Item& item)
{
    // Without pieces the start's input stands: a call without arguments.
    const QString arguments = item.text.isEmpty()
        ? QString::fromUtf8(QJsonDocument(item.toolUse.value(QStringLiteral("input")).toObject())
                                .toJson(QJsonDocument::Compact))
        : item.text;
    const QJsonObject done = functionCallItem(item.toolUse, arguments);
    write({ { QStringLiteral("type"), QStringLiteral("response.function_call_arguments.done") },
        { QStringLiteral("item_id"), item.id },
        { QStringLiteral("output_index"), item.outputIndex },
        { QStringLiteral("name"), done.value(QStringLiteral("name")) },
        { QStringLiteral("arguments"), arguments } });
    itemDone(item, done);
}

void AnthropicToResponsesStream::freeformCallDone(Item& item)
{
    QJsonObject toolUse = item.toolUse;
    const QJsonDocument input = QJsonDocument::fromJson(item.text.toUtf8());
    if (input.isObject())
        toolUse.insert(QStringLiteral("input"), input.object());
    else if (!item.text.trimmed().isEmpty())
        ++m_malformedEvents;
    const QJsonObject done = ResponsesToAnthropic::toolCallItem(toolUse);
    if (done.value(QStringLiteral("type")).toString() != u"custom_tool_call") {
        // Not the freeform tool's one string: the call goes out as it came, a function call.
        item.kind = Kind::FunctionCall;
        announceFunctionCall(item);
        if (!item.text.isEmpty()) {
            write({ { QStringLiteral("type"),
                        QStringLiteral("response.function_call_arguments.delta") },
                { QStringLiteral("item_id"), item.id },
                { QStringLiteral("output_index"), item.outputIndex },
                { QStringLiteral("delta"), item.text } });
        }
        functionCallDone(item);
        return;
    }
    item.id = done.value(QStringLiteral("id")).toString();
    const QString text = done.value(QStringLiteral("input")).toString();
    QJsonObject added = done;
    added.insert(QStringLiteral("status"), QStringLiteral("in_progress"));
    added.insert(QStringLiteral("input"), QString());
    write({ { QStringLiteral("type"), QStringLiteral("response.output_item.added") },
        { QStringLiteral("output_index"), item.outputIndex }, { QStringLiteral("item"), added } });
    if (!text.isEmpty()) {
        write({ { QStringLiteral("type"), QStringLiteral("response.custom_tool_call_input.delta") },
            { QStringLiteral("item_id"), item.id },
            { QStringLiteral("output_index"), item.outputIndex },
            { QStringLiteral("delta"), text } });
    }
    write({ { QStringLiteral("type"), QStringLiteral("response.custom_tool_call_input.done") },
        { QStringLiteral("item_id"), item.id },
        { QStringLiteral("output_index"), item.outputIndex }, { QStringLiteral("input"), text } });
    itemDone(item, done);
}

void AnthropicToResponsesStream::itemDone(const Item& item, const QJsonObject& done)
{
    m_done.insert(item.outputIndex, done);
    write({ { QStringLiteral("type"), QStringLiteral("response.output_item.done") },
        { QStringLiteral("output_index"), item.outputIndex }, { QStringLiteral("item"), done } });
}

void AnthropicToResponsesStream::write(const QJsonObject& data)
{
    m_clientBytes += ResponsesEvents::event(data, m_sequence++);
}

// As ResponsesToAnthropic::answer names the items of a whole answer: unique within the response.
QString AnthropicToResponsesStream::itemId(const char* prefix, int outputIndex) const
{
    QString suffix = messageId();
    if (suffix.startsWith(u"msg_"))
        suffix.remove(0, 4);
    return QStringLiteral("%1_%2_%3").arg(QLatin1StringView(prefix), suffix).arg(outputIndex);
}

QJsonObject AnthropicToResponsesStream::response(const QString& status) const
{
    QJsonObject response = m_echo;
    response.insert(QStringLiteral("id"), QString(QStringLiteral("resp_") + messageId()));
    response.insert(QStringLiteral("object"), QStringLiteral("response"));
    response.insert(QStringLiteral("created_at"), m_createdAt);
    response.insert(QStringLiteral("status"), status);
    response.insert(QStringLiteral("model"), m_servedModel);
    QJsonArray output;
    for (const QJsonObject& item : m_done)
        output.append(item);
    response.insert(QStringLiteral("output"), output);
    response.insert(QStringLiteral("usage"),
        status == u"in_progress" ? QJsonValue() : QJsonValue(ResponsesEvents::usage(m_usage)));
    return response;
}

QByteArray AnthropicToResponsesStream::terminal(qint64 sequenceNumber) const
{
    const QString reason = ResponsesToAnthropic::incompleteReason(m_stopReason);
    QJsonObject response = this->response(
        reason.isEmpty() ? QStringLiteral("completed") : QStringLiteral("incomplete"));
    if (reason.isEmpty()) {
        response.insert(QStringLiteral("completed_at"), QDateTime::currentSecsSinceEpoch());
    } else {
        response.insert(QStringLiteral("incomplete_details"),
            QJsonObject { { QStringLiteral("reason"), reason } });
    }
    return ResponsesEvents::event({ { QStringLiteral("type"),
                                        reason.isEmpty() ? QStringLiteral("response.completed")
                                                         : QStringLiteral("response.incomplete") },
                                      { QStringLiteral("response"), response } },
        sequenceNumber);
}

// The terminal event is written here, not at message_stop: the router decides when the answer
// is whole (message_stop, or an upstream that closed its stream after the stop reason), and
// the usage is final by then. Codex ends its turn at response.completed.
QByteArray AnthropicToResponsesStream::closing() const
{
    if (m_opened)
        return terminal(m_sequence);
    // A stream without message_start: the terminal event still has a response to end.
    const QJsonObject inProgress = response(QStringLiteral("in_progress"));
    return ResponsesEvents::event({ { QStringLiteral("type"), QStringLiteral("response.created") },
                                      { QStringLiteral("response"), inProgress } },
               m_sequence)
        + ResponsesEvents::event(
            { { QStringLiteral("type"), QStringLiteral("response.in_progress") },
                { QStringLiteral("response"), inProgress } },
            m_sequence + 1)
        + terminal(m_sequence + 2);
}

QByteArray AnthropicToResponsesStream::errorEvent(const QString& message, const QString& type) const
{
    // The output as far as it went: items whose block did not end are left out, so that a
    // client that retries with what it got (Codex) has no half-finished item.
    return ResponsesEvents::failure(response(QStringLiteral("failed")),
        ResponsesEvents::errorCode(m_upstreamError), message, type, m_sequence);
}

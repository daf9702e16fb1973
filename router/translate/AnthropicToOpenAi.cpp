#include "router/translate/AnthropicToOpenAi.h"

#include "router/translate/ContentText.h"
#include "router/translate/DroppedFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AnthropicToOpenAi)
};

// Request fields with the same meaning in both formats.
const char* const sameFields[] = { "temperature", "top_p", "stream" };
Result<QJsonObject> imagePart(const QJsonObject& block)
{
    const QJsonObject source = block.value(QStringLiteral("source")).toObject();
    const QString type = source.value(QStringLiteral("type")).toString();
    QString url;
    if (type == u"base64") {
        url = QStringLiteral("data:%1;base64,%2")
                  .arg(source.value(QStringLiteral("media_type")).toString(),
                      source.value(QStringLiteral("data")).toString());
    } else if (type == u"url") {
        url = source.value(QStringLiteral("url")).toString();
    } else {
        return unsupported(
            Text::tr("An image given as \"%1\" cannot be sent to an OpenAI-format provider.")
                .arg(type));
    }
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("image_url") },
        { QStringLiteral("image_url"), QJsonObject { { QStringLiteral("url"), url } } } };
}

// One Anthropic turn as one or more OpenAI messages: tool results become "tool" messages of
// their own, before what else the user said.
Result<void> appendTurn(const QJsonObject& turn, QJsonArray& messages, DroppedFields& dropped)
{
    const QString role = turn.value(QStringLiteral("role")).toString();
    const QJsonValue content = turn.value(QStringLiteral("content"));
    if (content.isString()) {
        messages.append(QJsonObject {
            { QStringLiteral("role"), role }, { QStringLiteral("content"), content.toString() } });
        return {};
    }
    QJsonArray parts;
    QString text;
    QJsonArray toolCalls;
    for (const QJsonValue& value : content.toArray()) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(QStringLiteral("type")).toString();
        dropped.addCacheControl(block);
        if (type == u"text") {
            const QString blockText = block.value(QStringLiteral("text")).toString();
            text += text.isEmpty() ? blockText : u'\n' + blockText;
            parts.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                { QStringLiteral("text"), blockText } });
        } else if (type == u"image") {
            const Result<QJsonObject> image = imagePart(block);
            if (!image)
                return image.failure();
            parts.append(*image);
        } else if (type == u"tool_use") {
            toolCalls.append(openAiToolCall(block));
        } else if (type == u"tool_result") {
            const QJsonValue result = block.value(QStringLiteral("content"));
            for (const QJsonValue& part : result.toArray()) {
                if (part.toObject().value(QStringLiteral("type")).toString() != u"text") {
                    return unsupported(Text::tr("A tool result with an image or document cannot "
                                                "be sent to an OpenAI-format provider."));
                }
            }
            QString resultText = contentText(result);
            if (block.value(QStringLiteral("is_error")).toBool())
                resultText.prepend(QStringLiteral("Error: "));
            messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("tool") },
                { QStringLiteral("tool_call_id"), block.value(QStringLiteral("tool_use_id")) },
                { QStringLiteral("content"), resultText } });
        } else if (type == u"thinking" || type == u"redacted_thinking") {
            dropped.add(QStringLiteral("thinking"));
        } else {
            return unsupported(
                Text::tr("A \"%1\" block cannot be sent to an OpenAI-format provider.").arg(type));
        }
    }
    if (role == u"assistant") {
        if (text.isEmpty() && toolCalls.isEmpty())
            return {};
        QJsonObject message { { QStringLiteral("role"), role },
            { QStringLiteral("content"), text.isEmpty() ? QJsonValue() : QJsonValue(text) } };
        if (!toolCalls.isEmpty())
            message.insert(QStringLiteral("tool_calls"), toolCalls);
        messages.append(message);
    } else if (!parts.isEmpty()) {
        messages.append(
            QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), parts } });
    }
    return {};
}

QJsonValue toolChoice(const QJsonObject& choice)
{
    const QString type = choice.value(QStringLiteral("type")).toString();
    if (type == u"any")
        return QStringLiteral("required");
    if (type == u"none")
        return QStringLiteral("none");
    if (type == u"tool") {
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
            { QStringLiteral("function"),
                QJsonObject {
                    { QStringLiteral("name"), choice.value(QStringLiteral("name")) } } } };
    }
    return QStringLiteral("auto");
}

QJsonArray tools(const QJsonArray& anthropicTools, DroppedFields& dropped)
{
    QJsonArray functions;
    for (const QJsonValue& value : anthropicTools) {
        const QJsonObject tool = value.toObject();
        if (dropped.withdrawServerTool(tool))
            continue;
        QJsonObject function { { QStringLiteral("name"), tool.value(QStringLiteral("name")) },
            { QStringLiteral("parameters"), tool.value(QStringLiteral("input_schema")) } };
        if (tool.contains(QStringLiteral("description")))
            function.insert(
                QStringLiteral("description"), tool.value(QStringLiteral("description")));
        functions.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
            { QStringLiteral("function"), function } });
    }
    return functions;
}

} // namespace

Result<AnthropicToOpenAi::Request> AnthropicToOpenAi::request(
    const QJsonObject& anthropic, const QString& maxTokensField)
{
    DroppedFields dropped;
    for (const QJsonValue& block : anthropic.value(QStringLiteral("system")).toArray())
        dropped.addCacheControl(block.toObject());
    QJsonArray messages;
    if (const QString system = contentText(anthropic.value(QStringLiteral("system")));
        !system.isEmpty()) {
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
            { QStringLiteral("content"), system } });
    }
    for (const QJsonValue& turn : anthropic.value(QStringLiteral("messages")).toArray()) {
        if (const Result<void> appended = appendTurn(turn.toObject(), messages, dropped); !appended)
            return appended.failure();
    }
    QJsonObject body { { QStringLiteral("messages"), messages },
        { maxTokensField, anthropic.value(QStringLiteral("max_tokens")) } };
    for (const char* field : sameFields) {
        if (const QJsonValue value = anthropic.value(QLatin1StringView(field));
            !value.isUndefined())
            body.insert(QLatin1StringView(field), value);
    }
    if (const QJsonValue stops = anthropic.value(QStringLiteral("stop_sequences")); stops.isArray())
        body.insert(QStringLiteral("stop"), stops);
    if (const QJsonArray anthropicTools = anthropic.value(QStringLiteral("tools")).toArray();
        !anthropicTools.isEmpty()) {
        if (const QJsonArray functions = tools(anthropicTools, dropped); !functions.isEmpty())
            body.insert(QStringLiteral("tools"), functions);
    }
    if (const QJsonObject choice = anthropic.value(QStringLiteral("tool_choice")).toObject();
        !choice.isEmpty() && body.contains(QStringLiteral("tools"))) {
        body.insert(QStringLiteral("tool_choice"), toolChoice(choice));
        if (choice.value(QStringLiteral("disable_parallel_tool_use")).toBool())
            body.insert(QStringLiteral("parallel_tool_calls"), false);
    }
    const QString user = anthropic.value(QStringLiteral("metadata"))
                             .toObject()
                             .value(QStringLiteral("user_id"))
                             .toString();
    if (!user.isEmpty())
        body.insert(QStringLiteral("user"), user.left(64)); // OpenAI's limit
    // Anthropic-only fields with no OpenAI equivalent: left out and recorded.
    dropped.addPresent(anthropic,
        { "top_k", "thinking", "context_management", "container", "mcp_servers", "service_tier",
            "betas" });
    return Request { body, dropped.list() };
}

QString AnthropicToOpenAi::stopReason(const QString& finishReason)
{
    if (finishReason == u"length")
        return QStringLiteral("max_tokens");
    if (finishReason == u"tool_calls" || finishReason == u"function_call")
        return QStringLiteral("tool_use");
    if (finishReason == u"content_filter")
        return QStringLiteral("refusal");
    return QStringLiteral("end_turn");
}

QJsonObject AnthropicToOpenAi::usage(const QJsonObject& openAiUsage)
{
    const qint64 prompt = openAiUsage.value(QStringLiteral("prompt_tokens")).toInteger();
    const qint64 cached = openAiUsage.value(QStringLiteral("prompt_tokens_details"))
                              .toObject()
                              .value(QStringLiteral("cached_tokens"))
                              .toInteger();
    return { { QStringLiteral("input_tokens"), prompt - cached },
        { QStringLiteral("output_tokens"),
            openAiUsage.value(QStringLiteral("completion_tokens")).toInteger() },
        { QStringLiteral("cache_read_input_tokens"), cached },
        { QStringLiteral("cache_creation_input_tokens"), 0 } };
}

std::optional<QByteArray> AnthropicToOpenAi::answer(const QByteArray& openAiBody)
{
    const QJsonObject root = QJsonDocument::fromJson(openAiBody).object();
    const QJsonObject choice = root.value(QStringLiteral("choices")).toArray().first().toObject();
    if (choice.isEmpty())
        return std::nullopt;
    const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
    QJsonArray content;
    if (const QString text = message.value(QStringLiteral("content")).toString(); !text.isEmpty()) {
        content.append(QJsonObject {
            { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), text } });
    }
    for (const QJsonValue& value : message.value(QStringLiteral("tool_calls")).toArray()) {
        const QJsonObject call = value.toObject();
        const QJsonObject function = call.value(QStringLiteral("function")).toObject();
        content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
            { QStringLiteral("id"), call.value(QStringLiteral("id")) },
            { QStringLiteral("name"), function.value(QStringLiteral("name")) },
            { QStringLiteral("input"),
                QJsonDocument::fromJson(
                    function.value(QStringLiteral("arguments")).toString().toUtf8())
                    .object() } });
    }
    const QJsonObject translated {
        { QStringLiteral("id"),
            QString(QStringLiteral("msg_") + root.value(QStringLiteral("id")).toString()) },
        { QStringLiteral("type"), QStringLiteral("message") },
        { QStringLiteral("role"), QStringLiteral("assistant") },
        { QStringLiteral("model"), root.value(QStringLiteral("model")) },
        { QStringLiteral("content"), content },
        { QStringLiteral("stop_reason"),
            stopReason(choice.value(QStringLiteral("finish_reason")).toString()) },
        { QStringLiteral("stop_sequence"), QJsonValue() },
        { QStringLiteral("usage"), usage(root.value(QStringLiteral("usage")).toObject()) }
    };
    return QJsonDocument(translated).toJson(QJsonDocument::Compact);
}

QByteArray AnthropicToOpenAi::error(const QByteArray& openAiBody)
{
    const QJsonValue error
        = QJsonDocument::fromJson(openAiBody).object().value(QStringLiteral("error"));
    const QString message = error.isObject()
        ? error.toObject().value(QStringLiteral("message")).toString()
        : QString::fromUtf8(openAiBody.left(200)).simplified();
    const QJsonObject translated { { QStringLiteral("type"), QStringLiteral("error") },
        { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("invalid_request_error") },
                { QStringLiteral("message"), message } } } };
    return QJsonDocument(translated).toJson(QJsonDocument::Compact);
}

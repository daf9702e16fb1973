#include "router/translate/AnthropicToConverse.h"

#include "router/translate/ContentText.h"
#include "router/translate/DroppedFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AnthropicToConverse)
};

Result<QJsonObject> imageBlock(const QJsonObject& block)
{
    const QJsonObject source = block.value(QStringLiteral("source")).toObject();
    const QString mediaType = source.value(QStringLiteral("media_type")).toString();
    const QString format = mediaType.section(u'/', 1);
    if (source.value(QStringLiteral("type")).toString() != u"base64"
        || !QStringList { QStringLiteral("png"), QStringLiteral("jpeg"), QStringLiteral("gif"),
            QStringLiteral("webp") }
                .contains(format)) {
        return unsupported(
            Text::tr("Amazon Bedrock takes images as base64 PNG, JPEG, GIF or WebP."));
    }
    return QJsonObject { { QStringLiteral("image"),
        QJsonObject { { QStringLiteral("format"), format },
            { QStringLiteral("source"),
                QJsonObject {
                    { QStringLiteral("bytes"), source.value(QStringLiteral("data")) } } } } } };
}

Result<QJsonArray> converseContent(const QJsonValue& content, DroppedFields& dropped)
{
    if (content.isString())
        return QJsonArray { QJsonObject { { QStringLiteral("text"), content.toString() } } };
    QJsonArray blocks;
    for (const QJsonValue& value : content.toArray()) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(QStringLiteral("type")).toString();
        dropped.addCacheControl(block);
        if (type == u"text") {
            blocks.append(
                QJsonObject { { QStringLiteral("text"), block.value(QStringLiteral("text")) } });
        } else if (type == u"image") {
            const auto image = imageBlock(block);
            if (!image)
                return image.failure();
            blocks.append(*image);
        } else if (type == u"tool_use") {
            blocks.append(QJsonObject { { QStringLiteral("toolUse"),
                QJsonObject { { QStringLiteral("toolUseId"), block.value(QStringLiteral("id")) },
                    { QStringLiteral("name"), block.value(QStringLiteral("name")) },
                    { QStringLiteral("input"), block.value(QStringLiteral("input")) } } } });
        } else if (type == u"tool_result") {
            QJsonObject result { { QStringLiteral("toolUseId"),
                                     block.value(QStringLiteral("tool_use_id")) },
                { QStringLiteral("content"),
                    QJsonArray { QJsonObject { { QStringLiteral("text"),
                        contentText(block.value(QStringLiteral("content"))) } } } } };
            if (block.value(QStringLiteral("is_error")).toBool())
                result.insert(QStringLiteral("status"), QStringLiteral("error"));
            blocks.append(QJsonObject { { QStringLiteral("toolResult"), result } });
        } else if (type == u"thinking" || type == u"redacted_thinking") {
            dropped.add(QStringLiteral("thinking"));
        } else {
            return unsupported(
                Text::tr("A \"%1\" block cannot be sent to Amazon Bedrock.").arg(type));
        }
    }
    return blocks;
}

QJsonObject toolConfig(const QJsonObject& anthropic, DroppedFields& dropped)
{
    QJsonArray tools;
    for (const QJsonValue& value : anthropic.value(QStringLiteral("tools")).toArray()) {
        const QJsonObject tool = value.toObject();
        if (dropped.withdrawServerTool(tool))
            continue;
        QJsonObject spec { { QStringLiteral("name"), tool.value(QStringLiteral("name")) },
            { QStringLiteral("inputSchema"),
                QJsonObject {
                    { QStringLiteral("json"), tool.value(QStringLiteral("input_schema")) } } } };
        if (tool.contains(QStringLiteral("description")))
            spec.insert(QStringLiteral("description"), tool.value(QStringLiteral("description")));
        tools.append(QJsonObject { { QStringLiteral("toolSpec"), spec } });
    }
    if (tools.isEmpty())
        return {};
    QJsonObject config { { QStringLiteral("tools"), tools } };
    const QJsonObject choice = anthropic.value(QStringLiteral("tool_choice")).toObject();
    const QString type = choice.value(QStringLiteral("type")).toString();
    if (type == u"any")
        config.insert(
            QStringLiteral("toolChoice"), QJsonObject { { QStringLiteral("any"), QJsonObject() } });
    else if (type == u"tool")
        config.insert(QStringLiteral("toolChoice"),
            QJsonObject { { QStringLiteral("tool"),
                QJsonObject {
                    { QStringLiteral("name"), choice.value(QStringLiteral("name")) } } } });
    else if (type == u"none")
        return {}; // Converse cannot say "no tools" but by leaving them out
    return config;
}

} // namespace

Result<AnthropicToConverse::Request> AnthropicToConverse::request(const QJsonObject& anthropic)
{
    DroppedFields dropped;
    QJsonArray messages;
    for (const QJsonValue& value : anthropic.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject turn = value.toObject();
        const auto content = converseContent(turn.value(QStringLiteral("content")), dropped);
        if (!content)
            return content.failure();
        if (!content->isEmpty())
            messages.append(
                QJsonObject { { QStringLiteral("role"), turn.value(QStringLiteral("role")) },
                    { QStringLiteral("content"), *content } });
    }
    QJsonObject body { { QStringLiteral("messages"), messages } };
    if (const QString system = contentText(anthropic.value(QStringLiteral("system")));
        !system.isEmpty())
        body.insert(QStringLiteral("system"),
            QJsonArray { QJsonObject { { QStringLiteral("text"), system } } });
    QJsonObject inference { { QStringLiteral("maxTokens"),
        anthropic.value(QStringLiteral("max_tokens")) } };
    for (const auto& [from, to] : { std::pair { "temperature", "temperature" },
             std::pair { "top_p", "topP" }, std::pair { "stop_sequences", "stopSequences" } }) {
        if (const QJsonValue v = anthropic.value(QLatin1StringView(from)); !v.isUndefined())
            inference.insert(QLatin1StringView(to), v);
    }
    body.insert(QStringLiteral("inferenceConfig"), inference);
    if (const QJsonObject config = toolConfig(anthropic, dropped); !config.isEmpty())
        body.insert(QStringLiteral("toolConfig"), config);
    // Claude on Bedrock takes extended thinking (and top_k) as fields of its own request.
    QJsonObject additional;
    const QJsonObject thinking = anthropic.value(QStringLiteral("thinking")).toObject();
    if (thinking.value(QStringLiteral("type")).toString() == u"enabled")
        additional.insert(QStringLiteral("thinking"), thinking);
    else if (!thinking.isEmpty())
        dropped.add(QStringLiteral("thinking"));
    if (anthropic.contains(QStringLiteral("top_k")))
        additional.insert(QStringLiteral("top_k"), anthropic.value(QStringLiteral("top_k")));
    if (!additional.isEmpty())
        body.insert(QStringLiteral("additionalModelRequestFields"), additional);
    dropped.addPresent(anthropic,
        { "context_management", "container", "mcp_servers", "service_tier", "metadata" });
    return Request { body, dropped.list() };
}

QString AnthropicToConverse::stopReason(const QString& converseReason)
{
    if (converseReason == u"tool_use" || converseReason == u"max_tokens"
        || converseReason == u"stop_sequence")
        return converseReason;
    if (converseReason == u"guardrail_intervened" || converseReason == u"content_filtered")
        return QStringLiteral("refusal");
    return QStringLiteral("end_turn");
}

QJsonObject AnthropicToConverse::usage(const QJsonObject& converseUsage)
{
    return { { QStringLiteral("input_tokens"),
                 converseUsage.value(QStringLiteral("inputTokens")).toInteger() },
        { QStringLiteral("output_tokens"),
            converseUsage.value(QStringLiteral("outputTokens")).toInteger() },
        { QStringLiteral("cache_read_input_tokens"),
            converseUsage.value(QStringLiteral("cacheReadInputTokens")).toInteger() },
        { QStringLiteral("cache_creation_input_tokens"),
            converseUsage.value(QStringLiteral("cacheWriteInputTokens")).toInteger() } };
}

std::optional<QByteArray> AnthropicToConverse::answer(
    const QByteArray& converseBody, const QString& model)
{
    const QJsonObject root = QJsonDocument::fromJson(converseBody).object();
    const QJsonObject message = root.value(QStringLiteral("output"))
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toObject();
    if (message.isEmpty())
        return std::nullopt;
    QJsonArray content;
    for (const QJsonValue& value : message.value(QStringLiteral("content")).toArray()) {
        const QJsonObject block = value.toObject();
        if (block.contains(QStringLiteral("text"))) {
            content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                { QStringLiteral("text"), block.value(QStringLiteral("text")) } });
        } else if (const QJsonObject use = block.value(QStringLiteral("toolUse")).toObject();
                   !use.isEmpty()) {
            content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
                { QStringLiteral("id"), use.value(QStringLiteral("toolUseId")) },
                { QStringLiteral("name"), use.value(QStringLiteral("name")) },
                { QStringLiteral("input"), use.value(QStringLiteral("input")) } });
        } else if (block.contains(QStringLiteral("reasoningContent"))) {
            content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("thinking") },
                { QStringLiteral("thinking"),
                    block.value(QStringLiteral("reasoningContent"))
                        .toObject()
                        .value(QStringLiteral("reasoningText"))
                        .toObject()
                        .value(QStringLiteral("text")) } });
        }
    }
    const QJsonObject translated { { QStringLiteral("id"), QStringLiteral("msg_bedrock") },
        { QStringLiteral("type"), QStringLiteral("message") },
        { QStringLiteral("role"), QStringLiteral("assistant") }, { QStringLiteral("model"), model },
        { QStringLiteral("content"), content },
        { QStringLiteral("stop_reason"),
            stopReason(root.value(QStringLiteral("stopReason")).toString()) },
        { QStringLiteral("stop_sequence"), QJsonValue() },
        { QStringLiteral("usage"), usage(root.value(QStringLiteral("usage")).toObject()) } };
    return QJsonDocument(translated).toJson(QJsonDocument::Compact);
}

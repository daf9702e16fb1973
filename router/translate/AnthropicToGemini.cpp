#include "router/translate/AnthropicToGemini.h"

#include "router/translate/ContentText.h"
#include "router/translate/DroppedFields.h"
#include "router/translate/GeminiSchema.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AnthropicToGemini)
};

// What the turns need to know of each other while they are translated.
struct Conversation
{
    DroppedFields dropped;
    QHash<QString, QString> toolNames; // tool_use id → tool name, for the results
};

QString randomId()
{
    static constexpr char alphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 24; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]));
    return id;
}

// Gemini wants a MIME type with a file URI; the URL's extension is all there is to go by.
QString imageTypeOf(const QString& url)
{
    const QString suffix = QUrl(url).path().section(u'.', -1).toLower();
    static const QHash<QString, QString> types { { QStringLiteral("png"),
                                                     QStringLiteral("image/png") },
        { QStringLiteral("gif"), QStringLiteral("image/gif") },
        { QStringLiteral("webp"), QStringLiteral("image/webp") },
        { QStringLiteral("heic"), QStringLiteral("image/heic") },
        { QStringLiteral("heif"), QStringLiteral("image/heif") } };
    return types.value(suffix, QStringLiteral("image/jpeg"));
}

QJsonObject inlineData(const QJsonValue& mimeType, const QJsonValue& data)
{
    return { { QStringLiteral("inlineData"),
        QJsonObject {
            { QStringLiteral("mimeType"), mimeType }, { QStringLiteral("data"), data } } } };
}

Result<QJsonObject> imagePart(const QJsonObject& block)
{
    const QJsonObject source = block.value(QStringLiteral("source")).toObject();
    const QString type = source.value(QStringLiteral("type")).toString();
    if (type == u"base64")
        return inlineData(
            source.value(QStringLiteral("media_type")), source.value(QStringLiteral("data")));
    if (type == u"url") {
        const QString url = source.value(QStringLiteral("url")).toString();
        return QJsonObject { { QStringLiteral("fileData"),
            QJsonObject { { QStringLiteral("mimeType"), imageTypeOf(url) },
                { QStringLiteral("fileUri"), url } } } };
    }
    return unsupported(Text::tr("Google Gemini takes images as base64 data or a URL."));
}

Result<QJsonObject> documentPart(const QJsonObject& block)
{
    const QJsonObject source = block.value(QStringLiteral("source")).toObject();
    const QString type = source.value(QStringLiteral("type")).toString();
    const QString mediaType = source.value(QStringLiteral("media_type")).toString();
    if (type == u"base64" && mediaType == u"application/pdf")
        return inlineData(mediaType, source.value(QStringLiteral("data")));
    if (type == u"text")
        return QJsonObject { { QStringLiteral("text"), source.value(QStringLiteral("data")) } };
    return unsupported(Text::tr("Google Gemini takes documents as base64 PDF or plain text."));
}

Result<QJsonObject> functionCallPart(const QJsonObject& block, Conversation& conversation)
{
    const QString name = block.value(QStringLiteral("name")).toString();
    conversation.toolNames.insert(block.value(QStringLiteral("id")).toString(), name);
    return QJsonObject { { QStringLiteral("functionCall"),
        QJsonObject { { QStringLiteral("name"), name },
            { QStringLiteral("args"), block.value(QStringLiteral("input")).toObject() } } } };
}

// Gemini matches a result to its call by the function's name, which Anthropic's result leaves
// to the earlier tool_use with the same id.
Result<QJsonObject> functionResponsePart(const QJsonObject& block, Conversation& conversation)
{
    const QString id = block.value(QStringLiteral("tool_use_id")).toString();
    if (!conversation.toolNames.contains(id)) {
        return invalidInput(Text::tr("A tool result answers the tool call \"%1\", which is not "
                                     "in the conversation.")
                                .arg(id));
    }
    const QJsonValue content = block.value(QStringLiteral("content"));
    for (const QJsonValue& inner : content.toArray()) {
        const QString type = inner.toObject().value(QStringLiteral("type")).toString();
        if (type == u"image" || type == u"document") {
            return unsupported(Text::tr(
                "A tool result with an image or document cannot be sent to Google Gemini."));
        }
        conversation.dropped.addCacheControl(inner.toObject());
    }
    const QString key = block.value(QStringLiteral("is_error")).toBool() ? QStringLiteral("error")
                                                                         : QStringLiteral("result");
    return QJsonObject { { QStringLiteral("functionResponse"),
        QJsonObject { { QStringLiteral("name"), conversation.toolNames.value(id) },
            { QStringLiteral("response"), QJsonObject { { key, contentText(content) } } } } } };
}

// The Gemini part for one Anthropic block; an empty object for a block Gemini does without.
Result<QJsonObject> partOf(const QJsonObject& block, Conversation& conversation)
{
    const QString type = block.value(QStringLiteral("type")).toString();
    conversation.dropped.addCacheControl(block);
    if (type == u"text")
        return QJsonObject { { QStringLiteral("text"), block.value(QStringLiteral("text")) } };
    if (type == u"image")
        return imagePart(block);
    if (type == u"document")
        return documentPart(block);
    if (type == u"tool_use")
        return functionCallPart(block, conversation);
    if (type == u"tool_result")
        return functionResponsePart(block, conversation);
    if (type == u"thinking" || type == u"redacted_thinking") {
        // Gemini's thoughts come back as signatures of its own, not as Anthropic's blocks.
        conversation.dropped.add(QStringLiteral("thinking"));
        return QJsonObject();
    }
    return unsupported(Text::tr("A \"%1\" block cannot be sent to Google Gemini.").arg(type));
}

Result<QJsonArray> partsOf(const QJsonValue& content, Conversation& conversation)
{
    if (content.isString()) {
        if (content.toString().isEmpty())
            return QJsonArray();
        return QJsonArray { QJsonObject { { QStringLiteral("text"), content } } };
    }
    if (!content.isArray())
        return invalidInput(Text::tr("A message's content must be text or a list of blocks."));
    QJsonArray parts;
    for (const QJsonValue& value : content.toArray()) {
        if (!value.isObject())
            return invalidInput(Text::tr("A message's content must be text or a list of blocks."));
        const Result<QJsonObject> part = partOf(value.toObject(), conversation);
        if (!part)
            return part.failure();
        if (!part->isEmpty())
            parts.append(*part);
    }
    return parts;
}

// Gemini wants user and model turns to alternate: a turn after one of the same role (a tool
// result after its call's answer, say) joins it.
void appendTurn(QJsonArray& contents, const QString& role, const QJsonArray& parts)
{
    if (parts.isEmpty())
        return;
    if (!contents.isEmpty() && contents.last()[QStringLiteral("role")].toString() == role) {
        QJsonObject last = contents.last().toObject();
        QJsonArray joined = last.value(QStringLiteral("parts")).toArray();
        for (const QJsonValue& part : parts)
            joined.append(part);
        last.insert(QStringLiteral("parts"), joined);
        contents.replace(contents.size() - 1, last);
        return;
    }
    contents.append(
        QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("parts"), parts } });
}

Result<QJsonArray> contentsOf(const QJsonArray& messages, Conversation& conversation)
{
    QJsonArray contents;
    for (const QJsonValue& value : messages) {
        const QJsonObject turn = value.toObject();
        const QString role = turn.value(QStringLiteral("role")).toString();
        if (role != u"user" && role != u"assistant")
            return invalidInput(Text::tr("Each message needs the role \"user\" or \"assistant\"."));
        const auto parts = partsOf(turn.value(QStringLiteral("content")), conversation);
        if (!parts)
            return parts.failure();
        appendTurn(
            contents, role == u"user" ? QStringLiteral("user") : QStringLiteral("model"), *parts);
    }
    return contents;
}

std::optional<QJsonObject> systemInstruction(const QJsonValue& system, DroppedFields& dropped)
{
    for (const QJsonValue& block : system.toArray())
        dropped.addCacheControl(block.toObject());
    const QString text = contentText(system);
    if (text.isEmpty())
        return std::nullopt;
    return QJsonObject { { QStringLiteral("parts"),
        QJsonArray { QJsonObject { { QStringLiteral("text"), text } } } } };
}

QJsonObject functionDeclaration(const QJsonObject& tool, DroppedFields& dropped)
{
    QJsonObject declaration { { QStringLiteral("name"), tool.value(QStringLiteral("name")) } };
    if (tool.contains(QStringLiteral("description")))
        declaration.insert(
            QStringLiteral("description"), tool.value(QStringLiteral("description")));
    const QJsonObject schema = tool.value(QStringLiteral("input_schema")).toObject();
    if (GeminiSchema::isEmptyObject(schema))
        return declaration; // Gemini refuses an object without properties
    QJsonObject parameters = GeminiSchema::sanitised(schema, dropped);
    if (!parameters.contains(QStringLiteral("type")))
        parameters.insert(QStringLiteral("type"), QStringLiteral("object"));
    declaration.insert(QStringLiteral("parameters"), parameters);
    return declaration;
}

QJsonArray functionDeclarations(const QJsonArray& tools, DroppedFields& dropped)
{
    QJsonArray declarations;
    for (const QJsonValue& value : tools) {
        const QJsonObject tool = value.toObject();
        dropped.addCacheControl(tool);
        if (dropped.withdrawServerTool(tool))
            continue;
        declarations.append(functionDeclaration(tool, dropped));
    }
    return declarations;
}

QJsonObject toolConfig(const QJsonObject& choice, DroppedFields& dropped)
{
    if (choice.value(QStringLiteral("disable_parallel_tool_use")).toBool())
        dropped.add(QStringLiteral("tool_choice.disable_parallel_tool_use"));
    const QString type = choice.value(QStringLiteral("type")).toString();
    QJsonObject config;
    if (type == u"auto")
        config.insert(QStringLiteral("mode"), QStringLiteral("AUTO"));
    else if (type == u"any" || type == u"tool")
        config.insert(QStringLiteral("mode"), QStringLiteral("ANY"));
    else if (type == u"none")
        config.insert(QStringLiteral("mode"), QStringLiteral("NONE"));
    if (type == u"tool")
        config.insert(QStringLiteral("allowedFunctionNames"),
            QJsonArray { choice.value(QStringLiteral("name")) });
    if (config.isEmpty())
        return {};
    return { { QStringLiteral("functionCallingConfig"), config } };
}

std::optional<QJsonObject> thinkingConfig(const QJsonValue& thinking, DroppedFields& dropped)
{
    if (thinking.isUndefined())
        return std::nullopt;
    const QString type = thinking[QStringLiteral("type")].toString();
    if (type == u"enabled")
        return QJsonObject { { QStringLiteral("thinkingBudget"),
                                 thinking[QStringLiteral("budget_tokens")] },
            { QStringLiteral("includeThoughts"), true } };
    if (type == u"adaptive") // Gemini's dynamic budget: the model decides how long to think
        return QJsonObject { { QStringLiteral("thinkingBudget"), -1 },
            { QStringLiteral("includeThoughts"), true } };
    if (type != u"disabled")
        dropped.add(QStringLiteral("thinking"));
    return std::nullopt;
}

QJsonObject generationConfig(const QJsonObject& anthropic, DroppedFields& dropped)
{
    QJsonObject config;
    for (const auto& [from, to] : { std::pair { "max_tokens", "maxOutputTokens" },
             std::pair { "temperature", "temperature" }, std::pair { "top_p", "topP" },
             std::pair { "top_k", "topK" }, std::pair { "stop_sequences", "stopSequences" } }) {
        if (const QJsonValue v = anthropic.value(QLatin1StringView(from)); !v.isUndefined())
            config.insert(QLatin1StringView(to), v);
    }
    if (const auto thinking = thinkingConfig(anthropic.value(QStringLiteral("thinking")), dropped))
        config.insert(QStringLiteral("thinkingConfig"), *thinking);
    return config;
}

// Top-level fields other than these have no place in Gemini's request and are recorded.
bool isTranslated(const QString& field)
{
    static const QSet<QString> translated { QStringLiteral("model"), QStringLiteral("stream"),
        QStringLiteral("messages"), QStringLiteral("system"), QStringLiteral("max_tokens"),
        QStringLiteral("temperature"), QStringLiteral("top_p"), QStringLiteral("top_k"),
        QStringLiteral("stop_sequences"), QStringLiteral("thinking"), QStringLiteral("tools"),
        QStringLiteral("tool_choice") };
    return translated.contains(field);
}

} // namespace

Result<AnthropicToGemini::Request> AnthropicToGemini::request(const QJsonObject& anthropic)
{
    const QJsonArray messages = anthropic.value(QStringLiteral("messages")).toArray();
    if (messages.isEmpty())
        return invalidInput(Text::tr("The request has no messages."));
    Conversation conversation;
    const Result<QJsonArray> contents = contentsOf(messages, conversation);
    if (!contents)
        return contents.failure();
    DroppedFields& dropped = conversation.dropped;
    QJsonObject body { { QStringLiteral("contents"), *contents } };
    if (const auto system = systemInstruction(anthropic.value(QStringLiteral("system")), dropped))
        body.insert(QStringLiteral("systemInstruction"), *system);
    const QJsonArray declarations
        = functionDeclarations(anthropic.value(QStringLiteral("tools")).toArray(), dropped);
    if (!declarations.isEmpty()) {
        body.insert(QStringLiteral("tools"),
            QJsonArray {
                QJsonObject { { QStringLiteral("functionDeclarations"), declarations } } });
        const QJsonObject config
            = toolConfig(anthropic.value(QStringLiteral("tool_choice")).toObject(), dropped);
        if (!config.isEmpty())
            body.insert(QStringLiteral("toolConfig"), config);
    }
    if (const QJsonObject config = generationConfig(anthropic, dropped); !config.isEmpty())
        body.insert(QStringLiteral("generationConfig"), config);
    for (auto it = anthropic.begin(); it != anthropic.end(); ++it) {
        if (!isTranslated(it.key()))
            dropped.add(it.key());
    }
    return Request { .body = body, .droppedFields = dropped.list() };
}

QString AnthropicToGemini::stopReason(const QString& finishReason, bool calledTools)
{
    if (finishReason == u"STOP")
        return calledTools ? QStringLiteral("tool_use") : QStringLiteral("end_turn");
    if (finishReason == u"MAX_TOKENS")
        return QStringLiteral("max_tokens");
    static const QSet<QString> refusals { QStringLiteral("SAFETY"), QStringLiteral("RECITATION"),
        QStringLiteral("BLOCKLIST"), QStringLiteral("PROHIBITED_CONTENT"), QStringLiteral("SPII"),
        QStringLiteral("IMAGE_SAFETY") };
    if (refusals.contains(finishReason))
        return QStringLiteral("refusal");
    return QStringLiteral("end_turn"); // MALFORMED_FUNCTION_CALL, OTHER, and any new reason
}

TokenUsage AnthropicToGemini::usage(const QJsonObject& usageMetadata)
{
    const qint64 thoughts = usageMetadata.value(QStringLiteral("thoughtsTokenCount")).toInteger();
    return { .prompt = usageMetadata.value(QStringLiteral("promptTokenCount")).toInteger(),
        .completion
        = usageMetadata.value(QStringLiteral("candidatesTokenCount")).toInteger() + thoughts,
        .cached = usageMetadata.value(QStringLiteral("cachedContentTokenCount")).toInteger(),
        .reasoning = thoughts };
}

QJsonObject AnthropicToGemini::anthropicUsage(const QJsonObject& usageMetadata)
{
    // Gemini's prompt count includes the cached part; Anthropic counts the two apart.
    const TokenUsage tokens = usage(usageMetadata);
    return { { QStringLiteral("input_tokens"), tokens.prompt - tokens.cached },
        { QStringLiteral("cache_read_input_tokens"), tokens.cached },
        { QStringLiteral("output_tokens"), tokens.completion } };
}

QString AnthropicToGemini::toolUseId(const QJsonObject& functionCall)
{
    const QString id = functionCall.value(QStringLiteral("id")).toString();
    return QStringLiteral("toolu_") + (id.isEmpty() ? randomId() : id);
}

QString AnthropicToGemini::messageId(const QJsonObject& response)
{
    const QString id = response.value(QStringLiteral("responseId")).toString();
    return QStringLiteral("msg_") + (id.isEmpty() ? randomId() : id);
}

namespace {

// Appends a text or thinking part to the last block when it is of the same kind.
void appendText(QJsonArray& content, const QJsonObject& part)
{
    const bool thought = part.value(QStringLiteral("thought")).toBool();
    const QString type = thought ? QStringLiteral("thinking") : QStringLiteral("text");
    const QString text = part.value(QStringLiteral("text")).toString();
    const QString signature = part.value(QStringLiteral("thoughtSignature")).toString();
    if (!content.isEmpty() && content.last()[QStringLiteral("type")].toString() == type) {
        QJsonObject last = content.last().toObject();
        last.insert(type, QString(last.value(type).toString() + text));
        if (thought && !signature.isEmpty())
            last.insert(QStringLiteral("signature"), signature);
        content.replace(content.size() - 1, last);
        return;
    }
    QJsonObject block { { QStringLiteral("type"), type }, { type, text } };
    if (thought)
        block.insert(QStringLiteral("signature"), signature);
    content.append(block);
}

QJsonObject toolUseBlock(const QJsonObject& functionCall)
{
    return { { QStringLiteral("type"), QStringLiteral("tool_use") },
        { QStringLiteral("id"), AnthropicToGemini::toolUseId(functionCall) },
        { QStringLiteral("name"), functionCall.value(QStringLiteral("name")) },
        { QStringLiteral("input"), functionCall.value(QStringLiteral("args")).toObject() } };
}

} // namespace

std::optional<QByteArray> AnthropicToGemini::answer(
    const QByteArray& geminiBody, const QString& model)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(geminiBody, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject root = document.object();
    const QJsonObject candidate = root.value(QStringLiteral("candidates"))[0].toObject();
    QJsonArray content;
    bool calledTools = false;
    const QJsonArray parts = candidate.value(QStringLiteral("content"))
                                 .toObject()
                                 .value(QStringLiteral("parts"))
                                 .toArray();
    for (const QJsonValue& value : parts) {
        const QJsonObject part = value.toObject();
        if (const QJsonObject call = part.value(QStringLiteral("functionCall")).toObject();
            !call.isEmpty()) {
            content.append(toolUseBlock(call));
            calledTools = true;
        } else if (part.contains(QStringLiteral("text"))) {
            appendText(content, part);
        }
    }
    // A prompt Gemini blocked has no candidate at all, only the reason.
    const bool blocked = candidate.isEmpty()
        && root.value(QStringLiteral("promptFeedback"))
               .toObject()
               .contains(QStringLiteral("blockReason"));
    const QJsonObject translated { { QStringLiteral("id"), messageId(root) },
        { QStringLiteral("type"), QStringLiteral("message") },
        { QStringLiteral("role"), QStringLiteral("assistant") }, { QStringLiteral("model"), model },
        { QStringLiteral("content"), content },
        { QStringLiteral("stop_reason"),
            blocked ? QStringLiteral("refusal")
                    : stopReason(
                        candidate.value(QStringLiteral("finishReason")).toString(), calledTools) },
        { QStringLiteral("stop_sequence"), QJsonValue() },
        { QStringLiteral("usage"),
            anthropicUsage(root.value(QStringLiteral("usageMetadata")).toObject()) } };
    return QJsonDocument(translated).toJson(QJsonDocument::Compact);
}

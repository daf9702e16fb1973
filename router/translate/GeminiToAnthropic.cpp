#include "router/translate/GeminiToAnthropic.h"

#include "router/inbound/ClientErrors.h"
#include "router/translate/AnthropicSampling.h"
#include "router/translate/AnthropicSseReader.h"
#include "router/translate/ContentText.h"
#include "router/translate/DroppedFields.h"
#include "router/translate/GeminiSchema.h"
#include "router/translate/GoogleFieldNames.h"
#include "router/translate/OpenAiToAnthropic.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GeminiToAnthropic)
};

struct FunctionCall
{
    QString name;
    QString id;
    bool answered = false;
};

// What the turns need to know of each other while they are translated.
struct Conversation
{
    DroppedFields dropped;
    QList<FunctionCall> calls; // of the latest model turn: the ones the next responses answer
};

// Anthropic's tool_use ids allow letters, digits, '_' and '-'; Gemini's are free text.
QString anthropicId(const QString& id)
{
    QString out = id;
    for (QChar& c : out) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-')
            c = u'_';
    }
    return out;
}

QJsonObject base64Source(const QString& mediaType, const QJsonValue& data)
{
    return { { QStringLiteral("type"), QStringLiteral("base64") },
        { QStringLiteral("media_type"), mediaType }, { QStringLiteral("data"), data } };
}

QJsonObject block(const QString& type, const QJsonObject& source)
{
    return { { QStringLiteral("type"), type }, { QStringLiteral("source"), source } };
}

bool isAnthropicImageType(const QString& mimeType)
{
    return mimeType == u"image/jpeg" || mimeType == u"image/png" || mimeType == u"image/gif"
        || mimeType == u"image/webp";
}

Failure unsupportedMedia(const QString& mimeType)
{
    return unsupported(Text::tr("A \"%1\" part cannot be sent to an Anthropic-format provider, "
                                "which takes JPEG, PNG, GIF and WebP images, PDF and plain text.")
                           .arg(mimeType));
}

// An image, a PDF or a text file sent inline, base64-encoded.
Result<QJsonObject> inlineDataBlock(const QJsonObject& inlineData)
{
    const QString mimeType = googleField(inlineData, "mimeType").toString().toLower();
    const QJsonValue data = googleField(inlineData, "data");
    if (isAnthropicImageType(mimeType))
        return block(QStringLiteral("image"), base64Source(mimeType, data));
    if (mimeType == u"application/pdf")
        return block(QStringLiteral("document"), base64Source(mimeType, data));
    if (mimeType == u"text/plain") {
        return block(QStringLiteral("document"),
            { { QStringLiteral("type"), QStringLiteral("text") },
                { QStringLiteral("media_type"), mimeType },
                { QStringLiteral("data"),
                    QString::fromUtf8(QByteArray::fromBase64(data.toString().toLatin1())) } });
    }
    return unsupportedMedia(mimeType);
}

// The MIME type of a file by its URL's extension, when the part names none.
QString mimeTypeOf(const QUrl& url)
{
    static const QHash<QString, QString> types {
        { QStringLiteral("jpg"), QStringLiteral("image/jpeg") },
        { QStringLiteral("jpeg"), QStringLiteral("image/jpeg") },
        { QStringLiteral("png"), QStringLiteral("image/png") },
        { QStringLiteral("gif"), QStringLiteral("image/gif") },
        { QStringLiteral("webp"), QStringLiteral("image/webp") },
        { QStringLiteral("pdf"), QStringLiteral("application/pdf") },
    };
    return types.value(url.path().section(u'.', -1).toLower());
}

// A file by its address: Anthropic fetches images and PDFs from the web itself, but files in
// Google's Files API or Cloud Storage only Google can read.
Result<QJsonObject> fileDataBlock(const QJsonObject& fileData)
{
    const QString uri = googleField(fileData, "fileUri").toString();
    const QUrl url(uri);
    if ((url.scheme() != u"https" && url.scheme() != u"http")
        || url.host().endsWith(u"googleapis.com")) {
        return unsupported(Text::tr("The file %1 is stored at Google, where an Anthropic-format "
                                    "provider cannot read it; send it inline (inlineData) or "
                                    "as a web address.")
                               .arg(uri));
    }
    QString mimeType = googleField(fileData, "mimeType").toString().toLower();
    if (mimeType.isEmpty())
        mimeType = mimeTypeOf(url);
    const QJsonObject source { { QStringLiteral("type"), QStringLiteral("url") },
        { QStringLiteral("url"), uri } };
    if (isAnthropicImageType(mimeType))
        return block(QStringLiteral("image"), source);
    if (mimeType == u"application/pdf")
        return block(QStringLiteral("document"), source);
    return unsupportedMedia(mimeType.isEmpty() ? uri : mimeType);
}

// Where a part sits in the request's contents, for the id of a call that has none.
struct Place
{
    qsizetype content;
    qsizetype part;
};

QJsonObject toolUseBlock(const QJsonObject& call, Place place, Conversation& conversation)
{
    const QString name = googleField(call, "name").toString();
    QString id = anthropicId(googleField(call, "id").toString());
    if (id.isEmpty())
        id = QStringLiteral("call_%1_%2").arg(place.content).arg(place.part);
    conversation.calls.append({ name, id });
    return { { QStringLiteral("type"), QStringLiteral("tool_use") }, { QStringLiteral("id"), id },
        { QStringLiteral("name"), name },
        { QStringLiteral("input"), googleField(call, "args").toObject() } };
}

// The id of the call a functionResponse answers (the class comment has the rule).
Result<QString> answeredId(const QJsonObject& response, Conversation& conversation)
{
    const QString id = anthropicId(googleField(response, "id").toString());
    const QString name = googleField(response, "name").toString();
    auto call = std::find_if(conversation.calls.begin(), conversation.calls.end(),
        [&id](const FunctionCall& each) { return !id.isEmpty() && each.id == id; });
    if (call == conversation.calls.end()) {
        call = std::find_if(conversation.calls.begin(), conversation.calls.end(),
            [&name](const FunctionCall& each) { return !each.answered && each.name == name; });
    }
    if (call != conversation.calls.end()) {
        call->answered = true;
        return call->id;
    }
    if (!id.isEmpty())
        return id;
    return invalidInput(Text::tr("The functionResponse of \"%1\" answers no functionCall of the "
                                 "model turn before it.")
                            .arg(name));
}

// A JSON value as text: a string, a number, an object...
QString jsonText(const QJsonValue& value)
{
    const QByteArray list = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(list.mid(1, list.size() - 2)); // without the list's brackets
}

// {"output": x} and {"error": x}, Gemini's convention, hold the result (x as it is when it is
// text); any other object is the result itself.
QString resultText(const QJsonObject& response)
{
    if (response.size() == 1
        && (response.contains(QStringLiteral("output"))
            || response.contains(QStringLiteral("error")))) {
        const QJsonValue value = response.begin().value();
        return value.isString() ? value.toString() : jsonText(value);
    }
    return jsonText(response);
}

// A functionResponse as a tool_result, with the images or documents of a multimodal result.
Result<QJsonObject> toolResultBlock(const QJsonObject& functionResponse, Conversation& conversation)
{
    const Result<QString> id = answeredId(functionResponse, conversation);
    if (!id)
        return id.failure();
    const QJsonObject response = googleField(functionResponse, "response").toObject();
    QJsonObject result { { QStringLiteral("type"), QStringLiteral("tool_result") },
        { QStringLiteral("tool_use_id"), *id } };
    if (response.contains(QStringLiteral("error")))
        result.insert(QStringLiteral("is_error"), true);
    QJsonArray content { QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
        { QStringLiteral("text"), resultText(response) } } };
    for (const QJsonValue& value : googleField(functionResponse, "parts").toArray()) {
        const QJsonObject part = value.toObject();
        const QJsonValue inlineData = googleField(part, "inlineData");
        const Result<QJsonObject> media = inlineData.isObject()
            ? inlineDataBlock(inlineData.toObject())
            : fileDataBlock(googleField(part, "fileData").toObject());
        if (!media)
            return media.failure();
        content.append(*media);
    }
    result.insert(QStringLiteral("content"),
        content.size() == 1 ? content.first()[QStringLiteral("text")] : QJsonValue(content));
    return result;
}

// Names what a part carries besides its data: a thought signature belongs to Google's account
// of the model's thinking, which no other provider can read. Gemini CLI's placeholder
// "skip_thought_signature_validator" carries nothing and goes unnamed.
void dropMetadata(const QJsonObject& part, DroppedFields& dropped)
{
    const QJsonValue signature = googleField(part, "thoughtSignature");
    if (!signature.isUndefined() && signature.toString() != u"skip_thought_signature_validator")
        dropped.add(QStringLiteral("contents.parts.thoughtSignature"));
    for (const char* field : { "videoMetadata", "mediaResolution", "partMetadata" }) {
        if (!googleField(part, field).isUndefined())
            dropped.add(QStringLiteral("contents.parts.") + QLatin1StringView(field));
    }
}

// The Anthropic block of one part; an empty object for a part left out.
Result<QJsonObject> blockOf(const QJsonObject& part, Place place, Conversation& conversation)
{
    dropMetadata(part, conversation.dropped);
    if (googleField(part, "thought").toBool()) {
        // Thought summaries cannot become Anthropic thinking blocks, which need its signature.
        conversation.dropped.add(QStringLiteral("contents.parts.thought"));
        return QJsonObject();
    }
    if (const QJsonValue text = googleField(part, "text"); text.isString()) {
        if (text.toString().isEmpty()) // Anthropic refuses empty text blocks
            return QJsonObject();
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
            { QStringLiteral("text"), text } };
    }
    if (const QJsonValue data = googleField(part, "inlineData"); data.isObject())
        return inlineDataBlock(data.toObject());
    if (const QJsonValue data = googleField(part, "fileData"); data.isObject())
        return fileDataBlock(data.toObject());
    if (const QJsonValue call = googleField(part, "functionCall"); call.isObject())
        return toolUseBlock(call.toObject(), place, conversation);
    if (const QJsonValue response = googleField(part, "functionResponse"); response.isObject())
        return toolResultBlock(response.toObject(), conversation);
    // Code the Google server ran for its codeExecution tool, which no other provider has.
    for (const char* field : { "executableCode", "codeExecutionResult" }) {
        if (!googleField(part, field).isUndefined())
            conversation.dropped.add(QStringLiteral("contents.parts.") + QLatin1StringView(field));
    }
    return QJsonObject();
}

// Gemini's roles: "user" (or none, or the old "function" of function responses) and "model".
Result<QString> roleOf(const QJsonObject& content)
{
    const QString role = content.value(QStringLiteral("role")).toString();
    if (role.isEmpty() || role == u"user" || role == u"function")
        return QStringLiteral("user");
    if (role == u"model")
        return QStringLiteral("assistant");
    return invalidInput(
        Text::tr("A content's role must be \"user\" or \"model\", not \"%1\".").arg(role));
}

Result<QJsonArray> messagesOf(const QJsonArray& contents, Conversation& conversation)
{
    QJsonArray messages;
    for (qsizetype c = 0; c < contents.size(); ++c) {
        const QJsonObject content = contents.at(c).toObject();
        const Result<QString> role = roleOf(content);
        if (!role)
            return role.failure();
        if (*role == u"assistant")
            conversation.calls.clear(); // a new model turn: its calls are the ones answered next
        QJsonArray blocks;
        const QJsonArray parts = content.value(QStringLiteral("parts")).toArray();
        for (qsizetype p = 0; p < parts.size(); ++p) {
            const Result<QJsonObject> block
                = blockOf(parts.at(p).toObject(), { c, p }, conversation);
            if (!block)
                return block.failure();
            if (!block->isEmpty())
                blocks.append(*block);
        }
        appendAnthropicTurn(messages, *role, blocks);
    }
    if (messages.isEmpty())
        return invalidInput(Text::tr("The request has no contents."));
    return messages;
}

// The system instruction's text parts, one per line (a plain string is taken too).
QString systemOf(const QJsonValue& instruction)
{
    if (instruction.isString())
        return instruction.toString();
    QStringList texts;
    for (const QJsonValue& part : instruction[QStringLiteral("parts")].toArray()) {
        const QString text = googleField(part.toObject(), "text").toString();
        if (!text.isEmpty())
            texts.append(text);
    }
    return texts.join(u'\n');
}

QJsonObject toolOf(const QJsonObject& declaration, DroppedFields& dropped)
{
    QJsonObject tool { { QStringLiteral("name"), googleField(declaration, "name") } };
    if (const QJsonValue description = googleField(declaration, "description");
        description.isString())
        tool.insert(QStringLiteral("description"), description);
    QJsonObject schema = googleField(declaration, "parametersJsonSchema").toObject();
    if (schema.isEmpty())
        schema = googleField(declaration, "parameters").toObject();
    schema = GeminiSchema::jsonSchema(
        schema, dropped, QStringLiteral("tools.functionDeclarations.parameters"));
    if (!schema.contains(QStringLiteral("type"))) // Anthropic's input is always an object
        schema.insert(QStringLiteral("type"), QStringLiteral("object"));
    tool.insert(QStringLiteral("input_schema"), schema);
    for (const char* field : { "response", "responseJsonSchema", "behavior" }) {
        if (!googleField(declaration, field).isUndefined())
            dropped.add(QStringLiteral("tools.functionDeclarations.") + QLatin1StringView(field));
    }
    return tool;
}

// The function declarations of every Tool; Google's server tools (googleSearch, codeExecution,
// urlContext...) run at Google only and are named "tools.<kind>".
QJsonArray toolsOf(const QJsonArray& geminiTools, DroppedFields& dropped)
{
    QJsonArray tools;
    for (const QJsonValue& value : geminiTools) {
        const QJsonObject tool = value.toObject();
        for (auto it = tool.begin(); it != tool.end(); ++it) {
            const QString kind = camelCaseOf(it.key());
            if (kind != u"functionDeclarations") {
                dropped.add(QStringLiteral("tools.") + kind);
                continue;
            }
            for (const QJsonValue& declaration : it.value().toArray())
                tools.append(toolOf(declaration.toObject(), dropped));
        }
    }
    return tools;
}

QJsonObject namedTool(const QString& name)
{
    return { { QStringLiteral("type"), QStringLiteral("tool") }, { QStringLiteral("name"), name } };
}

// functionCallingConfig's mode as tool_choice. ANY with allowedFunctionNames: one name forces
// that tool; several leave only those tools on offer, which is what "one of these" means.
std::optional<QJsonObject> toolChoiceOf(const QJsonObject& config, QJsonArray& tools)
{
    const QString mode = googleField(config, "mode").toString().toUpper();
    if (mode == u"NONE")
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("none") } };
    if (mode != u"ANY")
        return std::nullopt; // AUTO, VALIDATED, unspecified: the model decides, Anthropic's default
    const QJsonArray allowed = googleField(config, "allowedFunctionNames").toArray();
    if (allowed.size() == 1)
        return namedTool(allowed.first().toString());
    if (allowed.size() > 1) {
        QJsonArray offered;
        for (const QJsonValue& tool : std::as_const(tools)) {
            if (allowed.contains(tool[QStringLiteral("name")]))
                offered.append(tool);
        }
        tools = offered;
    }
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("any") } };
}

// The thinking budget a thinkingConfig asks for; nothing when it asks for none. The model thinks
// at Google without a config too, but an Anthropic model only when asked: no config, no thinking.
std::optional<int> thinkingBudgetOf(const QJsonObject& config)
{
    if (const QJsonValue budget = googleField(config, "thinkingBudget"); budget.isDouble()) {
        if (budget.toInt() == 0)
            return std::nullopt;
        if (budget.toInt() < 0)
            return GeminiToAnthropic::dynamicThinkingBudget;
        return std::max(budget.toInt(), GeminiToAnthropic::minimumThinkingBudget);
    }
    if (const QJsonValue level = googleField(config, "thinkingLevel"); level.isString())
        return GeminiToAnthropic::thinkingBudget(level.toString());
    if (googleField(config, "includeThoughts").toBool())
        return GeminiToAnthropic::dynamicThinkingBudget;
    return std::nullopt;
}

// Whether the last turn brings tool results. Anthropic then wants the thinking block that led
// to the calls back, before them; a Gemini client holds only Google's signature of its
// thoughts, so such a turn is sent without thinking (the model thinks again on the next).
bool answersToolCalls(const QJsonObject& body)
{
    const QJsonArray turns = body.value(QStringLiteral("messages")).toArray();
    const QJsonArray blocks = turns.last()[QStringLiteral("content")].toArray();
    return std::any_of(blocks.begin(), blocks.end(), [](const QJsonValue& block) {
        return block[QStringLiteral("type")].toString() == u"tool_result";
    });
}

// Anthropic's extended thinking wants room in max_tokens for the answer, no forced tool, the
// default temperature, no top_k and a top_p of at least 0.95: what stands in the way of the
// thinking the client asked for is dropped, or the thinking is when it cannot fit (or the turn
// brings tool results).
void addThinking(
    QJsonObject& body, const QJsonObject& config, bool maxTokensGiven, DroppedFields& dropped)
{
    std::optional<int> budget = thinkingBudgetOf(config);
    if (!budget)
        return;
    const QString choice
        = body.value(QStringLiteral("tool_choice"))[QStringLiteral("type")].toString();
    if (choice == u"any" || choice == u"tool" || answersToolCalls(body)) {
        dropped.add(QStringLiteral("generationConfig.thinkingConfig"));
        return;
    }
    const int maxTokens = body.value(QStringLiteral("max_tokens")).toInt();
    if (!maxTokensGiven) // Gemini's maxOutputTokens counts the thoughts too: room for both
        body.insert(QStringLiteral("max_tokens"), *budget + OpenAiToAnthropic::defaultMaxTokens);
    else if (*budget >= maxTokens)
        budget = maxTokens - 1;
    if (*budget < GeminiToAnthropic::minimumThinkingBudget) {
        dropped.add(QStringLiteral("generationConfig.thinkingConfig"));
        return;
    }
    body.insert(QStringLiteral("thinking"),
        QJsonObject { { QStringLiteral("type"), QStringLiteral("enabled") },
            { QStringLiteral("budget_tokens"), *budget } });
    if (body.contains(QStringLiteral("temperature"))
        && body.value(QStringLiteral("temperature")).toDouble() != 1.0) {
        body.remove(QStringLiteral("temperature"));
        dropped.add(QStringLiteral("generationConfig.temperature"));
    }
    if (body.contains(QStringLiteral("top_k"))) {
        body.remove(QStringLiteral("top_k"));
        dropped.add(QStringLiteral("generationConfig.topK"));
    }
    if (body.contains(QStringLiteral("top_p"))
        && body.value(QStringLiteral("top_p")).toDouble() < 0.95) {
        body.remove(QStringLiteral("top_p"));
        dropped.add(QStringLiteral("generationConfig.topP"));
    }
}

void addSampling(QJsonObject& body, const QJsonObject& config)
{
    // Gemini's temperature goes to 2, Anthropic's to 1.
    if (const QJsonValue temperature = googleField(config, "temperature"); temperature.isDouble())
        body.insert(QStringLiteral("temperature"), std::min(1.0, temperature.toDouble()));
    if (const QJsonValue topP = googleField(config, "topP"); topP.isDouble())
        body.insert(QStringLiteral("top_p"), topP);
    if (const QJsonValue topK = googleField(config, "topK"); topK.isDouble())
        body.insert(QStringLiteral("top_k"), topK);
    if (const QJsonValue stop = googleField(config, "stopSequences"); stop.isArray())
        body.insert(QStringLiteral("stop_sequences"), stop);
}

// The fields of generationConfig other than these have no Anthropic counterpart and are named
// (seed, penalties, logprobs, JSON mode and its schema, modalities...).
void dropGenerationFields(const QJsonObject& config, DroppedFields& dropped)
{
    static const QSet<QString> translated { QStringLiteral("temperature"), QStringLiteral("topP"),
        QStringLiteral("topK"), QStringLiteral("maxOutputTokens"), QStringLiteral("stopSequences"),
        QStringLiteral("candidateCount"), QStringLiteral("thinkingConfig") };
    for (auto it = config.begin(); it != config.end(); ++it) {
        const QString field = camelCaseOf(it.key());
        if (translated.contains(field))
            continue;
        // Plain text is what Anthropic answers anyway; Gemini CLI's own calls ask for it.
        if (field == u"responseMimeType" && it.value().toString() == u"text/plain")
            continue;
        dropped.add(QStringLiteral("generationConfig.") + field);
    }
}

// Top-level fields other than these are named: safetySettings (Anthropic has no such
// settings), labels (Google's billing labels)...
void dropTopLevelFields(const QJsonObject& gemini, DroppedFields& dropped)
{
    static const QSet<QString> translated { QStringLiteral("contents"),
        QStringLiteral("systemInstruction"), QStringLiteral("tools"), QStringLiteral("toolConfig"),
        QStringLiteral("generationConfig"), QStringLiteral("model") };
    for (auto it = gemini.begin(); it != gemini.end(); ++it) {
        if (!translated.contains(camelCaseOf(it.key())))
            dropped.add(camelCaseOf(it.key()));
    }
}

Result<void> refuseUncarried(const QJsonObject& gemini, const QJsonObject& config)
{
    if (!googleField(gemini, "cachedContent").isUndefined()) {
        return unsupported(Text::tr("A context cache (cachedContent) lives at Google; an "
                                    "Anthropic-format provider cannot read it. Send the "
                                    "cached contents in the request instead."));
    }
    if (googleField(config, "candidateCount").toInt(1) > 1) {
        return unsupported(
            Text::tr("Anthropic-format providers give one answer per request (candidateCount 1)."));
    }
    return {};
}

void addTools(QJsonObject& body, const QJsonObject& gemini, DroppedFields& dropped)
{
    QJsonArray tools = toolsOf(googleField(gemini, "tools").toArray(), dropped);
    if (tools.isEmpty())
        return;
    const QJsonObject toolConfig = googleField(gemini, "toolConfig").toObject();
    const std::optional<QJsonObject> choice
        = toolChoiceOf(googleField(toolConfig, "functionCallingConfig").toObject(), tools);
    body.insert(QStringLiteral("tools"), tools);
    if (choice)
        body.insert(QStringLiteral("tool_choice"), *choice);
}

} // namespace

Result<GeminiToAnthropic::Request> GeminiToAnthropic::request(const QJsonObject& gemini)
{
    const QJsonObject config = googleField(gemini, "generationConfig").toObject();
    if (const Result<void> carried = refuseUncarried(gemini, config); !carried)
        return carried.failure();
    Conversation conversation;
    const Result<QJsonArray> messages
        = messagesOf(googleField(gemini, "contents").toArray(), conversation);
    if (!messages)
        return messages.failure();
    const QJsonValue maxTokens = googleField(config, "maxOutputTokens");
    QJsonObject body { { QStringLiteral("messages"), *messages },
        { QStringLiteral("max_tokens"),
            maxTokens.isDouble() ? maxTokens : QJsonValue(OpenAiToAnthropic::defaultMaxTokens) } };
    if (const QString system = systemOf(googleField(gemini, "systemInstruction"));
        !system.isEmpty())
        body.insert(QStringLiteral("system"), system);
    DroppedFields& dropped = conversation.dropped;
    addTools(body, gemini, dropped);
    addSampling(body, config);
    addThinking(
        body, googleField(config, "thinkingConfig").toObject(), maxTokens.isDouble(), dropped);
    AnthropicSampling::keepOneOf(body, QStringLiteral("generationConfig.topP"), dropped);
    dropGenerationFields(config, dropped);
    dropTopLevelFields(gemini, dropped);
    return Request { body, dropped.list() };
}

bool GeminiToAnthropic::includesThoughts(const QJsonObject& gemini)
{
    const QJsonObject config = googleField(gemini, "generationConfig").toObject();
    return googleField(googleField(config, "thinkingConfig").toObject(), "includeThoughts")
        .toBool();
}

int GeminiToAnthropic::thinkingBudget(const QString& thinkingLevel)
{
    static const QHash<QString, int> budgets { { QStringLiteral("MINIMAL"), minimumThinkingBudget },
        { QStringLiteral("LOW"), 4096 }, { QStringLiteral("MEDIUM"), 8192 },
        { QStringLiteral("HIGH"), 16384 }, { QStringLiteral("XHIGH"), 32768 } };
    return budgets.value(thinkingLevel.toUpper(), dynamicThinkingBudget);
}

QString GeminiToAnthropic::finishReason(const QString& stopReason)
{
    if (stopReason == u"max_tokens" || stopReason == u"model_context_window_exceeded")
        return QStringLiteral("MAX_TOKENS");
    if (stopReason == u"refusal")
        return QStringLiteral("SAFETY");
    return QStringLiteral("STOP"); // end_turn, stop_sequence, tool_use, pause_turn
}

QJsonObject GeminiToAnthropic::usageMetadata(const TokenUsage& usage)
{
    QJsonObject metadata { { QStringLiteral("promptTokenCount"), usage.prompt },
        { QStringLiteral("candidatesTokenCount"), usage.completion - usage.reasoning },
        { QStringLiteral("totalTokenCount"), usage.prompt + usage.completion } };
    // Google leaves out counts that are zero.
    if (usage.cached > 0)
        metadata.insert(QStringLiteral("cachedContentTokenCount"), usage.cached);
    if (usage.reasoning > 0)
        metadata.insert(QStringLiteral("thoughtsTokenCount"), usage.reasoning);
    return metadata;
}

QJsonObject GeminiToAnthropic::part(const QJsonObject& block, bool includeThoughts)
{
    const QString type = block.value(QStringLiteral("type")).toString();
    if (type == u"text")
        return { { QStringLiteral("text"), block.value(QStringLiteral("text")) } };
    if (type == u"thinking" && includeThoughts)
        return { { QStringLiteral("text"), block.value(QStringLiteral("thinking")) },
            { QStringLiteral("thought"), true } };
    if (type == u"tool_use")
        return { { QStringLiteral("functionCall"),
            QJsonObject { { QStringLiteral("id"), block.value(QStringLiteral("id")) },
                { QStringLiteral("name"), block.value(QStringLiteral("name")) },
                { QStringLiteral("args"), block.value(QStringLiteral("input")).toObject() } } } };
    return {};
}

namespace {

// The HTTP status Google would answer with for an Anthropic error type.
int googleCodeOf(const QString& type)
{
    static const QHash<QString, int> codes { { QStringLiteral("invalid_request_error"), 400 },
        { QStringLiteral("request_too_large"), 400 }, // Google's "exceeds the maximum tokens"
        { QStringLiteral("authentication_error"), 401 }, { QStringLiteral("billing_error"), 403 },
        { QStringLiteral("permission_error"), 403 }, { QStringLiteral("not_found_error"), 404 },
        { QStringLiteral("rate_limit_error"), 429 }, { QStringLiteral("api_error"), 500 },
        { QStringLiteral("overloaded_error"), 503 }, { QStringLiteral("timeout_error"), 504 } };
    return codes.value(type, 500);
}

} // namespace

std::optional<QByteArray> GeminiToAnthropic::answer(
    const QByteArray& anthropicBody, const QString& model, bool includeThoughts)
{
    const QJsonObject root = QJsonDocument::fromJson(anthropicBody).object();
    if (root.value(QStringLiteral("type")).toString() != u"message")
        return std::nullopt;
    QJsonArray parts;
    for (const QJsonValue& value : root.value(QStringLiteral("content")).toArray()) {
        if (const QJsonObject each = part(value.toObject(), includeThoughts); !each.isEmpty())
            parts.append(each);
    }
    QJsonObject content { { QStringLiteral("role"), QStringLiteral("model") } };
    if (!parts.isEmpty()) // Google sends no parts rather than an empty list
        content.insert(QStringLiteral("parts"), parts);
    const QJsonObject candidate { { QStringLiteral("content"), content },
        { QStringLiteral("finishReason"),
            finishReason(root.value(QStringLiteral("stop_reason")).toString()) },
        { QStringLiteral("index"), 0 } };
    const QJsonObject response { { QStringLiteral("candidates"), QJsonArray { candidate } },
        { QStringLiteral("usageMetadata"),
            usageMetadata(
                AnthropicSseReader::usageFrom(root.value(QStringLiteral("usage")).toObject())) },
        { QStringLiteral("modelVersion"), model },
        { QStringLiteral("responseId"), root.value(QStringLiteral("id")) } };
    return QJsonDocument(response).toJson(QJsonDocument::Compact);
}

QByteArray GeminiToAnthropic::error(const QByteArray& anthropicBody)
{
    const QJsonObject error
        = QJsonDocument::fromJson(anthropicBody).object().value(QStringLiteral("error")).toObject();
    const QString message = error.isEmpty()
        ? QString::fromUtf8(anthropicBody.left(200)).simplified()
        : error.value(QStringLiteral("message")).toString();
    return ClientErrors::googleBody(
        { googleCodeOf(error.value(QStringLiteral("type")).toString()), message, {}, {}, {} });
}
